/** The solution zips' names: written by the packer, read by the CLI and the demo (core/zipNames.ts). */
import { isPackerZip, zipNames } from "../../core/zipNames";

it("the zip names come from one helper, which recognises exactly its own pattern", () => {
  expect(zipNames("FinOpsLink", "1.2.3")).toEqual({
    unmanaged: "FinOpsLink_1.2.3.zip",
    managed: "FinOpsLink_1.2.3_managed.zip",
  });
  expect(["FinOpsLink_1.2.3.zip", "FinOpsLink_1.2.3.4_managed.zip"].map((n) => isPackerZip("FinOpsLink", n))).toEqual([
    true,
    true,
  ]);
  expect(
    ["FinOpsLink_1.2.zip", "FinOpsLink_1.2.3_x.zip", "XFinOpsLink_1.2.3.zip"].map((n) => isPackerZip("FinOpsLink", n)),
  ).toEqual([false, false, false]);
});
