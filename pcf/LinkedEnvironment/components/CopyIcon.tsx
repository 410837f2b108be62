import * as React from "react";

/**
 * Two overlapping sheets, drawn inline: @fluentui/react-icons is not a platform library, so its icons would be bundled,
 * and one would cost more than this whole component (docs/development.md, "The control: source, build and size"; the
 * budget is test/control/bundle.test.ts's). Decorative: the button carries the label.
 */
export function CopyIcon(): React.ReactElement {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.2"
      aria-hidden="true"
      focusable="false"
    >
      <rect x="5.5" y="5.5" width="8" height="9" rx="1.5" />
      <path d="M3.5 10.5h-.5A1.5 1.5 0 0 1 1.5 9V3A1.5 1.5 0 0 1 3 1.5h5A1.5 1.5 0 0 1 9.5 3v.5" />
    </svg>
  );
}
