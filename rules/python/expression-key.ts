/**
 * Which expressions denote the same object, as far as names tell: `q` bound in the same scope, or `self.queue` in
 * methods of the same class. Two expressions with equal keys refer to the same variable or attribute.
 */
import type { PyNode } from "./parser.js";
import { bindingsOf, childByField } from "./scope.js";

export interface ExpressionKey {
  /** The scope binding the base name (function, lambda or module), or the class for `self.…`. */
  readonly owner: PyNode;
  /** The dotted text with `self`/`cls` spelled `self`: `q`, `self.queue`, `state.jobs`. */
  readonly path: string;
}

const SCOPES = new Set(["function_definition", "lambda", "module"]);

export function sameKey(a: ExpressionKey | undefined, b: ExpressionKey | undefined): boolean {
  return a !== undefined && b !== undefined && a.owner === b.owner && a.path === b.path;
}

/** The function, lambda or module whose scope binds `name` as seen from `node`; the module when nothing does. */
export function bindingScopeOf(node: PyNode, name: string, source: string): PyNode {
  let current: PyNode | null = node;
  let last = node;
  for (; current; current = current.parent) {
    last = current;
    if (SCOPES.has(current.type) && bindingsOf(current, source).has(name)) return current;
  }
  return last;
}

function isDecoratedWith(fn: PyNode, name: string, source: string): boolean {
  const decorated = fn.parent?.type === "decorated_definition" ? fn.parent : undefined;
  return (
    decorated?.children.some((child) => child.type === "decorator" && source.slice(child.range[0], child.range[1]).replace(/\s+/gu, "") === `@${name}`) ??
    false
  );
}

/** The class a function is a method of (directly in its body), if any. */
export function classOfMethod(fn: PyNode): PyNode | undefined {
  let parent = fn.parent;
  if (parent?.type === "decorated_definition") parent = parent.parent;
  return parent?.type === "block" && parent.parent?.type === "class_definition" ? parent.parent : undefined;
}

/** Parameters in order, with whether each can be passed by position. */
export function parametersOf(fn: PyNode, source: string): { name: string; positional: boolean }[] {
  const parameters = childByField(fn, "parameters");
  if (!parameters) return [];
  const result: { name: string; positional: boolean }[] = [];
  let positional = true;
  for (const parameter of parameters.children) {
    if (parameter.type === "list_splat_pattern" || parameter.type === "keyword_separator" || parameter.type === "dictionary_splat_pattern") {
      positional = false;
      continue;
    }
    if (parameter.type === "positional_separator") continue;
    const name = parameter.type === "identifier" ? parameter : (childByField(parameter, "name") ?? parameter.children.find((child) => child.type === "identifier"));
    if (name) result.push({ name: source.slice(name.range[0], name.range[1]), positional });
  }
  return result;
}

/** Whether `fn` is a method whose first parameter is the instance or class (not a `@staticmethod`). */
export function isBoundMethod(fn: PyNode, source: string): boolean {
  return classOfMethod(fn) !== undefined && !isDecoratedWith(fn, "staticmethod", source) && parametersOf(fn, source)[0]?.positional === true;
}

export function expressionKeyOf(expression: PyNode, source: string): ExpressionKey | undefined {
  const parts: string[] = [];
  let base = expression;
  while (base.type === "attribute") {
    const attribute = childByField(base, "attribute");
    const object = childByField(base, "object");
    if (!attribute || !object) return undefined;
    parts.unshift(source.slice(attribute.range[0], attribute.range[1]));
    base = object;
  }
  if (base.type !== "identifier") return undefined;
  const name = source.slice(base.range[0], base.range[1]);
  const scope = bindingScopeOf(base, name, source);
  if (parts.length > 0 && scope.type === "function_definition" && isBoundMethod(scope, source) && parametersOf(scope, source)[0]!.name === name) {
    return { owner: classOfMethod(scope)!, path: ["self", ...parts].join(".") };
  }
  return { owner: scope, path: [name, ...parts].join(".") };
}
