/**
 * Async functions that keep their own failures in: every point where they wait (`await`, `for await`) and every
 * `throw` sits in a `try … catch` whose handler does not rethrow (in its `try` block, or in the handler or `finally`
 * block, the author's answer to a failure), and nothing outside such a statement returns another call's promise. Fire-and-forget on such a function is deliberate: the author caught what can fail
 * (`(async () => { try { await cb(stream) } catch (e) { log(e) } finally { stream.close() } })()`).
 *
 * Synchronous code outside the `try` could still throw; precision first: the visible `try … catch` is taken as the
 * author's answer to "what if it fails?". Two forms, one rule: ESTree (this file's functions) and the TypeScript AST
 * (a function in another file, found by the type checker).
 */
import type { TSESTree } from "@typescript-eslint/utils";
import ts from "typescript";
import { forEachChild, isFunctionNode, type FunctionNode } from "./async-context.js";

type Node = TSESTree.Node;

/** Whether the async function `fn` cannot reject (in the sense above). */
export function keepsErrorsInside(fn: FunctionNode): boolean {
  if (!fn.async || fn.generator || fn.body.type !== "BlockStatement") return false;
  let guardedTry = false;
  let escapes = false;
  const visit = (node: Node, guarded: boolean): void => {
    if (escapes) return;
    if (isFunctionNode(node)) return;
    switch (node.type) {
      case "TryStatement": {
        const catches = node.handler !== null && !containsOwn(node.handler.body, (inner) => inner.type === "ThrowStatement");
        if (catches) guardedTry = true;
        // The handler and the cleanup are the author's answer to a failure: what they await counts as handled.
        forEachChild(node, (child) => visit(child, guarded || catches));
        return;
      }
      case "AwaitExpression":
      case "ThrowStatement":
        if (!guarded) {
          escapes = true;
          return;
        }
        break;
      case "ForOfStatement":
        if (node.await && !guarded) {
          escapes = true;
          return;
        }
        break;
      case "ReturnStatement":
        if (!guarded && node.argument && returnsOtherWork(node.argument)) {
          escapes = true;
          return;
        }
        break;
      default:
        break;
    }
    forEachChild(node, (child) => visit(child, guarded));
  };
  fn.body.body.forEach((statement) => visit(statement, false));
  return guardedTry && !escapes;
}

/** `return f()`, `return new P()`, `return x.then(…)`: a promise from elsewhere whose rejection the caller adopts. */
function returnsOtherWork(argument: Node): boolean {
  return argument.type === "CallExpression" || argument.type === "NewExpression" || argument.type === "ChainExpression" || argument.type === "ImportExpression";
}

function containsOwn(root: Node, test: (node: Node) => boolean): boolean {
  let found = false;
  const visit = (node: Node): void => {
    if (found) return;
    if (test(node)) {
      found = true;
      return;
    }
    if (isFunctionNode(node)) return;
    forEachChild(node, visit);
  };
  visit(root);
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// The same question on the TypeScript AST, for a declaration the checker found in another file.

type TsFunction = ts.FunctionDeclaration | ts.MethodDeclaration | ts.FunctionExpression | ts.ArrowFunction;

function isTsFunction(node: ts.Node): node is TsFunction {
  return ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node);
}

function isTsFunctionBoundary(node: ts.Node): boolean {
  return isTsFunction(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node) || ts.isConstructorDeclaration(node) || ts.isClassLike(node);
}

/** `keepsErrorsInside` for a TypeScript declaration: an `async` function or method with a block body. */
export function tsKeepsErrorsInside(declaration: ts.Node): boolean {
  if (!isTsFunction(declaration) || declaration.asteriskToken) return false;
  const isAsync = ts.getCombinedModifierFlags(declaration as ts.Declaration) & ts.ModifierFlags.Async;
  const body = declaration.body;
  if (!isAsync || !body || !ts.isBlock(body)) return false;
  let guardedTry = false;
  let escapes = false;
  const visit = (node: ts.Node, guarded: boolean): void => {
    if (escapes || isTsFunctionBoundary(node)) return;
    if (ts.isTryStatement(node)) {
      const catches = node.catchClause !== undefined && !tsContainsOwnThrow(node.catchClause.block);
      if (catches) guardedTry = true;
      ts.forEachChild(node, (child) => visit(child, guarded || catches));
      return;
    }
    if (!guarded) {
      if (ts.isAwaitExpression(node) || ts.isThrowStatement(node) || (ts.isForOfStatement(node) && node.awaitModifier)) {
        escapes = true;
        return;
      }
      if (ts.isReturnStatement(node) && node.expression) {
        const returned = skipTsParentheses(node.expression);
        if (ts.isCallExpression(returned) || ts.isNewExpression(returned)) {
          escapes = true;
          return;
        }
      }
    }
    ts.forEachChild(node, (child) => visit(child, guarded));
  };
  body.statements.forEach((statement) => visit(statement, false));
  return guardedTry && !escapes;
}

function tsContainsOwnThrow(root: ts.Node): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || isTsFunctionBoundary(node)) return;
    if (ts.isThrowStatement(node)) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(root, visit);
  return found;
}

function skipTsParentheses(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isNonNullExpression(current)) current = current.expression;
  return current;
}
