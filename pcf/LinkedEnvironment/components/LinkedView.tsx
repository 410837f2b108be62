import * as React from "react";
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { hostOf, resolveDeepLink, type LinkedDetails } from "../../../core";
import type { DisplaySettings } from "../mapping/settings";
import type { Translate } from "../mapping/translate";
import type { RecordLinkState } from "../recordLoader";
import type { ResultSnapshot } from "../resultStore";
import { CopyField } from "./CopyField";
import { RecordLink } from "./RecordLink";
import { SafeLink } from "./SafeLink";

export interface LinkedViewProps extends DisplaySettings {
  details: LinkedDetails;
  translate: Translate;
  /** Offline: these details are the last known answer, not a fresh one. */
  lastKnown?: boolean;
  /** The record link's answer, the form row's name and its Retry. */
  record: ResultSnapshot<RecordLinkState>;
  recordName?: string;
  onRecordRetry: () => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  ids: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, margin: "0" },
});

/**
 * The F&O host as a link (a deep link when cmp/mi are set; the plain link, with a note, when that would be too long)
 * and, except in "link only", the ids to copy.
 */
export function LinkedView(props: LinkedViewProps): React.ReactElement {
  const { details, layout, label, translate } = props;
  const styles = useStyles();
  const link = resolveDeepLink(details.url, { cmp: props.legalEntity, mi: props.menuItem });
  const text = layout === "linkOnly" && label ? label : (hostOf(details.url) ?? details.url);
  const showIds = layout !== "linkOnly" && (props.showTenantId || props.showEnvironmentId);
  return (
    <div className={styles.root}>
      {props.lastKnown ? <Caption1>{translate("Control_LastKnown")}</Caption1> : null}
      <SafeLink href={link.href} openInNewTab={props.openInNewTab} newTabHint={translate("Control_NewTabHint")}>
        <bdi>{text}</bdi>
      </SafeLink>
      {link.tooLong ? <Caption1>{translate("Result_DeepLinkTooLong")}</Caption1> : null}
      {/* Its own polite region: the record's answer often comes after the link's, which the root's region announced. */}
      <div aria-live="polite">
        <RecordLink
          snapshot={props.record}
          url={details.url}
          recordName={props.recordName}
          openInNewTab={props.openInNewTab}
          translate={translate}
          onRetry={props.onRecordRetry}
        />
      </div>
      {showIds ? (
        <dl className={styles.ids}>
          {props.showTenantId ? (
            <CopyField label={translate("Result_TenantId")} value={details.tenantId} translate={translate} />
          ) : null}
          {props.showEnvironmentId ? (
            <CopyField label={translate("Result_EnvironmentId")} value={details.environmentId} translate={translate} />
          ) : null}
        </dl>
      ) : null}
    </div>
  );
}
