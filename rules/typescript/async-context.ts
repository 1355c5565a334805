/**
 * Where code runs, syntactically: inside which function, and whether that function is `async`.
 *
 * The nearest enclosing function decides. A sync function or non-async arrow nested in an async function is not
 * async context (it may be handed to a worker or called elsewhere). Class field initialisers and static blocks
 * are boundaries too: they run as part of a constructor or class definition, not as the enclosing function's body.
 */
import type { TSESTree } from "@typescript-eslint/utils";

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

export function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return node.type === "FunctionDeclaration" || node.type === "FunctionExpression" || node.type === "ArrowFunctionExpression";
}

/** The function whose body `node` runs in, or `undefined` at module level or behind a class-member boundary. */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (isFunctionNode(current)) return current;
    if (current.type === "StaticBlock") return undefined;
    if ((current.type === "PropertyDefinition" || current.type === "AccessorProperty") && current.value === child) return undefined;
  }
  return undefined;
}

/** Whether `node` runs in the body of an `async` function (declaration, expression, arrow or method). */
export function isInAsyncFunction(node: TSESTree.Node): boolean {
  return enclosingFunction(node)?.async === true;
}

/**
 * Whether `node` contains an `await` (or `for await`) that belongs to the same function, i.e. a point where the
 * function yields to the event loop. Nested functions are not searched: their awaits suspend only themselves.
 */
export function containsAwait(node: TSESTree.Node): boolean {
  let found = false;
  const visit = (current: TSESTree.Node): void => {
    if (found) return;
    if (current.type === "AwaitExpression" || (current.type === "ForOfStatement" && current.await)) {
      found = true;
      return;
    }
    if (current !== node && isFunctionNode(current)) return;
    forEachChild(current, visit);
  };
  visit(node);
  return found;
}

/** Calls `callback` with each child node of `node` (generic over ESTree shapes: arrays and nested nodes). */
export function forEachChild(node: TSESTree.Node, callback: (child: TSESTree.Node) => void): void {
  for (const [key, value] of Object.entries(node)) {
    if (key === "parent" || value === null || typeof value !== "object") continue;
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) callback(item);
    } else if (isNode(value)) {
      callback(value);
    }
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string" && "range" in value;
}

/**
 * Whether an `await` written at `node` would be valid and belong to an async function: `node` is in the body of the
 * nearest enclosing function, which is `async` (not in its parameter list, where `await` is a syntax error).
 */
export function canAwaitAt(node: TSESTree.Node): boolean {
  const fn = enclosingFunction(node);
  return fn?.async === true && node.range[0] >= fn.body.range[0] && node.range[1] <= fn.body.range[1];
}
