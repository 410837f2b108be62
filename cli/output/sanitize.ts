/**
 * A server's or a record's string as one safe line of terminal text: ANSI/OSC escape sequences and C0/C1 control
 * characters removed, CR/LF/TAB turned into spaces. Every human output mode passes server strings through this.
 * (Minimal version; the link-audit branch carries the full one.)
 */
export function terminalText(value: unknown): string {
  const text = typeof value === "string" ? value : String(value);
  /* eslint-disable no-control-regex -- removing control characters and escape sequences is the point */
  return (
    text
      // OSC … BEL or ST; CSI … final byte; other two-byte ESC sequences
      .replace(/\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g, "")
      .replace(/\u009d[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?/g, "")
      .replace(/(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]?/g, "")
      .replace(/\u001b[@-_]?/g, "")
      .replace(/[\r\n\t]/g, " ")
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, "")
  );
  /* eslint-enable no-control-regex */
}
