/**
 * A promise created as a statement and then dropped: its rejection is never handled (an `unhandledRejection` that can
 * end the process) and nothing waits for it. Flags expression statements whose value is a promise (see
 * `promise-detection.ts` for what counts, typed and untyped) unless it is awaited, returned, `void`ed (option
 * `ignoreVoid`), ends in `.catch(handler)` or `.then(onFulfilled, onRejected)`. `.then(ok)` alone and `.finally(…)`
 * do not handle a rejection; a handler that is not a function (`.catch(null)`) is ignored by the promise. Parts of a
 * comma, ternary or logical expression are checked one by one. An async IIFE floats too unless `ignoreIIFE`.
 * Arrays of promises (`xs.map(async (x) => …)`) float as a whole.
 *
 * Options and messages follow typescript-eslint's `no-floating-promises`. Suggestions only (never an autofix: the
 * right handling is for a person to choose): add `await` where it is allowed, add `void`, add `.catch(…)`.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import path from "node:path";
import { canAwaitHere } from "./await-placement.js";
import { createRule } from "./create-rule.js";
import { fileRole } from "./file-role.js";
import { isGlobalName, isGlobalReference, referenceOf, resolveModuleValue, skipTransparentWrappers, staticMemberName } from "./imports.js";
import { containerRemovalMethods, knownSafeFloatingCalls, sameObjectReturningStatics } from "./knowledge.js";
import { enclosingFunction, isFunctionNode } from "./async-context.js";
import { calledFunction } from "./limiters.js";
import { keepsErrorsInside, tsKeepsErrorsInside } from "./self-handling.js";
import { createPromiseDetector, type PromiseDetector } from "./promise-detection.js";
import { calleeMatchesSpecifiers, typeMatchesSomeSpecifier, typeOrValueSpecifiersSchema, type TypeOrValueSpecifier } from "./value-specifiers.js";

export type MessageIds =
  | "floating"
  | "floatingVoid"
  | "floatingUselessRejectionHandler"
  | "floatingUselessRejectionHandlerVoid"
  | "floatingPromiseArray"
  | "floatingPromiseArrayVoid"
  | "floatingFixAwait"
  | "floatingFixVoid"
  | "floatingFixCatch";

export type Options = [
  {
    ignoreVoid?: boolean;
    ignoreIIFE?: boolean;
    allowForKnownSafeCalls?: TypeOrValueSpecifier[];
    allowForKnownSafePromises?: TypeOrValueSpecifier[];
    checkThenables?: boolean;
  },
];

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

const messageBase = "Promises must be awaited, end with a call to .catch, or end with a call to .then with a rejection handler.";
const messageBaseVoid =
  "Promises must be awaited, end with a call to .catch, end with a call to .then with a rejection handler or be explicitly marked as ignored with the `void` operator.";
const messageRejectionHandler = "A rejection handler that is not a function will be ignored.";
const messagePromiseArray =
  "An array of Promises may be unintentional. Consider handling the promises' fulfillment or rejection with Promise.all or similar.";
const messagePromiseArrayVoid =
  "An array of Promises may be unintentional. Consider handling the promises' fulfillment or rejection with Promise.all or similar, or explicitly marking the expression as ignored with the `void` operator.";

/** The verdict on one expression: handled, or which part floats and how. */
interface Unhandled {
  /** The sub-expression whose promise floats (where `.catch(…)` would go). */
  readonly floating: Node;
  readonly nonFunctionHandler?: boolean;
  readonly promiseArray?: boolean;
}

export default createRule<Options, MessageIds>({
  name: "no-floating-promise",
  meta: {
    type: "problem",
    docs: {
      description: "Require promises to be awaited, returned, voided or given a rejection handler",
      recommended: true,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        additionalProperties: false,
        properties: {
          ignoreVoid: { type: "boolean", description: "Whether to ignore `void` expressions." },
          ignoreIIFE: { type: "boolean", description: "Whether to ignore async IIFEs (Immediately Invoked Function Expressions)." },
          allowForKnownSafeCalls: { ...typeOrValueSpecifiersSchema, description: "Functions whose calls are safe to float." },
          allowForKnownSafePromises: { ...typeOrValueSpecifiersSchema, description: "Types of promises that are safe to float (typed mode only)." },
          checkThenables: { type: "boolean", description: "Whether to check all thenables, not just the built-in Promise type." },
        },
      },
    ],
    messages: {
      floating: messageBase,
      floatingVoid: messageBaseVoid,
      floatingUselessRejectionHandler: `${messageBase} ${messageRejectionHandler}`,
      floatingUselessRejectionHandlerVoid: `${messageBaseVoid} ${messageRejectionHandler}`,
      floatingPromiseArray: messagePromiseArray,
      floatingPromiseArrayVoid: messagePromiseArrayVoid,
      floatingFixAwait: "Add await operator.",
      floatingFixVoid: "Add void operator to ignore.",
      floatingFixCatch: "Add a .catch() that reports the error.",
    },
  },
  defaultOptions: [
    { ignoreVoid: true, ignoreIIFE: false, allowForKnownSafeCalls: [], allowForKnownSafePromises: [], checkThenables: false },
  ],
  create(context, [options]) {
    const { sourceCode } = context;
    // A type test (`*.test-d.ts`) or a fixture (a parser's input) never runs: nothing in it can float, dangle or block.
    if (fileRole(context).neverRuns) return {};
    const ignoreVoid = options.ignoreVoid ?? true;
    const safeCalls = options.allowForKnownSafeCalls ?? [];
    const safePromises = options.allowForKnownSafePromises ?? [];
    const file = path.resolve(context.cwd, context.physicalFilename || context.filename);
    let detector: PromiseDetector | undefined;
    const promises = (): PromiseDetector =>
      (detector ??= createPromiseDetector(context, {
        checkThenables: options.checkThenables ?? false,
        safeTypeNames: new Set(safePromises.flatMap((specifier) => (typeof specifier === "string" ? [specifier] : typeof specifier.name === "string" ? [specifier.name] : specifier.name))),
        isSafeType:
          safePromises.length > 0
            ? (type) => detector?.types !== undefined && typeMatchesSomeSpecifier(type, safePromises, detector.types.program)
            : undefined,
      }));

    function isKnownSafeCall(expression: Node): boolean {
      if (expression.type !== "CallExpression") return false;
      const callee = expression.callee;
      const value = resolveModuleValue(callee, sourceCode);
      if (value && knownSafeFloatingCalls.get(value.module)?.has(value.path.join("."))) return true;
      if (safeCalls.length === 0) return false;
      const types = promises().types;
      return calleeMatchesSpecifiers(callee, safeCalls, {
        sourceCode,
        file,
        cwd: context.cwd,
        program: types?.program,
        calleeType: types?.typeOf(callee),
      });
    }

    function unhandled(node: Node): Unhandled | undefined {
      const detector = promises();
      if (node.type === "AssignmentExpression") return undefined;
      if (node.type === "SequenceExpression") {
        for (const expression of node.expressions) {
          const result = unhandled(expression);
          if (result) return result;
        }
        return undefined;
      }
      if (!ignoreVoid && node.type === "UnaryExpression" && node.operator === "void") return unhandled(node.argument);
      if (node.type === "CallExpression" && takesFromContainer(node, sourceCode)) return undefined;
      if (detector.isPromiseArray(node)) return { floating: node, promiseArray: true };
      if (node.type === "AwaitExpression") return undefined;
      if (node.type === "ChainExpression") return unhandled(node.expression);
      if (!detector.isPromise(node)) return undefined;

      if (node.type === "CallExpression") {
        const handling = rejectionHandling(node);
        if (handling) {
          if (handling.onRejected === undefined) return { floating: node };
          const nonFunction = detector.isNonFunction(handling.onRejected) && !isCapturedSettler(handling.onRejected, sourceCode);
          return nonFunction ? { floating: node, nonFunctionHandler: true } : undefined;
        }
        const finallyObject = finallyReceiver(node);
        if (finallyObject) {
          const inner = unhandled(finallyObject);
          return inner ? { ...inner, floating: node } : undefined;
        }
        if (callsSelfHandlingFunction(node)) return undefined;
        return { floating: node };
      }
      if (node.type === "ConditionalExpression") return unhandled(node.alternate) ?? unhandled(node.consequent);
      if (node.type === "LogicalExpression") return unhandled(node.left) ?? unhandled(node.right);
      return { floating: node };
    }

    /**
     * A call of an async function that keeps its errors inside (`self-handling.ts`): an IIFE, a same-file function or
     * method of this class, (untyped) a method of a known class, a class of another project module included, or
     * (typed) any declaration the checker resolves the call to.
     */
    function callsSelfHandlingFunction(call: TSESTree.CallExpression): boolean {
      const callee = skipTransparentWrappers(call.callee);
      if (isFunctionNode(callee)) return keepsErrorsInside(callee);
      const local = calledFunction(call, sourceCode);
      if (local) return keepsErrorsInside(local);
      const types = promises().types;
      if (!types) return promises().calleeKeepsErrorsInside(callee);
      try {
        const tsCall = types.services.esTreeNodeToTSNodeMap.get(call);
        const declaration = types.checker.getResolvedSignature(tsCall)?.getDeclaration();
        return declaration !== undefined && tsKeepsErrorsInside(declaration);
      } catch {
        return false;
      }
    }

    function check(reported: Node, expression: Node): void {
      if (isKnownSafeCall(skipChain(expression))) return;
      const result = unhandled(expression);
      if (!result) return;
      if (result.promiseArray) {
        context.report({ node: reported, messageId: ignoreVoid ? "floatingPromiseArrayVoid" : "floatingPromiseArray" });
        return;
      }
      const messageId = ignoreVoid
        ? result.nonFunctionHandler
          ? "floatingUselessRejectionHandlerVoid"
          : "floatingVoid"
        : result.nonFunctionHandler
          ? "floatingUselessRejectionHandler"
          : "floating";
      context.report({ node: reported, messageId, suggest: suggestions(expression, result) });
    }

    function suggestions(statementExpression: Node, result: Unhandled): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      // In `(a, p)`, the operator goes on the element holding the promise: `await a, p` would await `a`.
      const expression =
        statementExpression.type === "SequenceExpression"
          ? (statementExpression.expressions.find((element) => contains(element, result.floating)) ?? statementExpression)
          : statementExpression;
      if (canAwaitHere(expression, context)) {
        suggest.push({ messageId: "floatingFixAwait", fix: (fixer) => prefixOperator(fixer, "await", expression, sourceCode) });
      }
      if (ignoreVoid && !(expression.type === "UnaryExpression" && expression.operator === "void")) {
        suggest.push({ messageId: "floatingFixVoid", fix: (fixer) => prefixOperator(fixer, "void", expression, sourceCode) });
      }
      const handler = catchHandler(result.floating);
      if (handler !== undefined) {
        suggest.push({ messageId: "floatingFixCatch", fix: (fixer) => appendCatch(fixer, result.floating, handler, sourceCode) });
      }
      return suggest;
    }

    /** `(error: unknown) => { console.error(error); }` (no annotation in JavaScript), when `console` is the global. */
    function catchHandler(at: Node): string | undefined {
      if (!isGlobalName(at, "console", sourceCode)) return undefined;
      const typescript = /\.[cm]?tsx?$/u.test(file);
      return `(${typescript ? "error: unknown" : "error"}) => { console.error(error); }`;
    }

    function isAsyncIife(statement: TSESTree.ExpressionStatement): boolean {
      const expression = statement.expression;
      if (expression.type !== "CallExpression") return false;
      const callee = expression.callee;
      return callee.type === "ArrowFunctionExpression" || callee.type === "FunctionExpression";
    }

    return {
      ExpressionStatement(statement) {
        if (statement.directive !== undefined) return;
        if (options.ignoreIIFE && isAsyncIife(statement)) return;
        check(statement, skipChain(statement.expression));
      },
      ArrowFunctionExpression(arrow) {
        // `() => void promise` with `ignoreVoid: false`: the arrow's value is `undefined`, the promise floats.
        if (!ignoreVoid && arrow.body.type === "UnaryExpression" && arrow.body.operator === "void") check(arrow.body, arrow.body);
      },
    };
  },
});

function contains(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

function skipChain(node: Node): Node {
  return node.type === "ChainExpression" ? node.expression : node;
}

/**
 * `resolve` in `let resolve: (() => void) | undefined; new Promise((r) => (resolve = r)); … p.then(a, resolve)`: a
 * variable the type says may be `undefined`, but which a Promise executor (run synchronously by `new Promise`)
 * assigns a settling function before any later code runs. The checker cannot see that; it is a function.
 */
function isCapturedSettler(handler: Node, sourceCode: SourceCode): boolean {
  const expression = skipTransparentWrappers(handler);
  if (expression.type !== "Identifier") return false;
  const variable = referenceOf(expression, sourceCode)?.resolved;
  if (!variable || variable.defs.length !== 1 || variable.defs[0]!.type !== "Variable") return false;
  const writes = variable.references.filter((reference) => reference.isWrite() && !reference.init);
  return (
    writes.length > 0 &&
    writes.every((reference) => {
      if (reference.identifier.range[1] > expression.range[0]) return false;
      const executor = enclosingFunction(reference.identifier);
      const creation = executor?.parent;
      if (creation?.type !== "NewExpression" || creation.arguments[0] !== executor) return false;
      const callee = skipTransparentWrappers(creation.callee);
      return callee.type === "Identifier" && callee.name === "Promise" && isGlobalReference(callee, sourceCode);
    })
  );
}

/**
 * A call that creates no promise but hands back one that exists elsewhere: `queue.shift()`, `stack.pop()`,
 * `xs.splice(i, 1)` take an item out of a container (whoever stored the promise owns it); `Object.assign(p, extra)`
 * returns its first argument, still referenced by name.
 */
function takesFromContainer(call: TSESTree.CallExpression, sourceCode: SourceCode): boolean {
  const callee = skipTransparentWrappers(call.callee);
  if (callee.type !== "MemberExpression") return false;
  const method = staticMemberName(callee);
  if (method === undefined) return false;
  if (containerRemovalMethods.has(method)) return true;
  const object = skipTransparentWrappers(callee.object);
  const target = call.arguments[0] ? skipTransparentWrappers(call.arguments[0]) : undefined;
  return (
    object.type === "Identifier" &&
    isGlobalReference(object, sourceCode) &&
    (sameObjectReturningStatics.get(object.name)?.has(method) ?? false) &&
    (target?.type === "Identifier" || target?.type === "MemberExpression")
  );
}

/** `p.then(a, b)` / `p.catch(h)`: the rejection handler if one is given (`undefined` when absent or spread). */
function rejectionHandling(call: TSESTree.CallExpression): { onRejected: Node | undefined } | undefined {
  const callee = skipTransparentWrappers(call.callee);
  if (callee.type !== "MemberExpression") return undefined;
  const name = staticMemberName(callee);
  const args = call.arguments;
  if (name === "catch") {
    const first = args[0];
    return { onRejected: first && first.type !== "SpreadElement" ? first : undefined };
  }
  if (name === "then") {
    const [first, second] = args;
    if (!first || first.type === "SpreadElement" || !second || second.type === "SpreadElement") return { onRejected: undefined };
    return { onRejected: second };
  }
  return undefined;
}

/** The receiver of `p.finally(…)`. */
function finallyReceiver(call: TSESTree.CallExpression): Node | undefined {
  const callee = skipTransparentWrappers(call.callee);
  return callee.type === "MemberExpression" && staticMemberName(callee) === "finally" ? skipChain(callee.object) : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Suggestions

/** Binds looser than a unary operator: needs parentheses after `await`/`void`. */
function isLooserThanUnary(node: Node): boolean {
  switch (node.type) {
    case "SequenceExpression":
    case "AssignmentExpression":
    case "ConditionalExpression":
    case "LogicalExpression":
    case "BinaryExpression":
    case "ArrowFunctionExpression":
    case "YieldExpression":
    case "TSAsExpression":
    case "TSSatisfiesExpression":
      return true;
    default:
      return false;
  }
}

/**
 * The range of `node` with the grouping parentheses around it: `(p as Promise<void>)`. Only used where `node` is a
 * statement's expression or an operand of `?:`, `&&`, `,` or `void`, so a `(` before it is never a call's.
 */
function parenthesisedRange(node: Node, sourceCode: SourceCode): [number, number] | undefined {
  let range: [number, number] | undefined;
  let start = node.range[0];
  let end = node.range[1];
  for (;;) {
    const before = sourceCode.getTokenBefore({ range: [start, end] } as Node);
    const after = sourceCode.getTokenAfter({ range: [start, end] } as Node);
    if (before?.value !== "(" || after?.value !== ")") return range;
    start = before.range[0];
    end = after.range[1];
    range = [start, end];
  }
}

/** `await x` / `void x`, parenthesising `x` where needed; `void x` becomes `await x`. */
function prefixOperator(fixer: TSESLint.RuleFixer, operator: "await" | "void", expression: Node, sourceCode: SourceCode): TSESLint.RuleFix | TSESLint.RuleFix[] {
  if (operator === "await" && expression.type === "UnaryExpression" && expression.operator === "void") {
    return fixer.replaceTextRange([expression.range[0], expression.range[0] + "void".length], "await");
  }
  const grouped = parenthesisedRange(expression, sourceCode);
  if (grouped) return fixer.insertTextBeforeRange(grouped, `${operator} `);
  if (!isLooserThanUnary(expression)) return fixer.insertTextBefore(expression, `${operator} `);
  return [fixer.insertTextBefore(expression, `${operator} (`), fixer.insertTextAfter(expression, ")")];
}

/** Needs parentheses before `.catch(…)`: anything that is not a member/call/primary expression. */
function needsParenthesesForMember(node: Node, sourceCode: SourceCode): boolean {
  switch (node.type) {
    case "Identifier":
    case "MemberExpression":
    case "CallExpression":
    case "ChainExpression":
    case "ImportExpression":
    case "TaggedTemplateExpression":
    case "ThisExpression":
    case "ArrayExpression":
    case "TSNonNullExpression":
      return false;
    case "NewExpression":
      // `new Foo` without an argument list would take `.catch` as part of its callee.
      return sourceCode.getLastToken(node)?.value !== ")";
    default:
      return true;
  }
}

function appendCatch(fixer: TSESLint.RuleFixer, floating: Node, handler: string, sourceCode: SourceCode): TSESLint.RuleFix | TSESLint.RuleFix[] {
  const target = floating.parent?.type === "ChainExpression" ? floating.parent : floating;
  const call = `.catch(${handler})`;
  const grouped = parenthesisedRange(target, sourceCode);
  if (grouped) return fixer.insertTextAfterRange(grouped, call);
  if (!needsParenthesesForMember(target, sourceCode)) return fixer.insertTextAfter(target, call);
  return [fixer.insertTextBefore(target, "("), fixer.insertTextAfter(target, `)${call}`)];
}
