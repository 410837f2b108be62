import type { Command } from "commander";
import { urlNotices } from "../check/command";
import { exitCodeFor } from "../check/report";
import type { CommandKit, CommonOptions } from "../commandKit";
import { UsageError } from "../failures";
import { environmentUrl, serviceUrl } from "../targets";
import { diagnose } from "./diagnose";
import { renderDoctor } from "./render";

interface DoctorOptions extends CommonOptions {
  adminApi?: string;
  adminCenter: boolean;
}

/** `finops-link doctor --env <url>`: one environment in depth, for a support ticket (docs/link-audit.md). */
export function doctorCommand(root: Command, kit: CommandKit): void {
  kit
    .withCommonOptions(
      root
        .command("doctor")
        .description(
          "one environment in depth for a support ticket: identity, versions, the link's answer, the admin center, forms",
        ),
    )
    .option("--admin-api <url>", "the admin API base (default: the cloud's)")
    .option("--no-admin-center", "do not fetch the admin center's view")
    .action(async (options: DoctorOptions) => kit.setExit(await doctor(options, kit)));
}

async function doctor(options: DoctorOptions, kit: CommandKit): Promise<number> {
  const cloud = kit.cloudOf(options);
  const notice = urlNotices();
  const urls = [...new Set(options.env.map((value) => environmentUrl(value, cloud.dataverseDomain, notice)))];
  if (urls.length !== 1) throw new UsageError("doctor looks at one environment: give exactly one --env <url>");
  const admin = { api: serviceUrl(options.adminApi ?? cloud.adminApi), resource: cloud.adminResource };
  const http = kit.httpClient(options);
  const document = await diagnose(
    { url: urls[0] },
    {
      http,
      tokens: kit.signIn(options, cloud),
      admin: options.adminCenter ? admin : null,
      dataverseDomain: cloud.dataverseDomain,
      version: kit.version,
    },
  );
  process.stdout.write(options.json === true ? `${JSON.stringify(document, null, 2)}\n` : renderDoctor(document));
  return exitCodeFor([document.check], document.findings);
}
