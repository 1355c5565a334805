/**
 * `instanceof Promise` guards, without type information: where the code itself has checked that a variable holds a
 * promise, it does.
 *
 * - `if (x instanceof Promise) { x.then(…) }` (and `x` in the `else` of `if (!(x instanceof Promise))`);
 * - `if (!(x instanceof Promise)) throw x;` (or `return`), then `x.finally(…)` later in the same block.
 *
 * `Promise` must be the global, and the variable must never be assigned after its declaration (a parameter included):
 * nothing between the check and the use can change what it holds.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { isGlobalReference, isReassigned, referenceOf, skipTransparentWrappers } from "./imports.js";

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;
type Variable = TSESLint.Scope.Variable;

/** Whether a guard the code has already passed shows `identifier` to be a promise at this point. */
export function isNarrowedToPromise(identifier: TSESTree.Identifier, sourceCode: SourceCode): boolean {
  const variable = referenceOf(identifier, sourceCode)?.resolved;
  if (!variable || isReassigned(variable)) return false;
  let child: Node = identifier;
  for (let current: Node | undefined = identifier.parent; current; child = current, current = current.parent) {
    if (current.type === "IfStatement" && child !== current.test) {
      const negated = guardOf(current.test, variable, sourceCode);
      if (negated !== undefined && (child === current.consequent) !== negated) return true;
    }
    if ((current.type === "BlockStatement" || current.type === "Program") && child.type !== "FunctionDeclaration") {
      if (exitsUnlessPromise(current.body, child, variable, sourceCode)) return true;
    }
  }
  return false;
}

/** `if (!(x instanceof Promise)) throw …/return …;` among the statements before `statement`. */
function exitsUnlessPromise(body: readonly Node[], statement: Node, variable: Variable, sourceCode: SourceCode): boolean {
  for (const earlier of body) {
    if (earlier === statement) return false;
    if (earlier.type !== "IfStatement" || earlier.alternate) continue;
    if (guardOf(earlier.test, variable, sourceCode) === true && alwaysExits(earlier.consequent)) return true;
  }
  return false;
}

/** For the variable `x`: `false` for `x instanceof Promise`, `true` for `!(x instanceof Promise)`, else `undefined`. */
function guardOf(test: Node, variable: Variable, sourceCode: SourceCode): boolean | undefined {
  const expression = skipTransparentWrappers(test);
  if (expression.type === "UnaryExpression" && expression.operator === "!") {
    return guardOf(expression.argument, variable, sourceCode) === false ? true : undefined;
  }
  if (expression.type !== "BinaryExpression" || expression.operator !== "instanceof") return undefined;
  const left = skipTransparentWrappers(expression.left);
  const right = skipTransparentWrappers(expression.right);
  const isPromiseClass = right.type === "Identifier" && right.name === "Promise" && isGlobalReference(right, sourceCode);
  const checked = left.type === "Identifier" && referenceOf(left, sourceCode)?.resolved === variable;
  return checked && isPromiseClass ? false : undefined;
}

/** A `throw` or `return`, alone or as the last statement of a block. */
function alwaysExits(statement: Node): boolean {
  if (statement.type === "ThrowStatement" || statement.type === "ReturnStatement") return true;
  return statement.type === "BlockStatement" && statement.body.length > 0 && alwaysExits(statement.body.at(-1)!);
}
