/** Renders the control's root with an injected answer: the views are tested without the core's transport. */
import * as React from "react";
import { act, render, type RenderResult } from "@testing-library/react";
import type { IntegrationResult } from "../../core";
import { LinkedEnvironmentRoot } from "../../pcf/LinkedEnvironment/components/LinkedEnvironmentRoot";
import { ResultStore } from "../../pcf/LinkedEnvironment/resultStore";
import type { RecordLinkState } from "../../pcf/LinkedEnvironment/recordLoader";
import { createTranslator } from "../../pcf/LinkedEnvironment/mapping/translate";
import { toViewProps } from "../../pcf/LinkedEnvironment/mapping/viewProps";
import { fakeContext, type FakeContextOptions } from "./pcfContext";

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export interface RenderedView extends RenderResult {
  store: ResultStore;
  recordStore: ResultStore<RecordLinkState>;
  /** Every call the record store made to its loader, with its forceRefresh flag. */
  recordLoads: boolean[];
  /** Every call the store made to the loader, with its forceRefresh flag. */
  loads: boolean[];
}

let prefixes = 0;

/**
 * `answers` are handed out one per load (the last one repeats); "pending" leaves the load unanswered (loading).
 * Returns after the first answer has been rendered.
 */
export async function renderView(
  answers: IntegrationResult | "pending" | Array<IntegrationResult | Deferred<IntegrationResult>>,
  options: FakeContextOptions & { record?: RecordLinkState | "pending"; recordName?: string } = {},
): Promise<RenderedView> {
  const queue = answers === "pending" ? [deferred<IntegrationResult>()] : Array.isArray(answers) ? answers : [answers];
  const loads: boolean[] = [];
  const store = new ResultStore((forceRefresh) => {
    loads.push(forceRefresh);
    const next = queue[Math.min(loads.length - 1, queue.length - 1)];
    return "promise" in next ? next.promise : Promise.resolve(next);
  });
  const recordLoads: boolean[] = [];
  const recordPending = deferred<RecordLinkState>();
  const recordStore = new ResultStore<RecordLinkState>((forceRefresh) => {
    recordLoads.push(forceRefresh);
    const record = options.record ?? { kind: "off" };
    return record === "pending" ? recordPending.promise : Promise.resolve(record);
  });
  const context = fakeContext(options);
  prefixes += 1;
  const props = toViewProps(context, {
    store,
    recordStore,
    recordName: options.recordName,
    translate: createTranslator((key) => context.resources.getString(key)),
    idPrefix: `view-${prefixes}-`,
  });
  store.refresh();
  recordStore.refresh();
  const view = render(<LinkedEnvironmentRoot {...props} />);
  await flush();
  return Object.assign(view, { store, loads, recordStore, recordLoads });
}

/** Lets pending promises (the store's answer) settle and React re-render. */
export async function flush(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}
