import { statSync } from "node:fs";
import { readSolution, type ShippedSolution } from "../package/readSolution";

/** The unmanaged zip, re-read whenever it changes on disk, so `npm run build` shows up on the next page load. */
export class SolutionSource {
  private cached: { mtimeMs: number; solution: ShippedSolution } | undefined;

  constructor(readonly zipPath: string) {}

  load(): { solution?: ShippedSolution; problems: string[] } {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(this.zipPath).mtimeMs;
    } catch {
      return { problems: [`${this.zipPath} does not exist: run npm run build.`] };
    }
    if (this.cached?.mtimeMs !== mtimeMs) {
      try {
        this.cached = { mtimeMs, solution: readSolution(this.zipPath) };
      } catch (error) {
        this.cached = undefined;
        return { problems: [error instanceof Error ? error.message : String(error)] };
      }
    }
    return { solution: this.cached.solution, problems: [] };
  }
}
