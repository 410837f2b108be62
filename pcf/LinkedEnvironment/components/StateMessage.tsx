import * as React from "react";
import { makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";

export type MessageIntent = "info" | "warning" | "error";

export interface StateMessageProps {
  intent: MessageIntent;
  title: string;
  detail?: string;
  children?: React.ReactNode;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalS, // Griffel mirrors this (and the border) under dir="rtl"
    borderLeft: `${tokens.strokeWidthThick} solid`,
  },
  info: { borderLeftColor: tokens.colorBrandStroke1 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  detail: { color: tokens.colorNeutralForeground2 },
});

/** Title, detail and actions of every state that is not a link: plain words, the intent shown as a coloured edge. */
export function StateMessage({ intent, title, detail, children }: StateMessageProps): React.ReactElement {
  const styles = useStyles();
  return (
    <div className={mergeClasses(styles.root, styles[intent])}>
      <Text weight="semibold">{title}</Text>
      {detail ? <Text className={styles.detail}>{detail}</Text> : null}
      {children}
    </div>
  );
}
