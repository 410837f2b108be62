import * as React from "react";
import type { ResultSnapshot, ResultStore } from "../resultStore";

/** The store's current snapshot; re-renders when it changes (React 16 has no useSyncExternalStore). */
export function useResultSnapshot<R>(store: ResultStore<R>): ResultSnapshot<R> {
  const [snapshot, setSnapshot] = React.useState(store.snapshot);
  React.useEffect(() => {
    const update = (): void => setSnapshot(store.snapshot);
    update(); // the store may have answered between render and subscription
    return store.subscribe(update);
  }, [store]);
  return snapshot;
}
