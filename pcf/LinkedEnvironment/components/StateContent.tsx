import * as React from "react";
import { describeResult, type IntegrationResult, type ResultKind } from "../../../core";
import type { RecordLinkState } from "../recordLoader";
import type { ResultSnapshot } from "../resultStore";
import type { DisplaySettings } from "../mapping/settings";
import type { Translate } from "../mapping/translate";
import { LinkedView } from "./LinkedView";
import { LoadingView } from "./LoadingView";
import { NotLinkedView } from "./NotLinkedView";
import { RetryButton } from "./RetryButton";
import { StateMessage } from "./StateMessage";

export interface StateContentProps extends DisplaySettings {
  snapshot: ResultSnapshot;
  /** Column security: false when the user may not read the bound column. */
  readable: boolean;
  translate: Translate;
  onRetry: () => void;
  record: ResultSnapshot<RecordLinkState>;
  recordName?: string;
  onRecordRetry: () => void;
}

/** What every view gets: the result of its kind, describeResult's words, and the control's props. */
interface ViewInput<K extends ResultKind> {
  result: Extract<IntegrationResult, { kind: K }>;
  title: string;
  detail?: string;
  props: StateContentProps;
}

const retry = ({ translate, onRetry }: StateContentProps): React.ReactElement => (
  <RetryButton label={translate("Result_Retry")} onRetry={onRetry} />
);

/** Signed out (401) or missing privilege (403): what happened and what to ask for; nothing to click. */
const noPermission = ({ title, detail }: { title: string; detail?: string }): React.ReactElement => (
  <StateMessage intent="warning" title={title} detail={detail} />
);

/** One view per result kind. */
const VIEWS: { [K in ResultKind]: (input: ViewInput<K>) => React.ReactElement } = {
  linked: ({ result, props }) => <LinkedView {...props} details={result.details} />,
  // Not linked is not forever: an admin may link the environment now, and Retry skips the cached "not linked".
  notLinked: ({ title, detail, props }) => (
    <NotLinkedView title={title} detail={detail} translate={props.translate}>
      {retry(props)}
    </NotLinkedView>
  ),
  unauthorized: noPermission,
  forbidden: noPermission,
  // Offline: says so, keeps showing the last known environment when there is one, and offers Retry.
  offline: ({ result, title, detail, props }) => (
    <StateMessage intent="warning" title={title} detail={result.lastKnown ? undefined : detail}>
      {result.lastKnown ? <LinkedView {...props} details={result.lastKnown} lastKnown /> : null}
      {retry(props)}
    </StateMessage>
  ),
  // Dataverse answered, but not with usable details: which field was wrong, and no link at all.
  invalid: ({ title, detail }) => <StateMessage intent="warning" title={title} detail={detail} />,
  // Anything else went wrong: the words, the hex error code and server message (in `detail`), and Retry.
  failed: ({ title, detail, props }) => (
    <StateMessage intent="error" title={title} detail={detail}>
      {retry(props)}
    </StateMessage>
  ),
};

function viewFor<K extends ResultKind>(input: ViewInput<K>): React.ReactElement {
  return (VIEWS[input.result.kind] as (input: ViewInput<K>) => React.ReactElement)(input);
}

/** Picks the view for the current state; every state has words, none renders an empty box. */
export function StateContent(props: StateContentProps): React.ReactElement {
  const { snapshot, translate, onRetry } = props;
  if (!props.readable) return <StateMessage intent="warning" title={translate("Control_ColumnSecured")} />;
  const result = snapshot.result;
  if (snapshot.loading || result === undefined) {
    // Keyed by the request: Retry restarts the "taking long" clock.
    return <LoadingView key={snapshot.attempt} translate={translate} onRetry={onRetry} />;
  }
  const { title, detail } = describeResult(result, translate);
  return viewFor({ result, title, detail, props });
}
