/**
 * Python-only entry point (`async-pitfalls/python`): the language and its rules without loading TypeScript,
 * which would cost ~0.4 s of start-up for a Python-only run.
 */
import type { ESLint, Linter } from "eslint";
import { PLUGIN_NAME } from "../catalog.js";
import { pythonLanguage } from "./language.js";
import { noqaProcessor } from "./noqa-processor.js";
import { pythonRules } from "./rules.js";

export const PYTHON_FILES = ["**/*.py", "**/*.pyi"];

export const pythonPlugin = {
  meta: { name: PLUGIN_NAME },
  languages: { python: pythonLanguage },
  processors: { "python-noqa": noqaProcessor },
  rules: pythonRules,
} as unknown as ESLint.Plugin;

/** The flat-config block that lints Python files with every Python rule at the given severity. */
export function pythonConfig(plugin: ESLint.Plugin, severity: Linter.RuleSeverity = "warn"): Linter.Config {
  return {
    name: `${PLUGIN_NAME}/python`,
    files: PYTHON_FILES,
    plugins: { [PLUGIN_NAME]: plugin },
    language: `${PLUGIN_NAME}/python`,
    processor: `${PLUGIN_NAME}/python-noqa`,
    rules: Object.fromEntries(Object.keys(pythonRules).map((id) => [`${PLUGIN_NAME}/${id}`, severity])),
  };
}

export default {
  ...pythonPlugin,
  configs: { recommended: [pythonConfig(pythonPlugin)] },
};
