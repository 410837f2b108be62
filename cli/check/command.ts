import { writeFileSync } from "node:fs";
import type { CommandKit } from "../commandKit";
import { EXIT, UsageError } from "../failures";
import { nameFilter, onlyFilter, type Only } from "../output/filter";
import type { Cloud } from "../clouds";
import type { AuditOptions, CheckOptions } from "../program";
import { renderCsv } from "../output/csv";
import { renderHtml } from "../output/html";
import { jsonText } from "../output/json";
import { renderMarkdown } from "../output/markdown";
import { progressBar } from "../output/progress";
import { terminalText } from "../output/sanitize";
import { renderTable } from "../output/table";
import { environmentUrl, readEnvFile, serviceUrl, type UrlNotice } from "../targets";
import { findingsFor } from "./findings";
import { exitCodeFor, summarise, type CheckDocument, type EnvironmentReport } from "./report";
import { runCheck, type AdminSource, type Targets } from "./runCheck";
import type { TenantCapacityReport } from "./tenantCapacity";

/** "A few" environments: above this the check shows a progress bar on a terminal. */
const PROGRESS_ABOVE = 3;

/**
 * One stderr line per URL given with a path, query or fragment, saying which origin was used (once per URL);
 * shared by check and doctor.
 */
export function urlNotices(): UrlNotice {
  const said = new Set<string>();
  return (given, used) => {
    if (said.has(given)) return;
    said.add(given);
    process.stderr.write(
      `finops-link: using ${terminalText(used)} for ${terminalText(given)} (Dataverse is at the origin)\n`,
    );
  };
}

/** `finops-link check`: the link audit (docs/link-audit.md); resolves to the exit code. */
export async function checkCommand(options: CheckOptions, kit: CommandKit): Promise<number> {
  const cloud = kit.cloudOf(options);
  const formats = [options.json, options.csv, options.md].filter((x) => x === true).length;
  if (formats > 1) throw new UsageError("choose one of --json, --csv and --md");
  const notice = urlNotices();
  const urls = options.env.map((value) => environmentUrl(value, cloud.dataverseDomain, notice));
  for (const file of [options.envFile, options.envList])
    if (file !== undefined) urls.push(...readEnvFile(file, cloud.dataverseDomain, notice));
  if (options.all === true && urls.length > 0)
    throw new UsageError("--all checks every environment: leave out --env and --env-file");
  if (options.all !== true && urls.length === 0)
    throw new UsageError("say which environments: --env <url>, --env-file <path> (or --env-list <path>) or --all");
  if (options.html !== undefined && options.html.trim() === "") throw new UsageError("--html needs a file name");
  const admin = { api: serviceUrl(options.adminApi ?? cloud.adminApi), resource: cloud.adminResource };
  const powerPlatform = powerPlatformOf(options, cloud);
  const targets: Targets =
    options.all === true
      ? { kind: "all", admin, dataverseDomain: cloud.dataverseDomain }
      : {
          kind: "urls",
          urls: [...new Set(urls)],
          admin: options.adminCenter ? admin : null,
          dataverseDomain: cloud.dataverseDomain,
        };
  const { http, tokens } = kit.connect(options, cloud);
  const machineOutput = options.json === true || options.csv === true || options.md === true;
  const { environments, listingIncomplete, capacity } = await runCheck(targets, {
    http,
    tokens,
    concurrency: options.concurrency,
    parts: options.parts === true,
    powerPlatform,
    notice,
    select: options.name.length > 0 ? nameFilter(options.name) : undefined,
    progress: (total) =>
      progressBar(total, options.progress ?? (process.stderr.isTTY === true && total > PROGRESS_ABOVE)),
  });
  const findings = findingsFor(environments, capacity ?? null);
  const document: CheckDocument = {
    environments,
    findings,
    ...(targets.kind === "all"
      ? { listing: { complete: listingIncomplete === undefined, error: listingIncomplete ?? null } }
      : {}),
    ...(capacity === undefined ? {} : { capacity }),
    summary: summarise(environments, findings, http.retried),
  };
  const shown = shownEnvironments(document, options.only);
  if (options.html !== undefined) {
    const html = renderHtml(document, shown, { generatedAt: new Date(), program: `finops-link ${kit.version}` });
    try {
      writeFileSync(options.html, html);
    } catch (error) {
      throw new UsageError(`cannot write ${options.html} (${(error as { code?: string }).code ?? "error"})`);
    }
  }
  if (options.json === true) {
    const names = new Set(shown.map((e) => e.name));
    const filtered: CheckDocument =
      options.only === undefined
        ? document
        : {
            ...document,
            environments: shown,
            findings: findings.filter((f) => f.environments.length === 0 || f.environments.some((n) => names.has(n))),
          };
    process.stdout.write(jsonText(filtered));
  } else if (options.csv === true) process.stdout.write(renderCsv(shown, document, options.delimiter));
  else if (options.md === true) process.stdout.write(renderMarkdown(document, shown));
  else process.stdout.write(renderTable(document, shown));
  if (!machineOutput && environments.some((e) => e.state === "unauthorized"))
    process.stderr.write(
      "Some environments refused the sign-in: the token may have expired or be for another tenant.\n",
    );
  sayCapacityNotChecked(capacity);
  if (listingIncomplete !== undefined) {
    process.stderr.write(
      `finops-link: the environment list is incomplete: ${terminalText(listingIncomplete)}; the ${environments.length} listed were checked\n`,
    );
    return EXIT.failed;
  }
  if (capacity !== undefined && !capacity.checked && capacity.failed) return EXIT.failed;
  return exitCodeFor(environments, findings, options.failOn);
}

/**
 * The Power Platform API (licensing) of the run: `--power-platform-api`, else the cloud's; none (capacity not read)
 * when `--admin-api` points the admin list elsewhere and `--power-platform-api` does not follow it: a run aimed at
 * another admin API (a proxy, an emulator) does not send its token to the cloud's licensing API.
 */
export function powerPlatformOf(options: AuditOptions & { adminApi?: string }, cloud: Cloud): AdminSource | undefined {
  if (options.powerPlatformApi === undefined && options.adminApi !== undefined) return undefined;
  return { api: serviceUrl(options.powerPlatformApi ?? cloud.powerPlatformApi), resource: cloud.powerPlatformResource };
}

/** One stderr line when the tenant's capacity could not be read (in every output mode; stdout stays the document). */
export function sayCapacityNotChecked(capacity: TenantCapacityReport | undefined): void {
  if (capacity !== undefined && !capacity.checked)
    process.stderr.write(`finops-link: capacity was not checked: ${terminalText(capacity.reason)}\n`);
}

function shownEnvironments(document: CheckDocument, only: Only | undefined): EnvironmentReport[] {
  if (only === undefined) return document.environments;
  const warned = new Set(
    document.environments.filter((e) =>
      document.findings.some(
        (f) => f.severity !== "info" && e.findings.includes(f.code) && f.environments.includes(e.name),
      ),
    ),
  );
  return document.environments.filter(onlyFilter(only, warned));
}
