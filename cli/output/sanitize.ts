import { stripVTControlCharacters } from "node:util";

/* eslint-disable no-control-regex -- matching control characters is this file's whole job */

/**
 * ECMA-48 control strings a terminal swallows up to their terminator (BEL, ESC \ or the 8-bit ST): OSC (ESC ],
 * 0x9D: titles, OSC 8 clickable links), DCS (ESC P), SOS (ESC X), PM (ESC ^) and APC (ESC _). Removed whole, text
 * and all, so a link's target or a window title never shows as stray text either.
 */
const CONTROL_STRING =
  /(?:\u001b[\]PX^_]|[\u009d\u0090\u0098\u009e\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)/g;
/** CR, LF, TAB, VT, FF and the Unicode line and paragraph separators: each becomes one space. */
const BREAKS = /[\r\n\t\v\f\u0085\u2028\u2029]/g;
/** Every other C0 and C1 control, DEL, and a lone ESC left by a sequence cut short. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
/** Bidi embeddings, overrides and isolates (LRE…RLO, LRI…PDI) and ALM: they reorder what the terminal shows. */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u061c]/g;

/**
 * A server's (or any untrusted) value as one line of plain text for a human output mode (table, CSV, Markdown,
 * HTML, progress line, stderr, import outcome lines): no C0/C1 control, no ANSI CSI/OSC/DCS or other escape
 * sequence, no bidi override; CR, LF and TAB become a space, so one value can never forge a second line.
 * `null`/`undefined` become "", other non-strings `String(value)`.
 *
 * CSI and the other short sequences are removed by Node's `util.stripVTControlCharacters` (the ansi-regex pattern,
 * kept in Node core: the npm `strip-ansi` 7 is ESM-only and Jest loads our modules as CommonJS); control strings
 * (OSC 8 links with any text) are removed first by their ECMA-48 terminators, and whatever is left of a broken
 * sequence loses its ESC with the other controls.
 */
export function terminalText(value: unknown): string {
  if (value === undefined || value === null) return "";
  const text = typeof value === "string" ? value : String(value);
  return stripVTControlCharacters(text.replace(CONTROL_STRING, ""))
    .replace(BREAKS, " ")
    .replace(CONTROLS, "")
    .replace(BIDI, "");
}
