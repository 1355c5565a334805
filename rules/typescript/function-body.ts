/**
 * Questions about a function's own body, for rewrites that move it: does it read its own `this`/`arguments`, does it
 * `return` (as opposed to nested functions), does a name occur anywhere under a node.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { forEachChild, isFunctionNode, type FunctionNode } from "./async-context.js";

type Node = TSESTree.Node;

/** A non-arrow function that reads its own `this` or `arguments` (an arrow shares its parent's: fine to move). */
export function usesOwnThisOrArguments(fn: FunctionNode): boolean {
  if (fn.type === "ArrowFunctionExpression") return false;
  let found = false;
  const visit = (node: Node): void => {
    if (found) return;
    if (node.type === "ThisExpression" || (node.type === "Identifier" && node.name === "arguments")) {
      found = true;
      return;
    }
    if (node.type === "FunctionExpression" || node.type === "FunctionDeclaration") return;
    forEachChild(node, visit);
  };
  forEachChild(fn.body, visit);
  return found;
}

/** Whether the function's block body has a `return` of its own (not of a nested function). */
export function hasOwnReturn(fn: FunctionNode): boolean {
  if (fn.body.type !== "BlockStatement") return false;
  let found = false;
  const visit = (node: Node): void => {
    if (found) return;
    if (node.type === "ReturnStatement") {
      found = true;
      return;
    }
    if (isFunctionNode(node)) return;
    forEachChild(node, visit);
  };
  fn.body.body.forEach(visit);
  return found;
}

/** Whether an identifier called `name` (a reference, a declaration or a property name) occurs under `root`. */
export function isNameUsedIn(name: string, root: Node): boolean {
  let found = false;
  const visit = (node: Node): void => {
    if (found) return;
    if (node.type === "Identifier" && node.name === name) {
      found = true;
      return;
    }
    forEachChild(node, visit);
  };
  visit(root);
  return found;
}
