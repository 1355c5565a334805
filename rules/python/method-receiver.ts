/**
 * What `self` / `cls` stand for: the class of the method that takes the name as its first parameter. Only a
 * method written directly in a class body counts, and only when the parameter is never rebound.
 */
import { definitionScopeOf } from "./definitions.js";
import { classOfMethod } from "./expression-key.js";
import { summarizeFunction } from "./module-summary.js";
import type { PyNode } from "./parser.js";
import { childByField } from "./scope.js";

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
  const name = source.slice(identifier.range[0], identifier.range[1]);
  const found = definitionScopeOf(identifier, name, source);
  const method = found?.scope;
  if (method?.type !== "function_definition" || found!.definitions.length !== 1) return undefined;
  const [definition] = found!.definitions;
  const first = childByField(method, "parameters")?.children[0];
  if (definition?.kind !== "other" || definition.site !== first) return undefined;
  const classNode = classOfMethod(method);
  if (!classNode) return undefined;
  const decorators = summarizeFunction(method, source).decorators.map((decorator) =>
    decorator.binding === "builtin" ? decorator.parts.join(".") : decorator.qualified,
  );
  if (decorators.includes("staticmethod") || decorators.includes("builtins.staticmethod")) return undefined;
  const isClassMethod = decorators.includes("classmethod") || decorators.includes("builtins.classmethod");
  return { kind: isClassMethod ? "class" : "instance", classNode, method };
}
