import * as React from "react";
import type { LinkedDetails } from "../../../core";
import { StateMessage } from "./StateMessage";
import { RetryButton } from "./RetryButton";

export interface OfflineViewProps {
  title: string;
  detail?: string;
  /** The last linked answer this tab saw; rendered by `renderLastKnown` under the message. */
  lastKnown?: LinkedDetails;
  renderLastKnown: (details: LinkedDetails) => React.ReactNode;
  retryLabel: string;
  onRetry: () => void;
}

/** Offline: says so, keeps showing the last known environment when there is one, and offers Retry. */
export function OfflineView({
  title,
  detail,
  lastKnown,
  renderLastKnown,
  retryLabel,
  onRetry,
}: OfflineViewProps): React.ReactElement {
  return (
    <StateMessage intent="warning" title={title} detail={lastKnown ? undefined : detail}>
      {lastKnown ? renderLastKnown(lastKnown) : null}
      <RetryButton label={retryLabel} onRetry={onRetry} />
    </StateMessage>
  );
}
