/**
 * Which expressions denote the same object, as far as names tell: `q` bound in the same scope, or `self.queue` in
 * methods of the same class. Two expressions with equal keys refer to the same variable or attribute.
 */
import { definitionScopeOf } from "./definitions.js";
import { methodReceiverOf } from "./methods.js";
import type { PyNode } from "./parser.js";
import { dottedPartsOf, rootOf, textOf } from "./syntax.js";

export interface ExpressionKey {
  /** The scope binding the base name (function, lambda, class or module), or the class for `self.…`. */
  readonly owner: PyNode;
  /** The dotted text with `self`/`cls` spelled `self`: `q`, `self.queue`, `state.jobs`. */
  readonly path: string;
}

export function sameKey(a: ExpressionKey | undefined, b: ExpressionKey | undefined): boolean {
  return a !== undefined && b !== undefined && a.owner === b.owner && a.path === b.path;
}

/** The key of a name or dotted name; undefined for other expressions and for comprehension variables. */
export function expressionKeyOf(expression: PyNode, source: string): ExpressionKey | undefined {
  const dotted = dottedPartsOf(expression, source);
  if (dotted?.base.type !== "identifier") return undefined;
  const { base, parts } = dotted;
  const name = textOf(base, source);
  const receiver = parts.length > 0 ? methodReceiverOf(base, source) : undefined;
  if (receiver) return { owner: receiver.classNode, path: ["self", ...parts].join(".") };
  const found = definitionScopeOf(base, name, source);
  if (found && !found.scope) return undefined; // a comprehension variable: a new value per item
  return { owner: found?.scope ?? rootOf(base), path: [name, ...parts].join(".") };
}
