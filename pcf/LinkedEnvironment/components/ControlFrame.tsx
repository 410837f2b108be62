import * as React from "react";
import { makeStyles, Text, tokens, useId } from "@fluentui/react-components";
import type { Layout } from "../mapping/settings";

export interface ControlFrameProps {
  layout: Layout;
  /** Card heading: the maker's label or the default; compact shows it only when the maker set a label. */
  heading: string;
  hasCustomLabel: boolean;
  children: React.ReactNode;
}

const useStyles = makeStyles({
  // Card look from theme tokens. Not Fluent's Card: its focus-group wiring is not needed for static content and
  // only adds keyboard handling between the user and the link and buttons inside.
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  compact: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
});

/** The layout's chrome around whatever state is shown: a card, a compact block, or nothing (link only). */
export function ControlFrame({ layout, heading, hasCustomLabel, children }: ControlFrameProps): React.ReactElement {
  const styles = useStyles();
  const headingId = useId("heading");
  const showHeading = layout === "card" || (layout === "compact" && hasCustomLabel);
  if (!showHeading) return <div className={layout === "compact" ? styles.compact : undefined}>{children}</div>;
  return (
    <div role="group" aria-labelledby={headingId} className={layout === "card" ? styles.card : styles.compact}>
      <Text id={headingId} weight="semibold">
        {heading}
      </Text>
      {children}
    </div>
  );
}
