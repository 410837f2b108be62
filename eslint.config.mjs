// One flat config for everything, including what pcf-scripts lints during the control build. The import rules below
// enforce docs/ARCHITECTURE.md ("What must never be").
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import powerApps from "@microsoft/eslint-plugin-power-apps";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import prettier from "eslint-config-prettier";

const browserCode = ["core/**/*.ts", "pcf/**/*.{ts,tsx}", "webresources/**/*.ts"];

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
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/webresources/**", "**/cli/**"],
              message: "pcf/, webresources/ and cli/ never import each other: share through core/.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["webresources/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/pcf/**", "**/cli/**"],
              message: "pcf/, webresources/ and cli/ never import each other: share through core/.",
            },
            { group: ["react", "react-dom", "@fluentui/*"], message: "The form script is plain: no React." },
          ],
        },
      ],
    },
  },
  {
    // docs/ARCHITECTURE.md: core knows nothing of React, form APIs, edges, or a global Xrm.
    files: ["core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["react", "react-dom", "@fluentui/*"], message: "core/ knows nothing of React." },
            {
              group: ["**/pcf/**", "**/webresources/**", "**/cli/**", "**/solution/**", "**/demo/**"],
              message: "core/ imports no edge.",
            },
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
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/pcf/**", "**/webresources/**"],
              message: "pcf/, webresources/ and cli/ never import each other: share through core/.",
            },
            { group: ["react", "react-dom", "@fluentui/*"], message: "The command line has no React." },
          ],
        },
      ],
    },
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
