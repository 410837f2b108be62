/** Docs that cannot rot: every relative link and #anchor in the repository's Markdown points at something. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brokenLinks, markdownFiles, parsePage } from "./markdownLinks";

const ROOT = join(__dirname, "../..");

it("every relative link and #anchor in README.md, docs/ and the other Markdown pages points somewhere", () => {
  const files = markdownFiles(ROOT);
  expect(files).toEqual(expect.arrayContaining(["README.md", "docs/ARCHITECTURE.md", "docs/cli.md"]));
  expect(brokenLinks(ROOT, files)).toEqual([]);
});

describe("the checker", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "finops-docs-"));
    mkdirSync(join(root, "docs", "images"), { recursive: true });
    writeFileSync(join(root, "docs", "images", "a.png"), "");
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("names a missing file, a missing anchor, an anchor into a file and a link out of the repository", () => {
    writeFileSync(
      join(root, "README.md"),
      [
        "# Top",
        "",
        "[ok](docs/guide.md#the-control-finopslinklinkedenvironment) [ok](#top) [ok](docs/images/a.png) [web](https://example.com/x)",
        "",
        "[gone](docs/nothing.md) [no anchor](docs/guide.md#nowhere) ![pic](docs/images/b.png)",
        "",
        "[png anchor](docs/images/a.png#x) [out](../elsewhere.md) `[code](not/a/link.md)`",
      ].join("\n"),
    );
    writeFileSync(
      join(root, "docs", "guide.md"),
      "## The control (`FinOpsLink.LinkedEnvironment`)\n\n[back](../README.md#top)\n",
    );
    expect(brokenLinks(root, ["README.md", "docs/guide.md"])).toEqual([
      "README.md:5: docs/nothing.md: no such file docs/nothing.md",
      'README.md:5: docs/guide.md#nowhere: docs/guide.md has no heading with the id "nowhere"',
      "README.md:5: docs/images/b.png: no such file docs/images/b.png",
      "README.md:7: docs/images/a.png#x: an anchor into docs/images/a.png, which is not a Markdown page",
      "README.md:7: ../elsewhere.md: leaves the repository",
    ]);
  });

  it("gives headings GitHub's ids, numbering repeated ones", () => {
    const { anchors } = parsePage("x.md", "# A *b* `c`\n\n## Same\n\n## Same\n\n```\n# not a heading\n```\n");
    expect([...anchors]).toEqual(["a-b-c", "same", "same-1"]);
  });
});
