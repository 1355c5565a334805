/**
 * The qualified name of a library API at an expression, also in article-style fragments that use `asyncio.x`
 * without importing it. `qualifiedNameOf` needs an import; a name `asyncio` that nothing binds anywhere can only
 * mean the module (the code would not run otherwise), so it is accepted as `asyncio` too.
 * (See also resolved-name.ts, which additionally resolves bare builtins and honours `from x import *`.)
 */
import type { PyNode } from "./parser.js";
import { childByField, qualifiedNameOf, resolveName } from "./scope.js";

/** Modules whose unimported use in a fragment is taken at its word. */
const FRAGMENT_MODULES = new Set(["asyncio"]);

export function apiNameOf(expression: PyNode, source: string): string | undefined {
  const qualified = qualifiedNameOf(expression, source);
  if (qualified !== undefined) return qualified;
  const parts: string[] = [];
  let current = expression;
  while (current.type === "attribute") {
    const attribute = childByField(current, "attribute");
    const object = childByField(current, "object");
    if (!attribute || !object) return undefined;
    parts.unshift(source.slice(attribute.range[0], attribute.range[1]));
    current = object;
  }
  if (current.type !== "identifier") return undefined;
  const base = source.slice(current.range[0], current.range[1]);
  if (!FRAGMENT_MODULES.has(base) || resolveName(expression, base, source) !== undefined) return undefined;
  return [base, ...parts].join(".");
}

/** `apiNameOf` of a call's callee. */
export function calleeApiName(call: PyNode, source: string): string | undefined {
  const callee = childByField(call, "function");
  return callee ? apiNameOf(callee, source) : undefined;
}
