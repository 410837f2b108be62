import { powerPlatformOf, sayCapacityNotChecked, urlNotices } from "../check/command";
import { exitCodeFor } from "../check/report";
import type { CommandKit } from "../commandKit";
import type { DoctorOptions } from "../program";
import { EXIT, UsageError } from "../failures";
import { jsonText } from "../output/json";
import { environmentUrl, serviceUrl } from "../targets";
import { diagnose } from "./diagnose";
import { renderDoctor } from "./render";

/** `finops-link doctor --env <url>`: one environment in depth, for a support ticket (docs/link-audit.md). */
export async function doctorCommand(options: DoctorOptions, kit: CommandKit): Promise<number> {
  const cloud = kit.cloudOf(options);
  const notice = urlNotices();
  const urls = [...new Set(options.env.map((value) => environmentUrl(value, cloud.dataverseDomain, notice)))];
  if (urls.length !== 1) throw new UsageError("doctor looks at one environment: give exactly one --env <url>");
  const admin = { api: serviceUrl(options.adminApi ?? cloud.adminApi), resource: cloud.adminResource };
  const { http, tokens } = kit.connect(options, cloud);
  const document = await diagnose(
    { url: urls[0] },
    {
      http,
      tokens,
      admin: options.adminCenter ? admin : null,
      powerPlatform: powerPlatformOf(options, cloud),
      dataverseDomain: cloud.dataverseDomain,
      version: kit.version,
    },
  );
  process.stdout.write(options.json === true ? jsonText(document) : renderDoctor(document));
  sayCapacityNotChecked(document.capacity);
  if (document.capacity !== undefined && !document.capacity.checked && document.capacity.failed) return EXIT.failed;
  return exitCodeFor([document.check], document.findings, options.failOn);
}
