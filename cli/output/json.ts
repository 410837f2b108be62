/**
 * A `--json` document as text: indented, one final line break, and ASCII only: every character above U+007F is
 * written as its JSON escape (`\u00fc`), which every JSON reader turns back into the same string. Windows PowerShell
 * 5.1 reads a file without a byte order mark (`Get-Content envs.json | ConvertFrom-Json`) and a native command's
 * output in the console's code page, so raw UTF-8 would come back as "MÃ¼ller"; ASCII reads the same in every
 * code page (docs/cli.md, "Machine output").
 */
export function jsonText(document: unknown): string {
  return `${JSON.stringify(document, null, 2).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}\n`;
}
