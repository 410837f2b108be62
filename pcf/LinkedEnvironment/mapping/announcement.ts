import { describeResult } from "../../../core";
import type { ResultSnapshot } from "../resultStore";
import type { Translate } from "./translate";

/** The sentence the live region announces for what the control shows now. */
export function announcementFor(snapshot: ResultSnapshot, readable: boolean, translate: Translate): string {
  if (!readable) return translate("Control_ColumnSecured");
  if (snapshot.loading || snapshot.result === undefined) return translate("Result_Loading");
  const { title, detail } = describeResult(snapshot.result, translate);
  return detail ? `${title} ${detail}` : title;
}
