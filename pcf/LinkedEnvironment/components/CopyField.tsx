import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { copyText } from "./clipboard";
import type { Translate } from "../mapping/translate";
import { CopyIcon } from "./CopyIcon";

export interface CopyFieldProps {
  label: string;
  value: string;
  translate: Translate;
}

type CopyStatus = "idle" | "copied" | "failed";

/** How long "Copied" stays visible: long enough to read, short enough to copy again and see it again. */
const CONFIRMATION_MS = 3000;

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  label: { color: tokens.colorNeutralForeground3, minWidth: "7em" },
  value: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS, margin: "0" },
  id: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: "break-all" },
  copied: { color: tokens.colorPaletteGreenForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

/** One `dt`/`dd` pair of the ids list: the value as selectable text and a labelled copy button with a confirmation. */
export function CopyField({ label, value, translate }: CopyFieldProps): React.ReactElement {
  const styles = useStyles();
  const [status, setStatus] = React.useState<CopyStatus>("idle");
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  React.useEffect(() => {
    if (status === "idle") return undefined;
    const timer = window.setTimeout(() => setStatus("idle"), CONFIRMATION_MS);
    return () => window.clearTimeout(timer);
  }, [status]);
  const onCopy = React.useCallback(() => {
    void copyText(value).then((copied) => {
      if (mounted.current) setStatus(copied ? "copied" : "failed");
    });
  }, [value]);
  const copyLabel = translate("Control_CopyLabel", label);
  return (
    <div className={styles.row}>
      <dt className={styles.label}>{label}</dt>
      <dd className={styles.value}>
        <bdi className={styles.id}>{value}</bdi>
        <Button
          size="small"
          appearance="subtle"
          icon={<CopyIcon />}
          aria-label={copyLabel}
          title={copyLabel}
          onClick={onCopy}
        />
        <span role="status" className={status === "failed" ? styles.failed : styles.copied}>
          {status === "copied"
            ? translate("Control_Copied")
            : status === "failed"
              ? translate("Control_CopyFailed")
              : ""}
        </span>
      </dd>
    </div>
  );
}
