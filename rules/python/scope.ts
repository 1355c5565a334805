/**
 * Just enough of Python's scoping for precise rules: which function a node runs in, whether that is async
 * context, and what a name is bound to (an import, or something local we know nothing about).
 */
import type { PyNode } from "./parser.js";

const FUNCTION_TYPES = new Set(["function_definition", "lambda"]);
/** Nodes that open a scope of their own: their bodies do not bind names in the enclosing scope. */
const SCOPE_TYPES = new Set(["function_definition", "lambda", "class_definition", "module"]);
const COMPREHENSION_TYPES = new Set(["list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression"]);

export function childByField(node: PyNode, field: string): PyNode | undefined {
  return node.children.find((child) => child.field === field);
}

export function childrenByField(node: PyNode, field: string): PyNode[] {
  return node.children.filter((child) => child.field === field);
}

/** The nearest enclosing `def`/`async def`/`lambda`, or null at module level. */
export function enclosingFunction(node: PyNode): PyNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (FUNCTION_TYPES.has(current.type)) return current;
  }
  return null;
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
const bindingCache = new WeakMap<PyNode, Map<string, Binding>>();

function textOf(node: PyNode, source: string): string {
  return source.slice(node.range[0], node.range[1]);
}

function bind(bindings: Map<string, Binding>, name: string, binding: Binding): void {
  const existing = bindings.get(name);
  if (!existing) bindings.set(name, binding);
  else if (existing.kind !== "import" || binding.kind !== "import" || existing.qualifiedName !== binding.qualifiedName) {
    bindings.set(name, OTHER); // bound two different ways: we cannot know which one a call sees
  }
}

/** Every identifier a binding target introduces: `a`, `a, b`, `(a, [b, *c])`; attributes/subscripts bind nothing. */
function bindTargets(target: PyNode, bindings: Map<string, Binding>, source: string): void {
  if (target.type === "identifier") bind(bindings, textOf(target, source), OTHER);
  else if (target.type === "attribute" || target.type === "subscript") return;
  else for (const child of target.children) bindTargets(child, bindings, source);
}

function moduleNameOf(node: PyNode | undefined, source: string): string {
  return node ? textOf(node, source).replace(/\s+/gu, "") : "";
}

function bindImport(statement: PyNode, bindings: Map<string, Binding>, source: string): void {
  const isFrom = statement.type === "import_from_statement";
  const moduleName = isFrom ? moduleNameOf(childByField(statement, "module_name"), source) : "";
  for (const item of childrenByField(statement, "name")) {
    if (item.type === "aliased_import") {
      const dotted = textOf(childByField(item, "name")!, source);
      const alias = textOf(childByField(item, "alias")!, source);
      bind(bindings, alias, { kind: "import", qualifiedName: isFrom ? `${moduleName}.${dotted}` : dotted });
    } else if (isFrom) {
      const name = textOf(item, source);
      bind(bindings, name, { kind: "import", qualifiedName: `${moduleName}.${name}` });
    } else {
      // `import a.b.c` binds `a`; attribute access then spells out the rest.
      const first = textOf(item, source).split(".")[0]!;
      bind(bindings, first, { kind: "import", qualifiedName: first });
    }
  }
}

function bindParameters(parameters: PyNode, bindings: Map<string, Binding>, source: string): void {
  for (const parameter of parameters.children) {
    const name = childByField(parameter, "name") ?? parameter.children.find((child) => child.type === "identifier");
    if (parameter.type === "identifier") bind(bindings, textOf(parameter, source), OTHER);
    else if (name) bind(bindings, textOf(name, source), OTHER);
  }
}

/** Names bound directly in a scope (module, function, lambda), not in the scopes nested inside it. */
export function bindingsOf(scope: PyNode, source: string): Map<string, Binding> {
  const cached = bindingCache.get(scope);
  if (cached) return cached;
  const bindings = new Map<string, Binding>();
  const parameters = childByField(scope, "parameters");
  if (parameters) bindParameters(parameters, bindings, source);

  const body = scope.type === "module" ? scope.children : scope.children.filter((child) => child.field === "body");
  const stack = [...body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case "import_statement":
      case "import_from_statement":
        bindImport(node, bindings, source);
        continue;
      case "function_definition":
      case "class_definition":
        bind(bindings, textOf(childByField(node, "name")!, source), OTHER);
        stack.push(...node.children.filter((child) => child.field === "decorator" || child.type === "decorator"));
        continue;
      case "lambda":
        continue;
      case "assignment":
      case "augmented_assignment":
      case "for_statement":
        bindTargets(childByField(node, "left") ?? node, bindings, source);
        break;
      case "named_expression":
        bindTargets(childByField(node, "name") ?? node, bindings, source);
        break;
      case "as_pattern_target":
        bindTargets(node, bindings, source);
        break;
      case "global_statement":
      case "nonlocal_statement":
        for (const name of node.children) bind(bindings, textOf(name, source), OTHER);
        continue;
      default:
        if (COMPREHENSION_TYPES.has(node.type)) continue;
    }
    stack.push(...node.children);
  }
  bindingCache.set(scope, bindings);
  return bindings;
}

/** What `name` refers to at `node`, looking outward through function scopes to the module (classes skipped). */
export function resolveName(node: PyNode, name: string, source: string): Binding | undefined {
  for (let current: PyNode | null = node.parent; current; current = current.parent) {
    if (!SCOPE_TYPES.has(current.type) || current.type === "class_definition") continue;
    const binding = bindingsOf(current, source).get(name);
    if (binding) return binding;
  }
  return undefined;
}

/**
 * The dotted, import-resolved name of an expression such as `t.sleep` (with `import time as t`) → `time.sleep`,
 * or `nap` (with `from time import sleep as nap`) → `time.sleep`. Undefined when the base is not an import.
 */
export function qualifiedNameOf(expression: PyNode, source: string): string | undefined {
  const parts: string[] = [];
  let current = expression;
  while (current.type === "attribute") {
    const attribute = childByField(current, "attribute");
    const object = childByField(current, "object");
    if (!attribute || !object) return undefined;
    parts.unshift(textOf(attribute, source));
    current = object;
  }
  if (current.type !== "identifier") return undefined;
  const binding = resolveName(expression, textOf(current, source), source);
  if (binding?.kind !== "import") return undefined;
  return [binding.qualifiedName, ...parts].join(".");
}
