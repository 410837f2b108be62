/** Jest projects, named for what they run: core-control-form (jsdom, no build needed), docs (links, the CLI reference and the screenshots list; no build needed), solution-zips (the built zips), cli (the built finops-link against the emulated tenant), package (npm pack's tarball: its contents, installed outside the checkout, and a consumer project), browser-e2e (real Chromium on the demo). */
const transform = { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.jest.json" }] };

module.exports = {
  collectCoverageFrom: ["core/**/*.ts"],
  coverageThreshold: { "./core/": { lines: 95 } },
  coverageReporters: ["text-summary", "lcov"],
  projects: [
    {
      displayName: "core-control-form",
      testEnvironment: "jsdom",
      transform,
      testMatch: ["<rootDir>/test/{unit,control,form}/**/*.test.{ts,tsx}"],
    },
    {
      displayName: "docs",
      testEnvironment: "node",
      // github-slugger ships ES modules only: compile it to CommonJS like our own files.
      transform: {
        ...transform,
        "/node_modules/github-slugger/.+\\.js$": ["ts-jest", { tsconfig: { allowJs: true } }],
      },
      transformIgnorePatterns: ["/node_modules/(?!github-slugger/)"],
      testMatch: ["<rootDir>/test/docs/**/*.test.ts"],
    },
    {
      displayName: "solution-zips",
      testEnvironment: "node",
      transform,
      testMatch: ["<rootDir>/test/solution/**/*.test.ts"],
    },
    {
      displayName: "cli",
      testEnvironment: "node",
      transform,
      testMatch: ["<rootDir>/test/cli/**/*.test.ts"],
    },
    {
      displayName: "package",
      testEnvironment: "node",
      transform,
      testMatch: ["<rootDir>/test/package/**/*.test.ts"],
    },
    {
      displayName: "browser-e2e",
      testEnvironment: "node",
      transform,
      testMatch: ["<rootDir>/test/e2e/**/*.test.ts"],
    },
  ],
};
