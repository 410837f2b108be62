// One flat config for everything, including what pcf-scripts lints during the control build. The import rules below
// enforce docs/ARCHITECTURE.md ("What must never be").
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import powerApps from "@microsoft/eslint-plugin-power-apps";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import prettier from "eslint-config-prettier";

const browserCode = ["core/**/*.ts", "lib/**/*.ts", "pcf/**/*.{ts,tsx}", "webresources/**/*.ts"];
const REACT = ["react", "react-dom", "@fluentui/*"];

/**
 * The import rule of one deliverable (pcf/, webresources/, cli/): never the other two, which ship separately and share
 * through core/; and, with `noReact`, no React either.
 */
function deliverableImports(others, noReact) {
  const patterns = [
    {
      group: others.map((folder) => `**/${folder}/**`),
      message: "pcf/, webresources/ and cli/ never import each other: share through core/.",
    },
  ];
  if (noReact !== undefined) patterns.push({ group: REACT, message: noReact });
  return { "no-restricted-imports": ["error", { patterns }] };
}

export default tseslint.config(
  { ignores: ["node_modules/", "out/", "solution/bin/", "coverage/", "**/generated/", "docs/", "test-results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The solution checker's rules, on everything that runs inside Dataverse.
    files: browserCode,
    plugins: { "@microsoft/power-apps": powerApps },
    ...powerApps.configs.paCheckerHosted,
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["pcf/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      ...deliverableImports(["webresources", "cli"]),
    },
  },
  {
    files: ["webresources/**/*.ts"],
    rules: deliverableImports(["pcf", "cli"], "The form script is plain: no React."),
  },
  {
    // docs/ARCHITECTURE.md: core knows nothing of React, form APIs, edges, Node, or a global Xrm. lib/ (the npm
    // package's library entry) only re-exports core, under the same rules: it runs in browser bundles and in Node.
    files: ["core/**/*.ts", "lib/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: REACT, message: "core/ knows nothing of React." },
            {
              group: ["**/pcf/**", "**/webresources/**", "**/cli/**", "**/solution/**", "**/demo/**"],
              message: "core/ imports no edge.",
            },
            { group: ["node:*"], message: "core/ runs in browsers too: no Node module." },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "Xrm", message: "core/ is handed Xrm.WebApi; never read the global." },
      ],
    },
  },
  {
    // The admins' command line: Node, and the core; never the browser deliverables or React.
    files: ["cli/**/*.{ts,mjs}"],
    languageOptions: { globals: { ...globals.node } },
    rules: deliverableImports(["pcf", "webresources"], "The command line has no React."),
  },
  {
    // The packer reads build outputs only.
    files: ["solution/**/*.ts"],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              // core/zipNames is the one exception: the zips' naming rule, which the packer writes and the CLI reads.
              group: ["**/core/**", "!**/core/zipNames", "**/pcf/**", "**/webresources/**"],
              message: "The packer reads build outputs, never runtime code (only core/zipNames, the zips' names).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["test/**/*.{ts,tsx,cjs}", "demo/**/*.ts", "scripts/**/*.ts", "*.{js,cjs,mjs,ts}"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  // Last: formatting belongs to Prettier alone (npm run format), so no lint rule argues with it.
  prettier,
);
