/**
 * Copies text to the clipboard. The async Clipboard API needs a secure context and permission; inside some
 * hosts (older embedded browsers, iframes without clipboard-write) it is missing or rejects, so fall back to a
 * hidden textarea and execCommand. Resolves false when neither worked, so the view can say so.
 */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  const clipboard = doc.defaultView?.navigator.clipboard;
  if (clipboard?.writeText) {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      // fall through to the legacy path
    }
  }
  return copyWithTextarea(text, doc);
}

function copyWithTextarea(text: string, doc: Document): boolean {
  const textarea = doc.createElement("textarea");
  textarea.value = text;
  textarea.setAttribute("readonly", "");
  textarea.style.position = "fixed";
  textarea.style.opacity = "0";
  doc.body.appendChild(textarea);
  const previousFocus = doc.activeElement as HTMLElement | null;
  try {
    textarea.select();
    return typeof doc.execCommand === "function" && doc.execCommand("copy");
  } catch {
    return false;
  } finally {
    textarea.remove();
    previousFocus?.focus();
  }
}
