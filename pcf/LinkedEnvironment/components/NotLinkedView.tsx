import * as React from "react";
import { ENABLE_INTEGRATION_ARTICLE_URL } from "../../../core";
import type { Translate } from "../mapping/translate";
import { SafeLink } from "./SafeLink";
import { StateMessage } from "./StateMessage";

/**
 * Not linked: plain words and Microsoft's article on enabling the integration (always a new tab: it is help), then
 * `children` (the Retry button).
 */
export function NotLinkedView({
  title,
  detail,
  translate,
  children,
}: {
  title: string;
  detail?: string;
  translate: Translate;
  children?: React.ReactNode;
}): React.ReactElement {
  return (
    <StateMessage intent="info" title={title} detail={detail}>
      <SafeLink href={ENABLE_INTEGRATION_ARTICLE_URL} openInNewTab newTabHint={translate("Control_NewTabHint")}>
        {translate("Control_EnableHelp")}
      </SafeLink>
      {children}
    </StateMessage>
  );
}
