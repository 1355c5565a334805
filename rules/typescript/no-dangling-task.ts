/**
 * Promises that nothing keeps, awaits or handles: their rejections become unhandled rejections (which end a Node.js
 * process by default) and nothing knows when — or whether — their work finished. Flags:
 * - a promise bound to a local that is never read (`const p = save();` and nothing reads `p`); exported bindings and
 *   script-level globals are not locals;
 * - `xs.forEach(cb)` where `cb` returns a promise (`async`, or provably promise-returning): `forEach` drops them;
 * - `setTimeout`/`setInterval`/`setImmediate`/`queueMicrotask`/`process.nextTick` (and `node:timers`) given a callback
 *   that returns a promise, unless the callback handles its own rejections (its body is one `try … catch`, or its
 *   result ends in `.catch(…)`/`.then(…, …)`);
 * - `new Promise(async (resolve, reject) => …)`: an error thrown after the executor's first `await` is lost — unless
 *   every `await` is inside a `try … catch` that does not rethrow (`self-handling.ts`).
 * Not flagged: promises awaited, returned, passed on, stored in a container or property, or read later in any way;
 * `forEach` with sync callbacks; event listeners (`addEventListener`, `emitter.on`, `app.get(…)`) — see the docs.
 *
 * Suggestions: `await` instead of the unread binding (in async functions); `for (const x of xs)` + `await` instead
 * of `forEach(async (x) => …)` when the rewrite keeps the meaning; a `try … catch` around a scheduled async
 * callback's body; removing `async` from a Promise executor that awaits nothing.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { canAwaitAt, containsAwait, forEachChild, isFunctionNode, type FunctionNode } from "./async-context.js";
import { hasOwnReturn, isNameUsedIn, usesOwnThisOrArguments } from "./function-body.js";
import { createRule } from "./create-rule.js";
import { fileRole } from "./file-role.js";
import { codeStyle } from "./ensure-binding.js";
import { isGlobalName, isGlobalReference, referenceOf, resolveModuleValue, skipTransparentWrappers, staticMemberName } from "./imports.js";
import { callbackSchedulers, resultDroppingIterators } from "./knowledge.js";
import { calledFunction, functionOfIdentifier } from "./limiters.js";
import { isPromiseValued } from "./promise-detection.js";
import { returnsPromise } from "./promise-functions.js";
import { keepsErrorsInside } from "./self-handling.js";
import { hasMultilineString, indentationOf, indentUnit, lineBreakOf, reindent } from "./source-layout.js";

export type MessageIds =
  | "unreadPromise"
  | "asyncForEach"
  | "asyncSchedulerCallback"
  | "asyncPromiseExecutor"
  | "awaitBinding"
  | "useForOf"
  | "catchErrors"
  | "removeAsync";

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;
type Context = Readonly<TSESLint.RuleContext<MessageIds, []>>;
type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

export default createRule<[], MessageIds>({
  name: "no-dangling-task",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow background tasks and stored promises that nothing keeps, awaits or handles",
      recommended: true,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      unreadPromise:
        "The promise from '{{name}}' is bound to '{{variable}}', which is never read: nothing waits for it and its rejection is never handled. Await it, return it, or keep it where it is awaited later.",
      asyncForEach:
        "'{{method}}()' ignores the promises its callback returns: the calls run all at once, nothing waits for them, and their rejections are never handled. Use 'for…of' with 'await'.",
      asyncSchedulerCallback:
        "'{{name}}()' ignores the promise its callback returns: a rejection becomes an unhandled rejection, which ends a Node.js process by default{{overlap}}. Handle errors inside the callback.",
      asyncPromiseExecutor:
        "An async Promise executor: an error thrown after its first 'await' is lost instead of rejecting the promise, which may then never settle. Make the enclosing function async and await directly.",
      awaitBinding: "Await it here instead of binding it to '{{variable}}'.",
      useForOf: "Rewrite as a 'for…of' loop that awaits each call (one item at a time).",
      catchErrors: "Wrap the callback's body in 'try … catch' and log the error.",
      removeAsync: "Remove 'async': the executor awaits nothing.",
    },
  },
  defaultOptions: [],
  create(context) {
    const { sourceCode } = context;
    // A type test (`*.test-d.ts`) or a fixture (a parser's input) never runs: nothing in it can float, dangle or block.
    if (fileRole(context).neverRuns) return {};
    const scriptGlobals = context.languageOptions.sourceType === "script";

    /** Whether calling `callback` gives a promise: an async function (not a generator), or known to return one. */
    function isAsyncCallback(callback: Node): boolean {
      const expression = skipTransparentWrappers(callback);
      if (isFunctionNode(expression)) return expression.generator ? false : expression.async || returnsPromise(expression, context);
      if (expression.type === "Identifier") {
        const fn = functionOfIdentifier(expression, sourceCode);
        if (fn) return fn.async && !fn.generator;
      }
      return returnsPromise(expression, context);
    }

    // ------------------------------------------------------------------------------------------ unread bindings

    function checkDeclarator(declarator: TSESTree.VariableDeclarator): void {
      if (declarator.id.type !== "Identifier" || !declarator.init) return;
      const declaration = declarator.parent;
      if (declaration.kind !== "const" && declaration.kind !== "let" && declaration.kind !== "var") return;
      if (declaration.parent?.type === "ExportNamedDeclaration") return;
      if (declaration.parent?.type === "ForStatement" || declaration.parent?.type === "ForInStatement" || declaration.parent?.type === "ForOfStatement") return;
      const variable = sourceCode.getDeclaredVariables(declarator).find((candidate) => candidate.name === (declarator.id as TSESTree.Identifier).name);
      if (!variable) return;
      if (variable.scope.type === "global" && scriptGlobals) return;
      const reads = variable.references.filter((reference) => reference.isRead() && (reference.isValueReference ?? true));
      if (reads.length > 0) return;
      // `const p = save().catch(report)`: its failure is handled; fire-and-forget on purpose.
      if (endsWithRejectionHandler(declarator.init) || !isPromiseValued(declarator.init, context)) return;
      const otherWrites = variable.references.some((reference) => reference.isWrite() && !reference.init);
      const name = describe(declarator.init, sourceCode);
      const suggest: Suggestion[] = [];
      if (!otherWrites && declaration.declarations.length === 1 && canAwaitAt(declaration)) {
        const init = skipTransparentWrappers(declarator.init);
        const initText = sourceCode.getText(declarator.init);
        const text = `await ${needsParentheses(init) ? `(${initText})` : initText}${sourceCode.getLastToken(declaration)?.value === ";" ? ";" : ""}`;
        suggest.push({
          messageId: "awaitBinding",
          data: { variable: declarator.id.name },
          fix: (fixer) => fixer.replaceText(declaration, text),
        });
      }
      context.report({ node: declarator, messageId: "unreadPromise", data: { name, variable: declarator.id.name }, suggest });
    }

    // ------------------------------------------------------------------------------------------ forEach

    function checkForEach(call: TSESTree.CallExpression): void {
      const callee = skipTransparentWrappers(call.callee);
      if (callee.type !== "MemberExpression") return;
      const method = staticMemberName(callee);
      if (method === undefined || !resultDroppingIterators.has(method)) return;
      const callback = call.arguments[0];
      if (!callback || callback.type === "SpreadElement" || !isAsyncCallback(callback)) return;
      context.report({
        node: callee.property,
        messageId: "asyncForEach",
        data: { method },
        suggest: forOfSuggestion(call, callee, callback),
      });
    }

    function forOfSuggestion(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, callback: Node): Suggestion[] {
      const fn = skipTransparentWrappers(callback);
      if (fn.type !== "ArrowFunctionExpression" && fn.type !== "FunctionExpression") return [];
      // A sync callback qualifies when its expression body is the promise (`(x) => save(x)`).
      if ((!fn.async && fn.body.type === "BlockStatement") || fn.generator || call.arguments.length !== 1 || callee.optional || call.optional) return [];
      if (call.parent.type !== "ExpressionStatement" || !canAwaitAt(call.parent)) return [];
      if (fn.params.length !== 1) return [];
      const param = fn.params[0]!;
      if (param.type === "AssignmentPattern" || param.type === "RestElement" || param.type === "TSParameterProperty") return [];
      if (param.type === "Identifier" && param.optional) return [];
      if (usesOwnThisOrArguments(fn) || hasOwnReturn(fn) || mayBeMap(callee.object, context)) return [];
      // `for (const item of item.children)` would read `item` in its dead zone.
      const bound = sourceCode.getDeclaredVariables(fn).filter((variable) => variable.defs.some((definition) => definition.type === "Parameter"));
      if (bound.some((variable) => isNameUsedIn(variable.name, callee.object))) return [];
      const paramEnd = param.typeAnnotation ? param.typeAnnotation.range[0] : param.range[1];
      const paramText = sourceCode.text.slice(param.range[0], paramEnd).trimEnd();
      const kind = isParameterReassigned(fn, sourceCode) ? "let" : "const";
      const receiver = sourceCode.getText(callee.object);
      let body: string;
      if (fn.body.type === "BlockStatement") {
        body = sourceCode.getText(fn.body);
      } else {
        const expression = skipTransparentWrappers(fn.body);
        const text = sourceCode.getText(fn.body);
        const awaited = expression.type === "AwaitExpression" ? text : `await ${needsParentheses(expression) ? `(${text})` : text}`;
        body = `${awaited}${codeStyle(sourceCode).semicolon}`;
      }
      const statement = call.parent;
      const text = `for (${kind} ${paramText} of ${receiver}) ${body}`;
      return [{ messageId: "useForOf", fix: (fixer) => fixer.replaceText(statement, text) }];
    }

    // ------------------------------------------------------------------------------------------ schedulers

    function schedulerName(call: TSESTree.CallExpression): string | undefined {
      const callee = skipTransparentWrappers(call.callee);
      if (callee.type === "Identifier") {
        if (callbackSchedulers.globals.has(callee.name) && isGlobalReference(callee, sourceCode)) return callee.name;
      } else if (callee.type === "MemberExpression") {
        const object = skipTransparentWrappers(callee.object);
        const method = staticMemberName(callee);
        if (object.type === "Identifier" && method !== undefined && isGlobalReference(object, sourceCode)) {
          if (callbackSchedulers.globalMembers.get(object.name)?.has(method)) return `${object.name}.${method}`;
          if (object.name === "globalThis" && callbackSchedulers.globals.has(method)) return method;
        }
      }
      const value = resolveModuleValue(callee, sourceCode);
      if (value && value.path.length === 1 && callbackSchedulers.modules.get(value.module)?.has(value.path[0]!)) return value.path[0];
      return undefined;
    }

    function checkScheduler(call: TSESTree.CallExpression): void {
      const name = schedulerName(call);
      const callback = call.arguments[0];
      if (name === undefined || !callback || callback.type === "SpreadElement" || !isAsyncCallback(callback)) return;
      const fn = skipTransparentWrappers(callback);
      if (isFunctionNode(fn) && handlesOwnRejections(fn)) return;
      if (runsSelfHandlingFunction(fn)) return;
      context.report({
        node: callback,
        messageId: "asyncSchedulerCallback",
        data: { name, overlap: name === "setInterval" ? ", and a run slower than the interval overlaps the next one" : "" },
        suggest: isFunctionNode(fn) ? tryCatchSuggestion(fn) : [],
      });
    }

    /** `async () => { try { BODY } catch (error) { console.error(error); } }`, re-indented. */
    function tryCatchSuggestion(fn: FunctionNode): Suggestion[] {
      if (!fn.async || fn.type === "FunctionDeclaration" || !isGlobalName(fn, "console", sourceCode)) return [];
      if (hasMultilineString(fn.body)) return [];
      const errorName = ["error", "err", "caught"].find((name) => !isNameUsedIn(name, fn.body));
      if (errorName === undefined) return [];
      const unit = indentUnit(sourceCode);
      const eol = lineBreakOf(sourceCode);
      const base = indentationOf(fn, sourceCode);
      const innerIndent = `${base}${unit}${unit}`;
      const { semicolon } = codeStyle(sourceCode);
      let inner: string;
      if (fn.body.type === "BlockStatement") {
        const statements = fn.body.body;
        if (statements.length === 0) return [];
        const first = statements[0]!;
        const written = first.loc.start.line === fn.body.loc.start.line ? `${base}${unit}` : indentationOf(first, sourceCode);
        inner = reindent(sourceCode.text.slice(first.range[0], statements.at(-1)!.range[1]), written, innerIndent, eol);
      } else {
        const expression = skipTransparentWrappers(fn.body);
        const text = sourceCode.getText(fn.body);
        const awaited = expression.type === "AwaitExpression" ? text : `await ${needsParentheses(expression) ? `(${text})` : text}`;
        inner = reindent(`${awaited}${semicolon}`, `${base}${unit}`, innerIndent, eol);
      }
      const block = [
        "{",
        `${base}${unit}try {`,
        inner,
        `${base}${unit}} catch (${errorName}) {`,
        `${innerIndent}console.error(${errorName})${semicolon}`,
        `${base}${unit}}`,
        `${base}}`,
      ].join(eol);
      const body = fn.body;
      // An expression body may be parenthesised (`async () => (x)`): replace from the first token after `=>`.
      const start = body.type === "BlockStatement" ? body.range[0] : sourceCode.getTokenAfter(sourceCode.getTokenBefore(body, (token) => token.value === "=>")!)!.range[0];
      return [{ messageId: "catchErrors", fix: (fixer) => fixer.replaceTextRange([start, fn.range[1]], block) }];
    }

    /**
     * The callback is (or only calls) a same-file function that handles its own rejections:
     * `setTimeout(() => cleanup(dir), 0)` where `cleanup`'s body is one `try … catch`.
     */
    function runsSelfHandlingFunction(callback: Node): boolean {
      if (callback.type === "Identifier") {
        const target = functionOfIdentifier(callback, sourceCode);
        return target !== undefined && handlesOwnRejections(target);
      }
      if (!isFunctionNode(callback)) return false;
      let result: Node | undefined;
      if (callback.body.type !== "BlockStatement") result = callback.body;
      else if (callback.body.body.length === 1) {
        const only = callback.body.body[0]!;
        result = only.type === "ExpressionStatement" ? only.expression : only.type === "ReturnStatement" ? (only.argument ?? undefined) : undefined;
      }
      let call = result ? skipTransparentWrappers(result) : undefined;
      if (call?.type === "AwaitExpression") call = skipTransparentWrappers(call.argument);
      if (call?.type !== "CallExpression") return false;
      const target = calledFunction(call, sourceCode);
      return target !== undefined && handlesOwnRejections(target);
    }

    // ------------------------------------------------------------------------------------------ new Promise(async …)

    function checkPromiseExecutor(expression: TSESTree.NewExpression): void {
      const callee = skipTransparentWrappers(expression.callee);
      if (callee.type !== "Identifier" || callee.name !== "Promise" || !isGlobalReference(callee, sourceCode)) return;
      const executor = expression.arguments[0];
      if (!executor || executor.type === "SpreadElement") return;
      const fn = skipTransparentWrappers(executor);
      if (!isFunctionNode(fn) || !fn.async || fn.generator) return;
      // Every await inside a `try … catch` that does not rethrow (typically `catch (e) { reject(e) }`): nothing is lost.
      if (keepsErrorsInside(fn)) return;
      const suggest: Suggestion[] = [];
      if (!containsAwait(fn.body)) {
        const asyncToken = sourceCode.getFirstToken(fn);
        const next = asyncToken ? sourceCode.getTokenAfter(asyncToken) : null;
        if (asyncToken?.value === "async" && next) {
          suggest.push({ messageId: "removeAsync", fix: (fixer) => fixer.removeRange([asyncToken.range[0], next.range[0]]) });
        }
      }
      context.report({ node: fn, messageId: "asyncPromiseExecutor", suggest });
    }

    return {
      VariableDeclarator: checkDeclarator,
      CallExpression(call) {
        checkForEach(call);
        checkScheduler(call);
      },
      NewExpression: checkPromiseExecutor,
    };
  },
});

// ---------------------------------------------------------------------------------------------------------------
// Helpers

/** Short text naming a promise's origin: `save()`, `repo.load()`. */
function describe(node: Node, sourceCode: SourceCode): string {
  const expression = skipTransparentWrappers(node);
  if (expression.type === "CallExpression") return `${sourceCode.getText(expression.callee).replace(/\s+/g, " ").slice(0, 40)}()`;
  const text = sourceCode.getText(expression).replace(/\s+/g, " ");
  return text.length <= 40 ? text : `${text.slice(0, 37)}...`;
}

/** Whether `await X` needs `(X)`: anything below unary precedence. */
function needsParentheses(expression: Node): boolean {
  switch (expression.type) {
    case "Identifier":
    case "CallExpression":
    case "MemberExpression":
    case "NewExpression":
    case "Literal":
    case "TemplateLiteral":
    case "TaggedTemplateExpression":
    case "ArrayExpression":
    case "ObjectExpression":
    case "ThisExpression":
    case "AwaitExpression":
    case "ChainExpression":
    case "ImportExpression":
    case "UnaryExpression":
      return false;
    default:
      return true;
  }
}

function isParameterReassigned(fn: FunctionNode, sourceCode: SourceCode): boolean {
  return sourceCode
    .getDeclaredVariables(fn)
    .some((variable) => variable.defs.some((definition) => definition.type === "Parameter") && variable.references.some((reference) => reference.isWrite()));
}

/**
 * Whether the receiver may be a `Map` (whose `forEach` passes values but whose iteration yields entries): a `new Map`
 * binding, a name ending in `map`/`Map`, or — typed — a `Map` type.
 */
function mayBeMap(receiver: Node, context: Context): boolean {
  const expression = skipTransparentWrappers(receiver);
  const services = context.sourceCode.parserServices;
  if (services?.program && services.esTreeNodeToTSNodeMap) {
    try {
      const checker = services.program.getTypeChecker();
      const type = checker.getApparentType(checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(expression as never)));
      const parts = type.isUnion() ? type.types : [type];
      return parts.some((part) => {
        const name = part.getSymbol()?.getName();
        return name !== undefined && mapTypeNames.has(name);
      });
    } catch {
      return true;
    }
  }
  if (expression.type === "NewExpression") return expression.callee.type === "Identifier" && mapTypeNames.has(expression.callee.name);
  const name = expression.type === "Identifier" ? expression.name : expression.type === "MemberExpression" ? staticMemberName(expression) : undefined;
  if (name !== undefined && /map$/i.test(name)) return true;
  if (expression.type === "Identifier") {
    const variable = referenceOf(expression, context.sourceCode)?.resolved;
    const definition = variable?.defs[0];
    // An annotation `Map<…>` on the parameter or variable.
    const annotation = definition?.name.type === "Identifier" ? definition.name.typeAnnotation?.typeAnnotation : undefined;
    if (annotation?.type === "TSTypeReference" && annotation.typeName.type === "Identifier" && mapTypeNames.has(annotation.typeName.name)) return true;
    const init = definition?.type === "Variable" ? definition.node.init : undefined;
    if (init && skipTransparentWrappers(init).type === "NewExpression") {
      const created = skipTransparentWrappers(init) as TSESTree.NewExpression;
      return created.callee.type === "Identifier" && mapTypeNames.has(created.callee.name);
    }
  }
  return false;
}

const mapTypeNames: ReadonlySet<string> = new Set(["Map", "ReadonlyMap", "WeakMap"]);

/**
 * A callback that deals with its own failures: a block body that is one `try` with a `catch` (whose handler does not
 * rethrow), or a result ending in `.catch(…)` or `.then(…, …)`.
 */
function handlesOwnRejections(fn: FunctionNode): boolean {
  if (fn.body.type === "BlockStatement") {
    const statements = fn.body.body;
    if (statements.length === 1 && statements[0]!.type === "TryStatement" && statements[0]!.handler) {
      return !containsOwnThrow(statements[0]!.handler.body);
    }
    const last = statements.at(-1);
    return statements.length === 1 && last?.type === "ReturnStatement" && last.argument != null && endsWithRejectionHandler(last.argument);
  }
  return endsWithRejectionHandler(fn.body);
}

function endsWithRejectionHandler(node: Node): boolean {
  const expression = skipTransparentWrappers(node);
  if (expression.type === "AwaitExpression") return endsWithRejectionHandler(expression.argument);
  if (expression.type !== "CallExpression") return false;
  const callee = skipTransparentWrappers(expression.callee);
  if (callee.type !== "MemberExpression") return false;
  const method = staticMemberName(callee);
  return method === "catch" || (method === "then" && expression.arguments.length >= 2);
}

function containsOwnThrow(block: Node): boolean {
  let found = false;
  const visit = (node: Node): void => {
    if (found) return;
    if (node.type === "ThrowStatement") {
      found = true;
      return;
    }
    if (isFunctionNode(node)) return;
    forEachChild(node, visit);
  };
  visit(block);
  return found;
}
