import * as React from "react";
import { Spinner } from "@fluentui/react-components";
import type { Translate } from "../mapping/translate";
import { RetryButton } from "./RetryButton";
import { StateMessage } from "./StateMessage";

/**
 * After this long without an answer the user may ask again, well before the core's request timeout: a Dataverse
 * answer takes well under a second, so ten seconds means something is stuck.
 */
export const OFFER_RETRY_AFTER_MS = 10_000;

/** Shown while the core is asking Dataverse (the surrounding region carries aria-busy); Retry once it takes long. */
export function LoadingView({ translate, onRetry }: { translate: Translate; onRetry: () => void }): React.ReactElement {
  const [slow, setSlow] = React.useState(false);
  React.useEffect(() => {
    const timer = window.setTimeout(() => setSlow(true), OFFER_RETRY_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, []);
  const spinner = <Spinner size="tiny" labelPosition="after" label={translate("Result_Loading")} />;
  if (!slow) return spinner;
  return (
    <StateMessage intent="info" title={translate("Control_StillLoading")}>
      {spinner}
      <RetryButton label={translate("Result_Retry")} onRetry={onRetry} />
    </StateMessage>
  );
}
