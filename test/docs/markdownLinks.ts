/**
 * Finds relative links and `#anchors` in Markdown that point nowhere. The pages are parsed with markdown-it (links,
 * images, headings as a CommonMark + GFM-table parser sees them, so code spans and fenced code never count) and
 * heading ids are GitHub's, from github-slugger (the same id GitHub gives a heading, duplicates numbered -1, -2…).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import GithubSlugger from "github-slugger";
import MarkdownIt, { type Token } from "markdown-it";

export interface Link {
  /** The page, relative to the root, with forward slashes. */
  file: string;
  /** 1-based line of the block the link is in. */
  line: number;
  target: string;
}

export interface Page {
  links: Link[];
  /** GitHub's ids of the page's headings. */
  anchors: Set<string>;
}

const md = new MarkdownIt();
/** A scheme (`https:`, `mailto:`) or a protocol-relative URL: not ours to check offline. */
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
const SKIP_DIRS = new Set([".git", "node_modules", "out", "coverage", "test-results", "obj", "bin"]);

/** The plain text of an inline token, as GitHub slugs it (code spans' text included, markup left out). */
function inlineText(token: Token): string {
  return (token.children ?? [])
    .map((child) => (child.type === "text" || child.type === "code_inline" ? child.content : ""))
    .join("");
}

/** The links, images and heading ids of one Markdown page. */
export function parsePage(file: string, text: string): Page {
  const slugger = new GithubSlugger();
  const links: Link[] = [];
  const anchors = new Set<string>();
  const tokens = md.parse(text, {});
  let line = 1;
  tokens.forEach((token, index) => {
    // Table cells' inline tokens carry no line of their own: they take their row's.
    if (token.map) line = token.map[0] + 1;
    if (token.type === "heading_open") {
      const inline = tokens[index + 1];
      if (inline?.type === "inline") anchors.add(slugger.slug(inlineText(inline)));
    }
    if (token.type !== "inline") return;
    for (const child of token.children ?? []) {
      const target =
        child.type === "link_open" ? child.attrGet("href") : child.type === "image" ? child.attrGet("src") : null;
      if (target !== null) links.push({ file, line, target: String(target) });
    }
  });
  return { links, anchors };
}

/** Every Markdown file under `root` (without dependencies, build output and git's own folder), relative paths. */
export function markdownFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      if (SKIP_DIRS.has(entry)) continue;
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith(".md")) found.push(relative(root, path).split(sep).join("/"));
    }
  };
  walk(root);
  return found.sort();
}

/**
 * The links among `files` (relative to `root`) that point nowhere, each as "file:line: target: why". A relative
 * link must name a file or folder inside `root`; an anchor must be a heading id of the page it names (a `.md` page).
 */
export function brokenLinks(
  root: string,
  files: ReadonlyArray<string>,
  read = (file: string) => readFileSync(join(root, file), "utf8"),
): string[] {
  const pages = new Map<string, Page>();
  const page = (file: string): Page => {
    let parsed = pages.get(file);
    if (parsed === undefined) {
      parsed = parsePage(file, read(file));
      pages.set(file, parsed);
    }
    return parsed;
  };
  const problems: string[] = [];
  for (const file of files) {
    for (const link of page(file).links) {
      if (EXTERNAL.test(link.target)) continue;
      const say = (why: string) => problems.push(`${link.file}:${link.line}: ${link.target}: ${why}`);
      const hashAt = link.target.indexOf("#");
      const pathPart = decodeURIComponent(hashAt < 0 ? link.target : link.target.slice(0, hashAt));
      const anchor = hashAt < 0 ? undefined : decodeURIComponent(link.target.slice(hashAt + 1));
      const absolute = pathPart === "" ? join(root, file) : resolve(root, dirname(file), pathPart);
      const inside = relative(root, absolute);
      if (inside.startsWith("..") || resolve(root, inside) !== absolute) {
        say("leaves the repository");
        continue;
      }
      if (!existsSync(absolute)) {
        say(`no such file ${inside.split(sep).join("/")}`);
        continue;
      }
      if (anchor === undefined) continue;
      const target = inside.split(sep).join("/");
      if (!target.endsWith(".md")) say(`an anchor into ${target}, which is not a Markdown page`);
      else if (!page(target).anchors.has(anchor)) say(`${target} has no heading with the id "${anchor}"`);
    }
  }
  return problems;
}
