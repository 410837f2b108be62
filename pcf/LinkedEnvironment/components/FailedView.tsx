import * as React from "react";
import { StateMessage } from "./StateMessage";
import { RetryButton } from "./RetryButton";

/** Anything else went wrong: the words, the hex error code and server message (in `detail`), and Retry. */
export function FailedView(props: {
  title: string;
  detail?: string;
  retryLabel: string;
  onRetry: () => void;
}): React.ReactElement {
  return (
    <StateMessage intent="error" title={props.title} detail={props.detail}>
      <RetryButton label={props.retryLabel} onRetry={props.onRetry} />
    </StateMessage>
  );
}
