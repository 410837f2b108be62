import * as React from "react";
import { FluentProvider, IdPrefixProvider, webLightTheme, type Theme } from "@fluentui/react-components";
import { announcementFor } from "../mapping/announcement";
import type { RecordLinkState } from "../recordLoader";
import type { ResultStore } from "../resultStore";
import type { DisplaySettings } from "../mapping/settings";
import type { Translate } from "../mapping/translate";
import { ControlFrame } from "./ControlFrame";
import { LiveRegion } from "./LiveRegion";
import { StateContent } from "./StateContent";
import { useResultSnapshot } from "./useResultSnapshot";

/** Everything the view needs, as plain values (what index.ts reads from the PCF context). */
export interface LinkedEnvironmentProps extends DisplaySettings {
  store: ResultStore;
  /** The record link's answer ("off" when the maker did not ask for one) and the form row's name. */
  recordStore: ResultStore<RecordLinkState>;
  recordName?: string;
  translate: Translate;
  /** Unique per control instance, so Fluent ids never collide when a form holds several. */
  idPrefix: string;
  /** The platform's Fluent v9 theme (context.fluentDesignLanguage.tokenTheme); light when the host gives none. */
  theme?: Theme;
  rtl: boolean;
  visible: boolean;
  /** Column security on the bound column. */
  readable: boolean;
}

/** The control's root: theme, direction and id prefix, the layout frame, the state, and the live region. */
export const LinkedEnvironmentRoot = React.memo(function LinkedEnvironmentRoot(
  props: LinkedEnvironmentProps,
): React.ReactElement | null {
  const { store, translate } = props;
  const snapshot = useResultSnapshot(store);
  const onRetry = React.useCallback(() => store.refresh(true), [store]);
  const record = useResultSnapshot(props.recordStore);
  const onRecordRetry = React.useCallback(() => props.recordStore.refresh(true), [props.recordStore]);
  if (!props.visible) return null;
  const busy = props.readable && snapshot.loading;
  return (
    <IdPrefixProvider value={props.idPrefix}>
      <FluentProvider theme={props.theme ?? webLightTheme} dir={props.rtl ? "rtl" : "ltr"}>
        <div aria-busy={busy}>
          <ControlFrame
            layout={props.layout}
            heading={props.label ?? translate("Control_Heading")}
            hasCustomLabel={props.label !== undefined}
          >
            <StateContent
              {...props}
              snapshot={snapshot}
              onRetry={onRetry}
              record={record}
              onRecordRetry={onRecordRetry}
            />
          </ControlFrame>
          <LiveRegion message={announcementFor(snapshot, props.readable, translate)} />
        </div>
      </FluentProvider>
    </IdPrefixProvider>
  );
});
