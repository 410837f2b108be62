import { makeStyles } from "@fluentui/react-components";

/** Text for screen readers only (the new-tab hint, the live region); still in the accessibility tree. */
export const useVisuallyHidden = makeStyles({
  root: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: "0",
    overflow: "hidden",
    clip: "rect(0, 0, 0, 0)",
    whiteSpace: "nowrap",
    border: "0",
  },
});
