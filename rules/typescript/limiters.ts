/**
 * Whether work is run through a concurrency limiter: `limit(() => f(x))` with `const limit = pLimit(5)`,
 * `queue.add(…)` on a `new PQueue(…)`, `limiter.schedule(…)` (Bottleneck), `await sem.acquire()`, or a call whose
 * callee is *named* like one (`limit`, `throttle`, `queue`, `semaphore`, `mutex`, `lock`, `pool`…) when the binding
 * cannot be followed. Looks into the function's body, nested functions included, and one or two levels further into
 * same-file functions it calls and methods of the same class (`this.fetchOne(x)`): a wrapper that takes the semaphore
 * limits its callers too.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { forEachChild, isFunctionNode, type FunctionNode } from "./async-context.js";
import { referenceOf, resolveModuleValue, skipTransparentWrappers, staticMemberName } from "./imports.js";
import { limiterFactories, limiterNameWords } from "./knowledge.js";

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

const MAX_DEPTH = 2;

/** Whether a name reads as a limiter: one of its words (`requestLimiter` → `request`, `limiter`) is a limiter word. */
export function isLimiterName(name: string): boolean {
  return name
    .split(/(?<=[a-z0-9])(?=[A-Z])|[_$-]+/)
    .some((word) => limiterNameWords.has(word.toLowerCase()));
}

/** Whether a value comes from a limiter factory: `pLimit(5)`, `new PQueue(…)`, `new Bottleneck(…)`, `new Sema(3)`. */
export function isLimiterCreation(node: Node, sourceCode: SourceCode): boolean {
  const expression = skipTransparentWrappers(node);
  if (expression.type !== "CallExpression" && expression.type !== "NewExpression") return false;
  const value = resolveModuleValue(expression.callee, sourceCode);
  return value !== undefined && (limiterFactories.get(value.module)?.has(value.path.join(".")) ?? false);
}

/** Whether an identifier or `this.x` names a limiter: bound to a limiter creation, or named like one. */
export function isLimiterReference(node: Node, sourceCode: SourceCode): boolean {
  const expression = skipTransparentWrappers(node);
  if (expression.type === "Identifier") {
    if (isLimiterName(expression.name)) return true;
    const variable = referenceOf(expression, sourceCode)?.resolved;
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    return definition?.type === "Variable" && definition.node.init != null && isLimiterCreation(definition.node.init, sourceCode);
  }
  if (expression.type === "MemberExpression") {
    const name = expression.property.type === "PrivateIdentifier" ? expression.property.name : staticMemberName(expression);
    return name !== undefined && isLimiterName(name);
  }
  if (expression.type === "CallExpression" || expression.type === "NewExpression") return isLimiterCreation(expression, sourceCode);
  return false;
}

/** Whether a call goes through a limiter: the callee is one, or a method of one (`queue.add`, `sem.acquire`). */
function isLimitedCall(call: TSESTree.CallExpression, sourceCode: SourceCode): boolean {
  const callee = skipTransparentWrappers(call.callee);
  if (isLimiterReference(callee, sourceCode)) return true;
  return callee.type === "MemberExpression" && isLimiterReference(callee.object, sourceCode);
}

/** Whether running `fn` (a function node) takes a limiter somewhere, directly or through same-file helpers. */
export function usesLimiter(fn: Node, sourceCode: SourceCode, depth = 0, seen = new Set<Node>()): boolean {
  if (seen.has(fn)) return false;
  seen.add(fn);
  let found = false;
  const visit = (node: Node): void => {
    if (found) return;
    if (node.type === "CallExpression") {
      if (isLimitedCall(node, sourceCode)) {
        found = true;
        return;
      }
      if (depth < MAX_DEPTH) {
        const target = calledFunction(node, sourceCode);
        if (target && usesLimiter(target, sourceCode, depth + 1, seen)) {
          found = true;
          return;
        }
      }
    }
    forEachChild(node, visit);
  };
  visit(fn);
  return found;
}

/** The same-file function a call runs: a declaration or `const` function, or a method of the enclosing class. */
export function calledFunction(call: TSESTree.CallExpression, sourceCode: SourceCode): FunctionNode | undefined {
  const callee = skipTransparentWrappers(call.callee);
  if (callee.type === "Identifier") return functionOfIdentifier(callee, sourceCode);
  if (callee.type === "MemberExpression" && callee.object.type === "ThisExpression") {
    const name = callee.property.type === "PrivateIdentifier" ? `#${callee.property.name}` : staticMemberName(callee);
    return name === undefined ? undefined : methodOfEnclosingClass(call, name);
  }
  return undefined;
}

/** A function declaration, or a never-reassigned variable bound to a function expression or arrow. */
export function functionOfIdentifier(identifier: TSESTree.Identifier, sourceCode: SourceCode): FunctionNode | undefined {
  const variable = referenceOf(identifier, sourceCode)?.resolved;
  if (!variable || variable.defs.length !== 1) return undefined;
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
  const definition = variable.defs[0]!;
  if (definition.type === "FunctionName" && definition.node.type === "FunctionDeclaration") return definition.node;
  if (definition.type === "Variable" && definition.node.init) {
    const init = skipTransparentWrappers(definition.node.init);
    if (isFunctionNode(init)) return init;
  }
  return undefined;
}

function methodOfEnclosingClass(node: Node, name: string): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type !== "ClassBody") continue;
    for (const member of current.body) {
      if (member.type !== "MethodDefinition" && member.type !== "PropertyDefinition") continue;
      const key = member.key.type === "PrivateIdentifier" ? `#${member.key.name}` : !member.computed && member.key.type === "Identifier" ? member.key.name : undefined;
      if (key !== name || !member.value) continue;
      const value = skipTransparentWrappers(member.value);
      if (isFunctionNode(value)) return value;
    }
    return undefined;
  }
  return undefined;
}
