/**
 * What a name in the code stands for, as a dotted library name: `qualifiedNameOf` (imports followed), plus what an
 * unbound name can only mean — a builtin (`BaseException`, `open`), or, in a code fragment that never imports
 * it, a well-known module (`asyncio.get_event_loop` with no `import asyncio`).
 */
import { definitionScopeOf, definitionsIn } from "./definitions.js";
import { implicitlyImportedModules } from "./knowledge.js";
import type { PyNode } from "./parser.js";
import { resolveName } from "./scope.js";
import { attributePathOf, childByField, compactTextOf, dottedBaseOf, rootOf, textOf } from "./syntax.js";
import { NodeMemo } from "./tree-memo.js";

/** `from x import *` can bind any name: then no unbound name is known to be unbound. */
function hasStarImport(node: PyNode, source: string): boolean {
  return definitionsIn(rootOf(node), source).starImports.length > 0;
}

/**
 * The dotted name of `expression`: import-resolved (`asyncio.CancelledError` however imported), an unbound
 * identifier's own text (a builtin such as `BaseException`), or `asyncio.…` when `asyncio` is bound nowhere.
 * Undefined when the base is a local variable, a parameter, or something other than a name.
 */
export function resolvedNameOf(expression: PyNode, source: string): string | undefined {
  let name = resolvedNames.get(expression);
  if (name === undefined) resolvedNames.set(expression, (name = resolve(expression, source) ?? null));
  return name ?? undefined;
}

/** Each rule asks for the callee of the calls it looks at: a name is resolved about three times on average. */
const resolvedNames = new NodeMemo<string | null>();

function resolve(expression: PyNode, source: string): string | undefined {
  // `qualifiedNameOf`, then the unbound cases, resolving the base once and building no string a miss would discard.
  const base = dottedBaseOf(expression);
  if (base?.type !== "identifier") return undefined;
  const baseName = textOf(base, source);
  const binding = resolveName(expression, baseName, source);
  if (binding?.kind === "import") {
    return base === expression ? binding.qualifiedName : `${binding.qualifiedName}.${attributePathOf(expression, source)}`;
  }
  if (binding !== undefined || hasStarImport(expression, source)) return undefined;
  if (base === expression) return baseName;
  if (!implicitlyImportedModules.has(baseName)) return undefined;
  return compactTextOf(expression, source);
}

/**
 * The builtin a call calls by its own name (`len(xs)`, `map(f, xs)`, `super()`), when no scope the call sees
 * binds that name.
 */
export function builtinCalleeOf(call: PyNode, source: string): string | undefined {
  const callee = childByField(call, "function");
  if (callee?.type !== "identifier") return undefined;
  const name = textOf(callee, source);
  return definitionScopeOf(callee, name, source) === null ? name : undefined;
}

/** `resolvedNameOf` of the function a call calls: `asyncio.sleep(1)` → `asyncio.sleep`, `open(p)` → `open`. */
export function calleeNameOf(call: PyNode, source: string): string | undefined {
  const callee = childByField(call, "function");
  return callee ? resolvedNameOf(callee, source) : undefined;
}

/** The last parts of dotted names (`asyncio.sleep` → `sleep`), for `calleeNameAmong` and the text prechecks. */
export function lastPartsOf(names: Iterable<string>): ReadonlySet<string> {
  const parts = new Set<string>();
  for (const name of names) parts.add(name.slice(name.lastIndexOf(".") + 1));
  return parts;
}

/**
 * `calleeNameOf`, for a caller that looks the name up in a table whose names end in `lastParts`: a method call whose
 * method is none of them is not resolved, since a resolved attribute's name ends with the attribute's own text. Most
 * calls are method calls (`log.info(…)`, `self.x.append(…)`), and the rules that look at every call resolved each one.
 */
export function calleeNameAmong(call: PyNode, source: string, lastParts: ReadonlySet<string>): string | undefined {
  const callee = childByField(call, "function");
  if (!callee) return undefined;
  if (callee.type === "attribute") {
    const attribute = childByField(callee, "attribute");
    if (!attribute || !lastParts.has(textOf(attribute, source))) return undefined;
  }
  return resolvedNameOf(callee, source);
}
