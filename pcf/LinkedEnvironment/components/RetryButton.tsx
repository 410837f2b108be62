import * as React from "react";
import { Button } from "@fluentui/react-components";

/** Asks again, skipping the cache (the core's forceRefresh). */
export function RetryButton({ label, onRetry }: { label: string; onRetry: () => void }): React.ReactElement {
  return (
    <div>
      <Button size="small" onClick={onRetry}>
        {label}
      </Button>
    </div>
  );
}
