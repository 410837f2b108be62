/**
 * The gallery script works against the built solution (the full gallery is refreshed by `npm run screenshots`);
 * test/docs/screenshots.test.ts checks that docs/images holds exactly its pictures and the docs show each.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { takeScreenshots } from "./screenshots";

jest.setTimeout(60_000);

it("writes the linked-state screenshot as a PNG", async () => {
  const dir = mkdtempSync(join(tmpdir(), "finops-shots-"));
  try {
    const [file] = await takeScreenshots(dir, ["linked.png"]);
    const png = readFileSync(file);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // The control area at 900 px wide: a real picture, not an empty element.
    expect(png.readUInt32BE(16)).toBeGreaterThan(400);
    expect(png.readUInt32BE(20)).toBeGreaterThan(60);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
