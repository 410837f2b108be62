import * as React from "react";
import { useVisuallyHidden } from "./useVisuallyHidden";

/** Always mounted, so screen readers announce each new state (a region added with its text is often not read). */
export function LiveRegion({ message }: { message: string }): React.ReactElement {
  const hidden = useVisuallyHidden();
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className={hidden.root}>
      {message}
    </div>
  );
}
