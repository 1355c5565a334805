/**
 * Methods and their receivers: the class a `def` is a method of, its parameters, whether its first parameter is
 * the instance (`self`) or the class (`cls`), and what a name such as `self` stands for where it is used. Only a
 * method written directly in a class body counts, and a receiver only while its parameter is never rebound.
 */
import { parameterName, soleDefinitionOf } from "./definitions.js";
import { summarizeFunction } from "./module-summary.js";
import type { PyNode } from "./parser.js";
import { childByField, textOf } from "./syntax.js";

/** The class a function is a method of (directly in its body), if any. */
export function classOfMethod(fn: PyNode): PyNode | undefined {
  let parent = fn.parent;
  if (parent?.type === "decorated_definition") parent = parent.parent;
  return parent?.type === "block" && parent.parent?.type === "class_definition" ? parent.parent : undefined;
}

/** Parameters in order, with whether each can be passed by position (`*args` itself is left out). */
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
    const name = parameterName(parameter);
    if (name) result.push({ name: textOf(name, source), positional });
  }
  return result;
}

/** What a method's first parameter receives: the instance, the class (`@classmethod`), or nothing (`@staticmethod`). */
export type MethodKind = "instance" | "class" | "static";

/** How `fn` is bound when called through its class or an instance; undefined when it is not a method. */
export function methodKindOf(fn: PyNode, source: string): MethodKind | undefined {
  if (!classOfMethod(fn)) return undefined;
  const decorators = summarizeFunction(fn, source).decorators.map((decorator) =>
    decorator.binding === "builtin" ? decorator.parts.join(".") : decorator.qualified,
  );
  if (decorators.includes("staticmethod") || decorators.includes("builtins.staticmethod")) return "static";
  return decorators.includes("classmethod") || decorators.includes("builtins.classmethod") ? "class" : "instance";
}

/** Whether `fn` is a method whose first parameter is the instance or the class (not a `@staticmethod`). */
export function isBoundMethod(fn: PyNode, source: string): boolean {
  const kind = methodKindOf(fn, source);
  return kind !== undefined && kind !== "static" && parametersOf(fn, source)[0]?.positional === true;
}

export interface MethodReceiver {
  /** "instance" for a plain method's first parameter, "class" for a `@classmethod`'s. */
  readonly kind: "instance" | "class";
  /** The `class_definition` the method belongs to. */
  readonly classNode: PyNode;
  /** The method's `function_definition`. */
  readonly method: PyNode;
}

/** The method (and its class) that `identifier`, a first parameter such as `self`, belongs to. */
export function methodReceiverOf(identifier: PyNode, source: string): MethodReceiver | undefined {
  if (identifier.type !== "identifier") return undefined;
  const sole = soleDefinitionOf(identifier, source);
  const method = sole?.scope;
  if (method?.type !== "function_definition" || sole!.definition.kind !== "other") return undefined;
  if (sole!.definition.site !== childByField(method, "parameters")?.children[0] || !isBoundMethod(method, source)) return undefined;
  return { kind: methodKindOf(method, source) === "class" ? "class" : "instance", classNode: classOfMethod(method)!, method };
}
