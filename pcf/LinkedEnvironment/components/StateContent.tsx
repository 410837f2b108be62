import * as React from "react";
import { describeResult, type LinkedDetails } from "../../../core";
import type { ResultSnapshot } from "../services/resultStore";
import type { DisplaySettings } from "../services/settings";
import type { Translate } from "../services/translate";
import { FailedView } from "./FailedView";
import { InvalidView } from "./InvalidView";
import { LinkedView } from "./LinkedView";
import { LoadingView } from "./LoadingView";
import { NoPermissionView } from "./NoPermissionView";
import { NotLinkedView } from "./NotLinkedView";
import { OfflineView } from "./OfflineView";
import { StateMessage } from "./StateMessage";

export interface StateContentProps extends DisplaySettings {
  snapshot: ResultSnapshot;
  /** Column security: false when the user may not read the bound column. */
  readable: boolean;
  translate: Translate;
  onRetry: () => void;
}

/** Picks the view for the current state; every state has words, none renders an empty box. */
export function StateContent(props: StateContentProps): React.ReactElement {
  const { snapshot, translate, onRetry } = props;
  if (!props.readable) return <StateMessage intent="warning" title={translate("Control_ColumnSecured")} />;
  const result = snapshot.result;
  if (snapshot.loading || result === undefined) return <LoadingView label={translate("Result_Loading")} />;

  const renderLinked = (details: LinkedDetails, lastKnown: boolean): React.ReactElement => (
    <LinkedView {...props} details={details} lastKnown={lastKnown} />
  );
  const { title, detail } = describeResult(result, translate);
  const retryLabel = translate("Result_Retry");
  switch (result.kind) {
    case "linked":
      return renderLinked(result.details, false);
    case "notLinked":
      return <NotLinkedView title={title} detail={detail} translate={translate} />;
    case "unauthorized":
    case "forbidden":
      return <NoPermissionView title={title} detail={detail} />;
    case "offline":
      return (
        <OfflineView
          title={title}
          detail={detail}
          lastKnown={result.lastKnown}
          renderLastKnown={(details) => renderLinked(details, true)}
          retryLabel={retryLabel}
          onRetry={onRetry}
        />
      );
    case "invalid":
      return <InvalidView title={title} detail={detail} />;
    case "failed":
      return <FailedView title={title} detail={detail} retryLabel={retryLabel} onRetry={onRetry} />;
  }
}
