/**
 * `qualifiedNameOf`, plus what an unbound name can only mean: a builtin (`BaseException`), or — in a code
 * fragment that never imports it — a well-known module (`asyncio.get_event_loop` with no `import asyncio`).
 */
import { implicitlyImportedModules } from "./knowledge.js";
import type { PyNode } from "./parser.js";
import { childByField, qualifiedNameOf, resolveName } from "./scope.js";

const wildcardCache = new WeakMap<PyNode, boolean>();

function moduleOf(node: PyNode): PyNode {
  let current = node;
  while (current.parent) current = current.parent;
  return current;
}

/** `from x import *` can bind any name: then no unbound name is known to be unbound. */
function hasWildcardImport(module: PyNode): boolean {
  let cached = wildcardCache.get(module);
  if (cached === undefined) {
    cached = module.children.some(
      (statement) => statement.type === "import_from_statement" && statement.children.some((child) => child.type === "wildcard_import"),
    );
    wildcardCache.set(module, cached);
  }
  return cached;
}

/**
 * The dotted name of `expression`: import-resolved (`asyncio.CancelledError` however imported), an unbound
 * identifier's own text (a builtin such as `BaseException`), or `asyncio.…` when `asyncio` is bound nowhere.
 * Undefined when the base is a local variable, a parameter, or something other than a name.
 */
export function resolvedNameOf(expression: PyNode, source: string): string | undefined {
  const qualified = qualifiedNameOf(expression, source);
  if (qualified !== undefined) return qualified;
  let base = expression;
  while (base.type === "attribute") {
    const object = childByField(base, "object");
    if (!object) return undefined;
    base = object;
  }
  if (base.type !== "identifier") return undefined;
  const baseName = source.slice(base.range[0], base.range[1]);
  if (resolveName(expression, baseName, source) !== undefined || hasWildcardImport(moduleOf(expression))) return undefined;
  if (base === expression) return baseName;
  if (!implicitlyImportedModules.has(baseName)) return undefined;
  return source.slice(expression.range[0], expression.range[1]).replace(/\s+/gu, "");
}
