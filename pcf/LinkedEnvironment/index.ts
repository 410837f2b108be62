import * as React from "react";
import { getIntegrationDetails } from "../../core";
import { LinkedEnvironmentRoot } from "./components/LinkedEnvironmentRoot";
import type { IInputs, IOutputs } from "./generated/ManifestTypes";
import { platformWebApi } from "./platformWebApi";
import { formRowOf } from "./platformRecordApi";
import { loadRecordLink, recordKey, whenEnvironmentKnown, type RecordLinkState } from "./recordLoader";
import { columnValueToWrite, createOutputNotifier } from "./mapping/columnOutput";
import { ResultStore } from "./resultStore";
import { readSettings } from "./mapping/settings";
import { createTranslator, type Translate } from "./mapping/translate";
import { canEditColumn, nextIdPrefix, toViewProps } from "./mapping/viewProps";

type Context = ComponentFramework.Context<IInputs>;

/**
 * FinOpsLink.LinkedEnvironment: wires the PCF lifecycle to the core and the React view. No logic of its own:
 * init starts the one request (through the host's webAPI.execute where it has one, so Retry goes the same way) and
 * the record link's lookup (recordLoader.ts: it reads once the link check names an environment),
 * updateView maps context to props (and looks the record up again when the form's row or the record settings changed:
 * the first save of a new row, a rename), getOutputs hands over the column value, destroy silences anything still pending.
 */
export class LinkedEnvironment implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  private context!: Context;
  private store!: ResultStore;
  private recordStore!: ResultStore<RecordLinkState>;
  private translate!: Translate;
  private notifyIfPending!: (pending: string | undefined) => void;
  /** What the record link was last looked up for (recordLoader.ts recordKey): a save changes it. */
  private recordKey = "";
  /** The host's offline flag as last seen: back online, the link is asked again without a Retry. */
  private hostOffline = false;
  private readonly idPrefix = nextIdPrefix();

  init(context: Context, notifyOutputChanged: () => void): void {
    this.context = context;
    this.translate = createTranslator((key) => this.context.resources.getString(key));
    this.notifyIfPending = createOutputNotifier(notifyOutputChanged);
    this.store = new ResultStore((forceRefresh) =>
      getIntegrationDetails({
        orgUrl: window.location.origin,
        userId: context.userSettings.userId,
        webApi: platformWebApi(this.context.webAPI),
        isOffline: () => this.context.client.isOffline(),
        cacheMinutes: readSettings(this.context.parameters).cacheMinutes,
        forceRefresh,
      }),
    );
    this.store.subscribe(() => this.notifyIfPending(this.pendingColumnValue()));
    this.store.refresh();
    // The record link reads only once the link check names an environment; "off" answers at once without a request.
    this.recordStore = new ResultStore<RecordLinkState>(
      (forceRefresh) =>
        loadRecordLink(
          () => this.context,
          forceRefresh,
          () => whenEnvironmentKnown(this.store),
        ),
      Date.now,
      () => ({ kind: "unavailable", table: "", failure: { kind: "failed" } }),
    );
    this.recordKey = recordKey(context);
    this.hostOffline = isHostOffline(context);
    this.recordStore.refresh();
  }

  updateView(context: Context): React.ReactElement {
    this.context = context;
    // A moment that passes: a new row saved (its id arrives), renamed, or the record settings changed. What init saw is
    // looked up again, never kept until a reload.
    const key = recordKey(context);
    if (key !== this.recordKey) {
      this.recordKey = key;
      this.recordStore.refresh(true);
    }
    const offline = isHostOffline(context);
    if (this.hostOffline && !offline) this.store.refresh();
    this.hostOffline = offline;
    this.notifyIfPending(this.pendingColumnValue());
    return React.createElement(
      LinkedEnvironmentRoot,
      toViewProps(context, {
        store: this.store,
        recordStore: this.recordStore,
        recordName: formRowOf(context.mode).name,
        translate: this.translate,
        idPrefix: this.idPrefix,
      }),
    );
  }

  getOutputs(): IOutputs {
    const value = this.pendingColumnValue();
    return value === undefined ? {} : { value };
  }

  destroy(): void {
    this.store.dispose();
    this.recordStore.dispose();
  }

  private pendingColumnValue(): string | undefined {
    const { result, answeredAt } = this.store.snapshot;
    const settings = readSettings(this.context.parameters);
    return columnValueToWrite({
      result,
      answeredAt,
      now: Date.now(),
      cacheMinutes: settings.cacheMinutes,
      writeUrlToColumn: settings.writeUrlToColumn,
      canEdit: canEditColumn(this.context),
      currentValue: this.context.parameters.value?.raw,
    });
  }
}

/** The host's offline flag (the mobile app); a throwing host is taken as online. */
function isHostOffline(context: Context): boolean {
  try {
    return context.client.isOffline();
  } catch {
    return false;
  }
}
