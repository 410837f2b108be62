/** Jest projects, named for what they run: core-control-form (jsdom, no build needed), solution-zips (the built zips), cli (the built finops-link against the emulated tenant), browser-e2e (real Chromium on the demo). */
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
      displayName: "browser-e2e",
      testEnvironment: "node",
      transform,
      testMatch: ["<rootDir>/test/e2e/**/*.test.ts"],
    },
  ],
};
