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

/** The files type information is asked for: TypeScript sources, which a tsconfig covers. */
export const TYPE_CHECKED_FILES = ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"];

/**
 * Type information for TypeScript files through typescript-eslint's project service (each file's nearest
 * tsconfig.json): rules then ask the checker (`no-floating-promise` sees a method of an imported class return a
 * promise). Goes after `typescriptConfig`; JavaScript files stay untyped, since a tsconfig without `allowJs` does not
 * cover them. The user sets `tsconfigRootDir` (`import.meta.dirname` in `eslint.config.js`).
 */
export function typescriptTypeCheckedConfig(): Linter.Config {
  return {
    name: `${PLUGIN_NAME}/typescript-type-checked`,
    files: TYPE_CHECKED_FILES,
    languageOptions: { parserOptions: { projectService: true } },
  };
}
