/**
 * Typed mode for rule tests: typescript-eslint's project service on `fixture-project/` (its tsconfig includes
 * `file.ts` and `repo.ts`; other names such as `file.mts` or `react.tsx` fall back to the same tsconfig through
 * `allowDefaultProject`). Test cases without a `filename` lint as `fixture-project/file.ts`, with the case's code.
 */
import { RuleTester } from "@typescript-eslint/rule-tester";
import path from "node:path";
import "./rule-tester.js";

export const fixtureProjectRoot = path.join(import.meta.dirname, "fixture-project");

export const typedParserOptions = {
  projectService: { allowDefaultProject: ["*.mts", "*.cts", "*.tsx", "*.js", "*.mjs", "*.cjs"], defaultProject: "tsconfig.json" },
  tsconfigRootDir: fixtureProjectRoot,
};

export function typedRuleTester(): RuleTester {
  return new RuleTester({ languageOptions: { parserOptions: typedParserOptions } });
}
