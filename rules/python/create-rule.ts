/**
 * The Python counterpart of typescript-eslint's `RuleCreator`: docs come from the catalogue, options are merged
 * over `defaultOptions`, and `meta.languages` ties the rule to the Python language.
 */
import type { RuleContext, RuleDefinition, RulesMeta } from "@eslint/core";
import { docsUrl, findRule, PLUGIN_NAME, type RuleId } from "../catalog.js";
import type { PyNode } from "./parser.js";
import type { PythonLanguageOptions } from "./source-code.js";
import type { PythonSourceCode } from "./source-code.js";

export type PythonRuleContext<MessageIds extends string, Options extends unknown[]> = RuleContext<{
  LangOptions: PythonLanguageOptions;
  Code: PythonSourceCode;
  RuleOptions: Options;
  Node: PyNode;
  MessageIds: MessageIds;
}>;

export type PythonVisitor = Record<string, ((node: PyNode) => void) | undefined>;

export type PythonRule<MessageIds extends string = string, Options extends unknown[] = unknown[]> = RuleDefinition<{
  LangOptions: PythonLanguageOptions;
  Code: PythonSourceCode;
  RuleOptions: Options;
  Visitor: PythonVisitor;
  Node: PyNode;
  MessageIds: MessageIds;
  ExtRuleDocs: Record<string, unknown>;
}>;

interface PythonRuleSpec<MessageIds extends string, Options extends unknown[]> {
  name: RuleId;
  meta: Omit<RulesMeta<MessageIds, Options>, "docs" | "defaultOptions" | "languages">;
  defaultOptions: Options;
  create(context: PythonRuleContext<MessageIds, Options>, options: Options): PythonVisitor;
}

/** Object options are merged key by key over the defaults, as typescript-eslint's `applyDefault` does. */
function withDefaults<Options extends unknown[]>(defaults: Options, given: readonly unknown[]): Options {
  return defaults.map((value, index) => {
    const override = given[index];
    if (override === undefined) return value;
    if (value && typeof value === "object" && !Array.isArray(value) && typeof override === "object") {
      return { ...value, ...override };
    }
    return override;
  }) as Options;
}

export function createPythonRule<MessageIds extends string, Options extends unknown[]>(
  spec: PythonRuleSpec<MessageIds, Options>,
): PythonRule<MessageIds, Options> {
  const entry = findRule(spec.name);
  if (!entry) throw new Error(`Rule ${spec.name} is missing from the catalogue`);
  return {
    meta: {
      ...spec.meta,
      docs: { description: entry.description, url: docsUrl(spec.name), recommended: true },
      languages: [`${PLUGIN_NAME}/python`],
    },
    create(context) {
      return spec.create(context, withDefaults(spec.defaultOptions, context.options));
    },
  };
}
