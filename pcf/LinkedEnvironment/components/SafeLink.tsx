import * as React from "react";
import { Link, Text } from "@fluentui/react-components";
import { safeHttpsUrl } from "../../../core";
import { useVisuallyHidden } from "./useVisuallyHidden";

export interface SafeLinkProps {
  href: string | undefined;
  openInNewTab: boolean;
  /** Screen-reader hint appended to links that open a new tab. */
  newTabHint: string;
  children: React.ReactNode;
}

/** A link only when `href` is https (core safeHttpsUrl); anything else is shown as plain text, never as an href. */
export function SafeLink({ href, openInNewTab, newTabHint, children }: SafeLinkProps): React.ReactElement {
  const hidden = useVisuallyHidden();
  const safe = safeHttpsUrl(href);
  if (safe === undefined) return <Text>{children}</Text>;
  if (!openInNewTab) return <Link href={safe}>{children}</Link>;
  return (
    <Link href={safe} target="_blank" rel="noopener noreferrer">
      {children}
      <span className={hidden.root}> {newTabHint}</span>
    </Link>
  );
}
