import * as React from "react";
import { StateMessage } from "./StateMessage";

/** Signed out (401) or missing privilege (403): what happened and what to ask for; nothing to click. */
export function NoPermissionView({ title, detail }: { title: string; detail?: string }): React.ReactElement {
  return <StateMessage intent="warning" title={title} detail={detail} />;
}
