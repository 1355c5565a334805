/**
 * Reading and extending object literals passed as options: which keys a literal certainly has (or that it cannot be
 * known: spreads, computed keys), and the edits that add a property or a new options argument in the file's style.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { skipTransparentWrappers, staticString } from "./imports.js";

type SourceCode = Readonly<TSESLint.SourceCode>;
type RuleFix = TSESLint.RuleFix;
type RuleFixer = TSESLint.RuleFixer;

/** The static key of a property: `a`, `"a"`, `[`a`]`; `undefined` for a computed or dynamic key. */
export function propertyKey(property: TSESTree.Property): string | undefined {
  if (!property.computed && property.key.type === "Identifier") return property.key.name;
  if (property.key.type === "Literal" && (typeof property.key.value === "string" || typeof property.key.value === "number")) {
    return String(property.key.value);
  }
  return staticString(property.key);
}

/** The keys of an object literal, or `undefined` when some key cannot be known (a spread or a computed key). */
export function objectLiteralKeys(node: TSESTree.Node): ReadonlySet<string> | undefined {
  const object = skipTransparentWrappers(node);
  if (object.type !== "ObjectExpression") return undefined;
  const keys = new Set<string>();
  for (const property of object.properties) {
    if (property.type !== "Property") return undefined;
    const key = propertyKey(property);
    if (key === undefined) return undefined;
    keys.add(key);
  }
  return keys;
}

/** The property `key` of an object literal, if it is there (the last one when repeated). */
export function findProperty(object: TSESTree.ObjectExpression, key: string): TSESTree.Property | undefined {
  return object.properties.findLast(
    (property): property is TSESTree.Property => property.type === "Property" && propertyKey(property) === key,
  );
}

/** Adds `property` (e.g. `timeout: 30_000`) as the last property of an object literal, on its own line if the others are. */
export function addProperty(fixer: RuleFixer, object: TSESTree.ObjectExpression, property: string, sourceCode: SourceCode): RuleFix {
  const closing = sourceCode.getLastToken(object)!;
  const last = object.properties.at(-1);
  if (!last) {
    return fixer.replaceTextRange([object.range[0], object.range[1]], `{ ${property} }`);
  }
  const tokenAfterLast = sourceCode.getTokenAfter(last)!;
  const trailingComma = tokenAfterLast.value === ",";
  if (last.loc.end.line === closing.loc.start.line) {
    return trailingComma
      ? fixer.insertTextAfter(tokenAfterLast, ` ${property},`)
      : fixer.insertTextAfter(last, `, ${property}`);
  }
  // Multi-line: a new line indented like the last property, keeping the trailing-comma style.
  const lineStart = sourceCode.text.lastIndexOf("\n", last.range[0] - 1) + 1;
  const indent = /^[ \t]*/.exec(sourceCode.text.slice(lineStart))![0];
  const eol = sourceCode.text.includes("\r\n") ? "\r\n" : "\n";
  return trailingComma
    ? fixer.insertTextAfter(tokenAfterLast, `${eol}${indent}${property},`)
    : fixer.insertTextAfter(last, `,${eol}${indent}${property}`);
}

/** Appends arguments after the last one of a call (`f(url)` → `f(url, { … })`), or into empty parentheses. */
export function appendArguments(fixer: RuleFixer, call: TSESTree.CallExpression | TSESTree.NewExpression, text: string, sourceCode: SourceCode): RuleFix {
  const last = call.arguments.at(-1);
  if (last) return fixer.insertTextAfter(last, `, ${text}`);
  const closing = sourceCode.getLastToken(call)!;
  return fixer.insertTextBefore(closing, text);
}
