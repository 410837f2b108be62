import * as React from "react";
import { Card, CardHeader, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { Layout } from "../services/settings";

export interface ControlFrameProps {
  layout: Layout;
  /** Card heading: the maker's label or the default; compact shows it only when the maker set a label. */
  heading: string;
  hasCustomLabel: boolean;
  children: React.ReactNode;
}

const useStyles = makeStyles({
  compact: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
});

/** The layout's chrome around whatever state is shown: a card, a compact block, or nothing (link only). */
export function ControlFrame({ layout, heading, hasCustomLabel, children }: ControlFrameProps): React.ReactElement {
  const styles = useStyles();
  if (layout === "card") {
    return (
      <Card size="small">
        <CardHeader header={<Text weight="semibold">{heading}</Text>} />
        {children}
      </Card>
    );
  }
  if (layout === "compact") {
    return (
      <div className={styles.compact}>
        {hasCustomLabel ? <Text weight="semibold">{heading}</Text> : null}
        {children}
      </div>
    );
  }
  return <div>{children}</div>;
}
