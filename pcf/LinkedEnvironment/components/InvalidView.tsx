import * as React from "react";
import { StateMessage } from "./StateMessage";

/** Dataverse answered, but not with usable details: which field was wrong, and no link at all. */
export function InvalidView({ title, detail }: { title: string; detail?: string }): React.ReactElement {
  return <StateMessage intent="warning" title={title} detail={detail} />;
}
