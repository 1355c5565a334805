/**
 * The ESLint plugin: `import asyncPitfalls from "async-pitfalls"`, then spread
 * `asyncPitfalls.configs.recommended` into `eslint.config.js`. Covers Python and TypeScript/JavaScript.
 * `configs.recommendedTypeChecked` adds type information for TypeScript files (`parserOptions.projectService`).
 */
import type { ESLint, Linter } from "eslint";
import { PLUGIN_NAME } from "./catalog.js";
import { pythonLanguage } from "./python/language.js";
import { noqaProcessor } from "./python/noqa-processor.js";
import { pythonConfig } from "./python/plugin.js";
import { pythonRules } from "./python/rules.js";
import { PythonSourceCode } from "./python/source-code.js";
import { typescriptConfig, typescriptTypeCheckedConfig } from "./typescript/plugin.js";
import { typescriptRules } from "./typescript/rules.js";

/**
 * ESLint looks a rule up by one id for every language, so a rule id shared by both languages dispatches on the
 * file's language: Python files get the Python implementation, everything else the TypeScript one.
 */
function mergeRules(): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...typescriptRules };
  for (const [id, pythonRule] of Object.entries(pythonRules)) {
    const tsRule = (typescriptRules as Record<string, unknown>)[id];
    merged[id] = tsRule ? dispatchByLanguage(id, pythonRule as never, tsRule as never) : pythonRule;
  }
  return merged;
}

interface AnyRule {
  meta?: Record<string, unknown> & { languages?: string[] };
  create(context: { languageOptions: unknown; sourceCode: unknown; physicalFilename: string }): unknown;
}

type JsonSchema = Record<string, unknown>;

function objectSchemaOf(rule: AnyRule): JsonSchema | undefined {
  const schema = rule.meta?.["schema"];
  if (!Array.isArray(schema) || schema.length === 0) return undefined;
  if (schema.length > 1 || (schema[0] as JsonSchema)["type"] !== "object") {
    throw new Error("A rule shared by both languages must take at most one options object");
  }
  return schema[0] as JsonSchema;
}

/** A property schema without its prose, for comparing what two schemas accept. */
function shapeOf(property: unknown): string {
  return JSON.stringify(property, (key, value: unknown) => (key === "description" ? undefined : value));
}

/**
 * One id, one options object: the union of both implementations' option properties (each reads its own).
 * A property both define must mean the same thing, so both must describe it identically.
 */
function mergeSchemas(id: string, pythonRule: AnyRule, tsRule: AnyRule): JsonSchema[] {
  const schemas = [objectSchemaOf(pythonRule), objectSchemaOf(tsRule)].filter((schema): schema is JsonSchema => schema !== undefined);
  if (schemas.length <= 1) return schemas;
  const properties: Record<string, unknown> = {};
  for (const schema of schemas) {
    for (const [name, property] of Object.entries((schema["properties"] as Record<string, unknown>) ?? {})) {
      if (name in properties && shapeOf(properties[name]) !== shapeOf(property)) {
        throw new Error(`Rule ${id}: option "${name}" is defined differently for Python and TypeScript`);
      }
      properties[name] = property;
    }
  }
  return [{ type: "object", properties, additionalProperties: false }];
}

/** Both implementations' messages; a message id both use must have the same text, or reports would lie. */
function mergeMessages(id: string, pythonRule: AnyRule, tsRule: AnyRule): Record<string, string> {
  const python = (pythonRule.meta?.["messages"] ?? {}) as Record<string, string>;
  const ts = (tsRule.meta?.["messages"] ?? {}) as Record<string, string>;
  for (const [messageId, text] of Object.entries(python)) {
    if (messageId in ts && ts[messageId] !== text) {
      throw new Error(`Rule ${id}: message id "${messageId}" has different texts for Python and TypeScript`);
    }
  }
  return { ...ts, ...python };
}

function dispatchByLanguage(id: string, pythonRule: AnyRule, tsRule: AnyRule): AnyRule {
  return {
    meta: {
      ...tsRule.meta,
      ...pythonRule.meta,
      // Both rules' messages and capabilities, so RuleTester and the fixer accept either's reports.
      messages: mergeMessages(id, pythonRule, tsRule),
      fixable: pythonRule.meta?.["fixable"] ?? tsRule.meta?.["fixable"],
      hasSuggestions: Boolean(pythonRule.meta?.["hasSuggestions"] || tsRule.meta?.["hasSuggestions"]),
      schema: mergeSchemas(id, pythonRule, tsRule),
      defaultOptions: undefined,
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
plugin.configs["recommendedTypeChecked"] = [pythonConfig(plugin), typescriptConfig(plugin), typescriptTypeCheckedConfig()];

export default plugin;
