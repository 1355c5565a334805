/**
 * The ESLint plugin: `import asyncPitfalls from "async-pitfalls"`, then spread
 * `asyncPitfalls.configs.recommended` into `eslint.config.js`. Covers Python and TypeScript/JavaScript.
 */
import type { ESLint, Linter } from "eslint";
import { PLUGIN_NAME } from "./catalog.js";
import { pythonLanguage } from "./python/language.js";
import { noqaProcessor } from "./python/noqa-processor.js";
import { pythonConfig } from "./python/plugin.js";
import { pythonRules } from "./python/rules.js";
import { PythonSourceCode } from "./python/source-code.js";
import { typescriptConfig } from "./typescript/plugin.js";
import { typescriptRules } from "./typescript/rules.js";

/**
 * ESLint looks a rule up by one id for every language, so a rule id shared by both languages dispatches on the
 * file's language: Python files get the Python implementation, everything else the TypeScript one.
 */
function mergeRules(): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...typescriptRules };
  for (const [id, pythonRule] of Object.entries(pythonRules)) {
    const tsRule = (typescriptRules as Record<string, unknown>)[id];
    merged[id] = tsRule ? dispatchByLanguage(pythonRule as never, tsRule as never) : pythonRule;
  }
  return merged;
}

interface AnyRule {
  meta?: Record<string, unknown> & { languages?: string[] };
  create(context: { languageOptions: unknown; sourceCode: unknown; physicalFilename: string }): unknown;
}

function hasOptions(rule: AnyRule): boolean {
  const schema = rule.meta?.["schema"];
  return Array.isArray(schema) ? schema.length > 0 : schema !== undefined && schema !== false;
}

function dispatchByLanguage(pythonRule: AnyRule, tsRule: AnyRule): AnyRule {
  return {
    meta: {
      ...tsRule.meta,
      ...pythonRule.meta,
      // Both rules' messages and capabilities, so RuleTester and the fixer accept either's reports.
      messages: { ...(tsRule.meta?.["messages"] as object), ...(pythonRule.meta?.["messages"] as object) },
      fixable: pythonRule.meta?.["fixable"] ?? tsRule.meta?.["fixable"],
      hasSuggestions: Boolean(pythonRule.meta?.["hasSuggestions"] || tsRule.meta?.["hasSuggestions"]),
      // One id, one options schema: the language whose rule takes options defines it.
      schema: hasOptions(pythonRule) ? pythonRule.meta?.["schema"] : tsRule.meta?.["schema"],
      languages: undefined,
    },
    create(context) {
      return (context.sourceCode instanceof PythonSourceCode ? pythonRule : tsRule).create(context);
    },
  };
}

const plugin = {
  meta: { name: PLUGIN_NAME, version: "0.1.0" },
  languages: { python: pythonLanguage },
  processors: { "python-noqa": noqaProcessor },
  rules: mergeRules(),
  configs: {} as Record<string, Linter.Config[]>,
} as unknown as ESLint.Plugin & { configs: Record<string, Linter.Config[]> };

plugin.configs["recommended"] = [pythonConfig(plugin), typescriptConfig(plugin)];

export default plugin;
