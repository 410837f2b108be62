import * as React from "react";
import { Caption1 } from "@fluentui/react-components";
import {
  buildRecordLink,
  describeRecord,
  describeSettingsProblem,
  ENABLE_VIRTUAL_ENTITIES_ARTICLE_URL,
  recordLinkText,
  resolveDeepLink,
} from "../../../core";
import type { Translate } from "../mapping/translate";
import type { RecordLinkState } from "../recordLoader";
import type { ResultSnapshot } from "../resultStore";
import { RetryButton } from "./RetryButton";
import { SafeLink } from "./SafeLink";
import { StateMessage } from "./StateMessage";

export interface RecordLinkProps {
  snapshot: ResultSnapshot<RecordLinkState>;
  /** The linked environment's URL (the link's base) and the form row's name (the link's text). */
  url: string;
  recordName?: string;
  openInNewTab: boolean;
  translate: Translate;
  onRetry: () => void;
}

/**
 * "Open <record> in finance and operations" beside the environment link, or why not: no match, several, a missing
 * value (with the company-level link when the company is known), a table not enabled (with Microsoft's article), a
 * failed request (with Retry), or the maker's mistake. Nothing when the record link is off.
 */
export function RecordLink(props: RecordLinkProps): React.ReactElement | null {
  const { snapshot, url, translate: t, openInNewTab } = props;
  const state = snapshot.result;
  const link = (href: string | undefined, text: string) => (
    <SafeLink href={href} openInNewTab={openInNewTab} newTabHint={t("Control_NewTabHint")}>
      <bdi>{text}</bdi>
    </SafeLink>
  );
  if (snapshot.loading || state === undefined) return <Caption1>{t("Record_Loading")}</Caption1>;
  switch (state.kind) {
    case "off":
      return null;
    case "invalid":
      return <StateMessage intent="warning" title={describeSettingsProblem(state, t)} />;
    case "found": {
      const href = buildRecordLink(url, state.target);
      return href === undefined ? (
        <StateMessage intent="error" title={t("Record_Failed")} />
      ) : (
        link(href, recordLinkText(props.recordName, t))
      );
    }
    default: {
      const { title, detail } = describeRecord(state, t);
      const company = "company" in state ? state.company : undefined;
      return (
        <StateMessage intent={state.kind === "unavailable" ? "error" : "info"} title={title} detail={detail}>
          {company === undefined
            ? null
            : link(resolveDeepLink(url, { cmp: company }).href, t("Record_OpenCompany", company))}
          {state.kind === "notEnabled" ? (
            <SafeLink href={ENABLE_VIRTUAL_ENTITIES_ARTICLE_URL} openInNewTab newTabHint={t("Control_NewTabHint")}>
              {t("Record_EnableHelp")}
            </SafeLink>
          ) : null}
          {state.kind === "unavailable" ? <RetryButton label={t("Result_Retry")} onRetry={props.onRetry} /> : null}
        </StateMessage>
      );
    }
  }
}
