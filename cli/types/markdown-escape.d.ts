// markdown-escape ships no types: its one export (node_modules/markdown-escape/index.js).
declare module "markdown-escape" {
  type Skip =
    | "asterisks"
    | "number signs"
    | "slashes"
    | "parentheses"
    | "square brackets"
    | "angle brackets"
    | "underscores"
    | "codeblocks";
  export default function markdownEscape(text: string, skips?: Skip[]): string;
}
