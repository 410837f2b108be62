/** Jest projects: unit (core, control, form script), solution (the built zips), e2e (real Chromium). */
const transform = { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.jest.json" }] };

module.exports = {
  collectCoverageFrom: ["core/**/*.ts"],
  coverageThreshold: { "./core/": { lines: 95 } },
  coverageReporters: ["text-summary", "lcov"],
  projects: [
    {
      displayName: "unit",
      testEnvironment: "jsdom",
      transform,
      testMatch: ["<rootDir>/test/{unit,control,form}/**/*.test.{ts,tsx}"],
    },
    {
      displayName: "solution",
      testEnvironment: "node",
      transform,
      testMatch: ["<rootDir>/test/solution/**/*.test.ts"],
    },
    {
      displayName: "e2e",
      testEnvironment: "node",
      transform,
      testMatch: ["<rootDir>/test/e2e/**/*.test.ts"],
    },
  ],
};
