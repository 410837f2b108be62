import * as React from "react";
import { Spinner } from "@fluentui/react-components";

/** Shown while the core is asking Dataverse; the surrounding region carries aria-busy. */
export function LoadingView({ label }: { label: string }): React.ReactElement {
  return <Spinner size="tiny" labelPosition="after" label={label} />;
}
