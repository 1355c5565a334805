/**
 * Just enough of Python's scoping for precise rules: which function a node runs in, whether that is async
 * context, and what a name is bound to (an import, or something local we know nothing about). The bindings
 * themselves are collected once, by definitions.ts; this module answers the import-resolution questions.
 */
import { definitionsIn, type Definition, type ImportTarget } from "./definitions.js";
import type { PyNode } from "./parser.js";
import { attributePathOf, dottedBaseOf, textOf } from "./syntax.js";
import { NodeMemo } from "./tree-memo.js";

export { childByField, childrenByField } from "./syntax.js";

const FUNCTION_TYPES = new Set(["function_definition", "lambda"]);
/** Nodes that open a scope of their own: their bodies do not bind names in the enclosing scope. */
const SCOPE_TYPES = new Set(["function_definition", "lambda", "class_definition", "module"]);

/** The nearest enclosing `def`/`async def`/`lambda`, or null at module level. */
export function enclosingFunction(node: PyNode): PyNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (FUNCTION_TYPES.has(current.type)) return current;
  }
  return null;
}

/** The nearest enclosing `def`, `lambda` or `class` — the scope code at `node` runs in — or the module. */
export function enclosingScope(node: PyNode): PyNode {
  let current = node.parent;
  while (current && !SCOPE_TYPES.has(current.type) && current.parent) current = current.parent;
  return current ?? node;
}

/** The nearest `class` statement `node` is inside (at any depth: also from a method's body), if any. */
export function enclosingClass(node: PyNode): PyNode | undefined {
  for (let current = node.parent; current; current = current.parent) if (current.type === "class_definition") return current;
  return undefined;
}

/**
 * Whether code at `node` runs on the event loop: its nearest enclosing function is an `async def`.
 * A nested sync `def` or a `lambda` inside an `async def` is not async context: it may be run in a thread.
 */
export function isInAsyncFunction(node: PyNode): boolean {
  const fn = enclosingFunction(node);
  return fn !== null && fn.type === "function_definition" && fn.isAsync === true;
}

export type Binding =
  | { readonly kind: "import"; readonly qualifiedName: string }
  /** Bound by assignment, parameter, `def`, `class`, `for`, `with … as`, `global`… : nothing known about it. */
  | { readonly kind: "other" };

const OTHER: Binding = { kind: "other" };

/** The dotted name an import binds: `import a.b` → `a`, `import a.b as x` → `a.b`, `from ..m import y` → `..m.y`. */
function qualifiedNameOfImport(target: ImportTarget): string {
  if (target.name === undefined) return target.module;
  return `${".".repeat(target.level)}${target.module}.${target.name}`;
}

/** An import when every binding of the name imports the same thing, "other" otherwise (we cannot know which one a use sees). */
function condense(definitions: readonly Definition[]): Binding {
  let only: string | undefined;
  for (const definition of definitions) {
    if (definition.kind !== "import") return OTHER;
    const qualified = qualifiedNameOfImport(definition.target);
    if (only !== undefined && qualified !== only) return OTHER;
    only = qualified;
  }
  return only === undefined ? OTHER : { kind: "import", qualifiedName: only };
}

/** Per scope, the bindings asked for so far (null: not bound there); a scope binds many names, few are asked about. */
const bindingCache = new NodeMemo<Map<string, Binding | null>>();

/** What `name` is bound to directly in a scope (module, function, lambda), not in the scopes nested inside it. */
function bindingIn(scope: PyNode, name: string, source: string): Binding | undefined {
  let bindings = bindingCache.get(scope);
  if (!bindings) bindingCache.set(scope, (bindings = new Map()));
  let binding = bindings.get(name);
  if (binding === undefined) {
    const definitions = definitionsIn(scope, source).names.get(name);
    binding = definitions ? condense(definitions) : null;
    bindings.set(name, binding);
  }
  return binding ?? undefined;
}

/** What `name` refers to at `node`, looking outward through function scopes to the module (classes skipped). */
export function resolveName(node: PyNode, name: string, source: string): Binding | undefined {
  for (let current: PyNode | null = node.parent; current; current = current.parent) {
    if (!SCOPE_TYPES.has(current.type) || current.type === "class_definition") continue;
    const binding = bindingIn(current, name, source);
    if (binding) return binding;
  }
  return undefined;
}

/**
 * The dotted, import-resolved name of an expression such as `t.sleep` (with `import time as t`) → `time.sleep`,
 * or `nap` (with `from time import sleep as nap`) → `time.sleep`. Undefined when the base is not an import.
 */
export function qualifiedNameOf(expression: PyNode, source: string): string | undefined {
  const base = dottedBaseOf(expression);
  if (base?.type !== "identifier") return undefined;
  const binding = resolveName(expression, textOf(base, source), source);
  if (binding?.kind !== "import") return undefined;
  return base === expression ? binding.qualifiedName : `${binding.qualifiedName}.${attributePathOf(expression, source)}`;
}
