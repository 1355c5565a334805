/** The TypeScript/JavaScript half of the plugin and its flat-config block. */
import type { ESLint, Linter } from "eslint";
import tsParser from "@typescript-eslint/parser";
import { PLUGIN_NAME } from "../catalog.js";
import { typescriptRules } from "./rules.js";

export const TYPESCRIPT_FILES = ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts", "**/*.js", "**/*.jsx", "**/*.mjs", "**/*.cjs"];

/** Untyped by default: works on any file, inside a tsconfig or not. */
export function typescriptConfig(plugin: ESLint.Plugin, severity: Linter.RuleSeverity = "warn"): Linter.Config {
  return {
    name: `${PLUGIN_NAME}/typescript`,
    files: TYPESCRIPT_FILES,
    plugins: { [PLUGIN_NAME]: plugin },
    languageOptions: {
      parser: tsParser as Linter.Parser,
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: Object.fromEntries(Object.keys(typescriptRules).map((id) => [`${PLUGIN_NAME}/${id}`, severity])),
  };
}
