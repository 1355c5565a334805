/**
 * Cancelling a task throws `asyncio.CancelledError` into it at its current `await`. A handler that catches it
 * (by name, through `BaseException`, or with a bare `except:`) and does not re-raise turns the cancellation into
 * a normal return or, worse, lets the task carry on: `TaskGroup`, `asyncio.timeout()`, `wait_for()` and shutdown
 * all rely on it propagating.
 *
 * Reported only with evidence: the `try` body must contain an `await`/`async for`/`async with` of the same
 * coroutine (nowhere else can the task's own cancellation arrive). Not reported: handlers that `raise` (any
 * `raise`: a different exception still ends the task), that call `sys.exit()`-like functions or `uncancel()`
 * (a deliberate decision); the root coroutine of the program (`async def main` run by `asyncio.run(main())` in the
 * same file); and the "cancel a child, then wait for it" idiom, where the `CancelledError` is the child's.
 */
import type { RuleTextEdit, RuleTextEditor } from "@eslint/core";
import { createPythonRule } from "./create-rule.js";
import { indentationAt, lineBreakOf, lineEndOffset } from "./indentation.js";
import { cancellationCatchingBases, cancelledErrorNames, exceptionSuppressors, noReturnCalls, programRunners, TASK } from "./knowledge.js";
import type { PyNode } from "./parser.js";
import { isObjectOf } from "./library-objects.js";
import { calleeNameOf, resolvedNameOf } from "./resolved-name.js";
import { enclosingClass, enclosingFunction, isInAsyncFunction } from "./scope.js";
import { childByField, childrenByField, compactTextOf, methodCallOf, textOf } from "./syntax.js";
import { mayContainAsync } from "./text-prechecks.js";
import { descendants } from "./walk.js";

type Options = [{ reraiseOnEveryPath?: boolean }];

const TASKS: ReadonlySet<string> = new Set([TASK]);
type MessageIds = "swallowed" | "swallowedOnSomePath" | "swallowedBare" | "swallowedBareOnSomePath" | "suppressed" | "addRaise";


/** A suspension point of the coroutine itself: where a cancellation can be thrown into it. */
function isSuspension(node: PyNode): boolean {
  return (
    node.type === "await" ||
    ((node.type === "for_statement" || node.type === "with_statement" || node.type === "for_in_clause") && node.isAsync === true)
  );
}

function suspensionsIn(nodes: readonly PyNode[]): PyNode[] {
  const found: PyNode[] = [];
  for (const node of nodes) {
    if (isSuspension(node)) found.push(node);
    for (const child of descendants(node, { sameScope: true })) if (isSuspension(child)) found.push(child);
  }
  return found;
}

/** The exception expressions of an `except` clause, tuples and `except A, B:` (3.14) flattened. */
function caughtExpressions(clause: PyNode): PyNode[] {
  const result: PyNode[] = [];
  const pending = childrenByField(clause, "value");
  while (pending.length > 0) {
    const value = pending.shift()!;
    if (value.type === "as_pattern") pending.unshift(...value.children.filter((child) => child.field !== "alias"));
    else if (value.type === "tuple" || value.type === "parenthesized_expression") pending.unshift(...value.children);
    else result.push(value);
  }
  return result;
}

/** The name under which `expression` catches the task's cancellation, if it does. */
function cancellationCaughtBy(expression: PyNode, source: string): string | undefined {
  const name = resolvedNameOf(expression, source);
  if (name === undefined) return undefined;
  return cancelledErrorNames.has(name) || cancellationCatchingBases.has(name) ? textOf(expression, source) : undefined;
}

function isNoReturnCall(node: PyNode, source: string): boolean {
  if (node.type !== "call") return false;
  const name = calleeNameOf(node, source);
  return name !== undefined && noReturnCalls.has(name);
}

function isUncancelCall(node: PyNode, source: string): boolean {
  const callee = node.type === "call" ? childByField(node, "function") : undefined;
  const attribute = callee?.type === "attribute" ? childByField(callee, "attribute") : undefined;
  return attribute !== undefined && textOf(attribute, source) === "uncancel";
}

/** Whether some node of `block` (not inside nested defs) satisfies `test`. */
function containsNode(block: PyNode, test: (node: PyNode) => boolean): boolean {
  for (const node of descendants(block, { sameScope: true })) if (test(node)) return true;
  return false;
}

interface Flow {
  /** Some path reaches the end of the statements. */
  readonly fallsThrough: boolean;
  /** Some path leaves them with `return`, `break` or `continue` (no exception). */
  readonly escapes: boolean;
}

const RAISES: Flow = { fallsThrough: false, escapes: false };

function containsType(node: PyNode, type: string, stopAtLoops: boolean): boolean {
  const stack = [...node.children];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === type) return true;
    if (current.type === "function_definition" || current.type === "lambda" || current.type === "class_definition") continue;
    if (stopAtLoops && (current.type === "for_statement" || current.type === "while_statement")) continue;
    stack.push(...current.children);
  }
  return false;
}

function blockFlow(statements: readonly PyNode[], source: string): Flow {
  let escapes = false;
  for (const statement of statements) {
    const flow = statementFlow(statement, source);
    escapes ||= flow.escapes;
    if (!flow.fallsThrough) return { fallsThrough: false, escapes };
  }
  return { fallsThrough: true, escapes };
}

const bodyOf = (node: PyNode | undefined) => (node ? (childByField(node, "body") ?? childByField(node, "consequence") ?? node.children.find((child) => child.type === "block")) : undefined);
const flowOf = (block: PyNode | undefined, source: string): Flow => (block ? blockFlow(block.children, source) : { fallsThrough: true, escapes: false });

/** Strict reading: how control can leave one statement of a handler. */
function statementFlow(statement: PyNode, source: string): Flow {
  switch (statement.type) {
    case "raise_statement":
      return RAISES;
    case "return_statement":
    case "break_statement":
    case "continue_statement":
      return { fallsThrough: false, escapes: true };
    case "expression_statement":
      return statement.children.some((child) => isNoReturnCall(child, source) || isUncancelCall(child, source)) ? RAISES : { fallsThrough: true, escapes: false };
    case "if_statement": {
      const branches = [childByField(statement, "consequence"), ...childrenByField(statement, "alternative").map(bodyOf)].map((block) => flowOf(block, source));
      const hasElse = statement.children.some((child) => child.type === "else_clause");
      return { fallsThrough: !hasElse || branches.some((flow) => flow.fallsThrough), escapes: branches.some((flow) => flow.escapes) };
    }
    case "try_statement": {
      const body = flowOf(childByField(statement, "body"), source);
      const handlers = statement.children.filter((child) => child.type === "except_clause" || child.type === "except_group_clause").map((clause) => flowOf(bodyOf(clause), source));
      const elseClause = statement.children.find((child) => child.type === "else_clause");
      const elseFlow = elseClause ? flowOf(bodyOf(elseClause), source) : { fallsThrough: true, escapes: false };
      const finallyClause = statement.children.find((child) => child.type === "finally_clause");
      const finallyFlow = finallyClause ? flowOf(bodyOf(finallyClause), source) : { fallsThrough: true, escapes: false };
      const escapes = body.escapes || elseFlow.escapes || finallyFlow.escapes || handlers.some((flow) => flow.escapes);
      if (!finallyFlow.fallsThrough) return { fallsThrough: false, escapes };
      return { fallsThrough: (body.fallsThrough && elseFlow.fallsThrough) || handlers.some((flow) => flow.fallsThrough), escapes };
    }
    case "with_statement":
      return flowOf(childByField(statement, "body"), source);
    case "while_statement":
    case "for_statement": {
      const body = childByField(statement, "body");
      const forever = statement.type === "while_statement" && childByField(statement, "condition")?.type === "true";
      return {
        fallsThrough: !forever || (body !== undefined && containsType(body, "break_statement", true)),
        escapes: body !== undefined && containsType(body, "return_statement", false),
      };
    }
    case "match_statement": {
      // Assumed exhaustive: we do not know the subject's values (precision first).
      const cases = childByField(statement, "body")?.children.filter((child) => child.type === "case_clause") ?? [];
      const flows = cases.map((clause) => flowOf(childByField(clause, "consequence"), source));
      return { fallsThrough: flows.length === 0 || flows.some((flow) => flow.fallsThrough), escapes: flows.some((flow) => flow.escapes) };
    }
    default:
      return { fallsThrough: true, escapes: false };
  }
}

/**
 * Every call `<receiver>.cancel(…)` by its receiver's text, and `for v in xs: v.cancel()` loops as `*xs`, each with
 * the offset of its first occurrence.
 */
function cancelledExpressions(scope: PyNode, source: string): Map<string, number> {
  const cancelled = new Map<string, number>();
  const add = (text: string, at: number) => {
    if (!cancelled.has(text)) cancelled.set(text, at);
  };
  for (const node of descendants(scope)) {
    if (node.type === "call") {
      const callee = childByField(node, "function");
      const attribute = callee?.type === "attribute" ? childByField(callee, "attribute") : undefined;
      const receiver = callee?.type === "attribute" ? childByField(callee, "object") : undefined;
      if (attribute && receiver && textOf(attribute, source) === "cancel") add(compactTextOf(receiver, source), node.start);
    } else if (node.type === "for_statement" || node.type === "for_in_clause") {
      const left = childByField(node, "left");
      const right = childByField(node, "right");
      const cancelsEach = left?.type === "identifier" && right && cancelsInside(node, textOf(left, source), source);
      if (cancelsEach) add(`*${compactTextOf(right, source)}`, node.start);
    }
  }
  return cancelled;
}

function cancelsInside(loop: PyNode, variable: string, source: string): boolean {
  const scope = loop.type === "for_in_clause" ? loop.parent! : childByField(loop, "body");
  if (!scope) return false;
  for (const node of descendants(scope)) {
    if (node.type !== "call") continue;
    const callee = childByField(node, "function");
    if (callee?.type !== "attribute") continue;
    const receiver = childByField(callee, "object");
    const attribute = childByField(callee, "attribute");
    if (receiver && attribute && textOf(receiver, source) === variable && textOf(attribute, source) === "cancel") return true;
  }
  return false;
}

/**
 * The idiom `task.cancel()` … `try: await task` / `except CancelledError: pass`: every suspension point of the
 * guarded code awaits a child task — something cancelled before it in the same function (or, for `self.…`, anywhere
 * in the same class), or a task this code created with `create_task` — or `asyncio.gather(...)`/`wait_for(...)` of
 * such things. The `CancelledError` is the child's, not ours.
 */
function awaitsOnlyCancelledChildren(guarded: readonly PyNode[], fn: PyNode, source: string): boolean {
  const suspensions = suspensionsIn(guarded);
  if (suspensions.length === 0) return false;
  const inFunction = cancelledExpressions(fn, source);
  const classScope = enclosingClass(fn);
  const inClass = classScope ? cancelledExpressions(classScope, source) : new Map<string, number>();
  // `at`: the suspension point; `shielded`: behind `asyncio.shield()`, where our own cancellation arrives alone.
  const isChild = (expression: PyNode, star: boolean, at: PyNode, shielded: boolean): boolean => {
    const text = `${star ? "*" : ""}${compactTextOf(expression, source)}`;
    const cancelledAt = inFunction.get(text);
    if (cancelledAt !== undefined && cancelledAt < at.start) return true;
    if (text.replace(/^\*/u, "").startsWith("self.") && inClass.has(text)) return true;
    return !star && !shielded && isObjectOf(expression, TASKS, source);
  };
  const isChildAwaitable = (expression: PyNode, at: PyNode, shielded: boolean): boolean => {
    if (expression.type === "call") {
      const name = calleeNameOf(expression, source);
      const args = childByField(expression, "arguments")?.children ?? [];
      const positional = args.filter((arg) => arg.type !== "keyword_argument");
      if (name === "asyncio.gather") {
        return positional.length > 0 && positional.every((arg) => (arg.type === "list_splat" ? isChild(arg.children[0]!, true, at, shielded) : isChild(arg, false, at, shielded)));
      }
      if (name === "asyncio.wait_for" || name === "asyncio.shield") {
        return positional[0] !== undefined && isChildAwaitable(positional[0], at, shielded || name === "asyncio.shield");
      }
      return false;
    }
    return isChild(expression, false, at, shielded);
  };
  return suspensions.every((node) => node.type === "await" && node.children[0] !== undefined && isChildAwaitable(node.children[0], node, false));
}

const CLAUSE_TYPES = new Set(["elif_clause", "else_clause", "except_clause", "except_group_clause", "finally_clause", "case_clause", "block"]);
const LOOP_TYPES = new Set(["for_statement", "while_statement"]);

/**
 * Whether control, once `statement` completes normally, always reaches a `raise` before leaving `fn`: the
 * statements after it (and after each enclosing `if`/`try`/`with`, up to the nearest loop) raise on every path.
 * Then a cancellation swallowed by `statement` still ends the task with an exception (`except CancelledError:
 * cleanup()` … `raise`).
 */
function raisesAfterwards(statement: PyNode, fn: PyNode, source: string): boolean {
  let current = statement;
  for (;;) {
    const block = current.parent;
    if (!block || block === fn || (block.type !== "block" && block.type !== "module")) return false;
    const flow = blockFlow(block.children.slice(block.children.indexOf(current) + 1), source);
    if (!flow.fallsThrough) return !flow.escapes;
    let owner = block.parent;
    while (owner && CLAUSE_TYPES.has(owner.type)) owner = owner.parent;
    if (!owner || owner === fn || LOOP_TYPES.has(owner.type) || owner.type === "function_definition" || owner.type === "class_definition") return false;
    current = owner;
  }
}

/**
 * `except … as exc:` that keeps the exception (`errors.append(exc)`, `self._error = exc`) for a `raise` after the
 * `try` statement that names where it went (`raise errors[0]`, `raise CleanupError(errors)`): re-raised, deferred.
 */
function isReraisedLater(clause: PyNode, tryStatement: PyNode, fn: PyNode, source: string): boolean {
  const pattern = childrenByField(clause, "value").find((value) => value.type === "as_pattern");
  const alias = pattern && childByField(pattern, "alias");
  const name = alias?.children[0]?.type === "identifier" ? textOf(alias.children[0], source) : undefined;
  const block = clause.children.find((child) => child.type === "block");
  if (name === undefined || !block) return false;
  const holders = new Set<string>();
  for (const node of descendants(block, { sameScope: true })) {
    if (node.type !== "identifier" || textOf(node, source) !== name) continue;
    const argumentList = node.parent?.type === "argument_list" ? node.parent : undefined;
    const stored = argumentList?.parent ? methodCallOf(argumentList.parent, source) : undefined;
    if (stored && ["append", "add", "extend", "insert", "put_nowait"].includes(stored.method)) holders.add(compactTextOf(stored.receiver, source));
    const assignment = node.parent?.type === "assignment" && node.field === "right" ? node.parent : undefined;
    const target = assignment && childByField(assignment, "left");
    if (target) holders.add(compactTextOf(target, source));
  }
  if (holders.size === 0) return false;
  for (const node of descendants(fn, { sameScope: true })) {
    if (node.type !== "raise_statement" || node.start < tryStatement.end) continue;
    for (const part of descendants(node)) {
      if ((part.type === "identifier" || part.type === "attribute") && holders.has(compactTextOf(part, source))) return true;
    }
  }
  return false;
}

/** Whether an `except` clause catches this task's cancellation: bare, or naming `CancelledError`/`BaseException`. */
function catchesCancellation(clause: PyNode, source: string): boolean {
  return childrenByField(clause, "value").length === 0 || caughtExpressions(clause).some((expression) => cancellationCaughtBy(expression, source) !== undefined);
}

/** Names of module-level functions whose coroutine is the program's root: `asyncio.run(main())` in the same file. */
function programRoots(module: PyNode, source: string): Set<string> {
  const roots = new Set<string>();
  for (const node of descendants(module)) {
    if (node.type !== "call") continue;
    const callee = childByField(node, "function");
    if (!callee) continue;
    const name = resolvedNameOf(callee, source);
    const isRunner =
      (name !== undefined && programRunners.has(name)) ||
      (callee.type === "attribute" && textOf(childByField(callee, "attribute")!, source) === "run_until_complete");
    if (!isRunner) continue;
    const first = childByField(node, "arguments")?.children[0];
    const root = first?.type === "call" ? childByField(first, "function") : undefined;
    if (root?.type === "identifier") roots.add(textOf(root, source));
  }
  return roots;
}

function isProgramRoot(fn: PyNode, roots: Set<string>, source: string): boolean {
  const parent = fn.parent?.type === "decorated_definition" ? fn.parent.parent : fn.parent;
  const name = childByField(fn, "name");
  return parent?.type === "module" && name !== undefined && roots.has(textOf(name, source));
}

/** Where the `except …:` header ends (just after its colon). */
function headerEnd(clause: PyNode, source: string): number {
  const values = childrenByField(clause, "value");
  let offset = values.length > 0 ? values[values.length - 1]!.end : clause.start + "except".length;
  while (offset < source.length && source[offset] !== ":") offset++;
  return Math.min(offset + 1, clause.end);
}

const REPLACEABLE_LAST = new Set(["pass_statement", "break_statement", "continue_statement"]);

function addRaise(block: PyNode, clause: PyNode, source: string): ((fixer: RuleTextEditor) => RuleTextEdit) | null {
  const statements = block.children;
  const last = statements[statements.length - 1];
  if (!last) return null;
  if (REPLACEABLE_LAST.has(last.type) || (last.type === "return_statement" && last.children.length === 0)) {
    return (fixer) => fixer.replaceTextRange(last.range, "raise");
  }
  // A returned value: the author must choose. A final `raise` already re-raises: the escape is elsewhere.
  if (last.type === "return_statement" || last.type === "raise_statement") return null;
  if (block.loc.start.line === clause.loc.start.line) {
    // `except CancelledError: log()`: a one-line suite holds simple statements only.
    return (fixer) => fixer.insertTextAfterRange(last.range, "; raise");
  }
  const indentation = indentationAt(source, statements[0]!.start);
  const at = lineEndOffset(source, last.end);
  return (fixer) => fixer.insertTextAfterRange([at, at], `${lineBreakOf(source)}${indentation}raise`);
}

export default createPythonRule<MessageIds, Options>({
  name: "no-swallowed-cancellation",
  meta: {
    type: "problem",
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          reraiseOnEveryPath: {
            type: "boolean",
            description: "Also report handlers that re-raise on some paths only (e.g. `raise` inside an `if`).",
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      swallowed:
        "'except {{caught}}' around an await catches this task's cancellation and never re-raises it: the task would carry on as if it had not been cancelled.",
      swallowedOnSomePath:
        "'except {{caught}}' around an await catches this task's cancellation and does not re-raise it on every path: the task may carry on as if it had not been cancelled.",
      swallowedBare:
        "A bare 'except:' around an await catches this task's cancellation ('asyncio.CancelledError') and never re-raises it.",
      swallowedBareOnSomePath:
        "A bare 'except:' around an await catches this task's cancellation ('asyncio.CancelledError') and does not re-raise it on every path.",
      suppressed:
        "'suppress({{caught}})' around an await swallows this task's own cancellation: the task would carry on as if it had not been cancelled.",
      addRaise: "Re-raise the cancellation: end the handler with 'raise'.",
    },
  },
  defaultOptions: [{ reraiseOnEveryPath: false }],
  create(context, [options]) {
    const source = context.sourceCode.text;
    // Both listeners judge code inside `async def` only (text-prechecks.ts).
    if (!mayContainAsync(source)) return {};
    let roots: Set<string> | undefined;
    const isRoot = (fn: PyNode) => isProgramRoot(fn, (roots ??= programRoots(context.sourceCode.ast, source)), source);

    return {
      except_clause(clause) {
        const tryStatement = clause.parent;
        if (tryStatement?.type !== "try_statement" || !isInAsyncFunction(clause)) return;
        const fn = enclosingFunction(clause)!;
        const values = childrenByField(clause, "value");
        const caught = values.length === 0 ? "" : caughtExpressions(clause).map((expression) => cancellationCaughtBy(expression, source)).find(Boolean);
        if (caught === undefined) return;
        // An earlier clause of the same `try` already catches the cancellation: this one never sees it.
        const earlier = tryStatement.children.filter((child) => child.type === "except_clause" && child.start < clause.start);
        if (earlier.some((other) => catchesCancellation(other, source))) return;

        const body = childByField(tryStatement, "body");
        if (!body || suspensionsIn([body]).length === 0) return;
        const block = clause.children.find((child) => child.type === "block");
        if (!block) return;

        if (containsNode(block, (node) => isUncancelCall(node, source))) return; // `uncancel()`: swallowing on purpose
        const raisesSomewhere = containsNode(block, (node) => node.type === "raise_statement" || isNoReturnCall(node, source));
        let messageId: MessageIds = values.length === 0 ? "swallowedBare" : "swallowed";
        if (options.reraiseOnEveryPath) {
          const flow = blockFlow(block.children, source);
          if (!flow.fallsThrough && !flow.escapes) return;
          if (raisesSomewhere) messageId = values.length === 0 ? "swallowedBareOnSomePath" : "swallowedOnSomePath";
        } else if (raisesSomewhere) {
          return;
        }
        if (isRoot(fn) || awaitsOnlyCancelledChildren([body], fn, source)) return;
        if (isReraisedLater(clause, tryStatement, fn, source) || raisesAfterwards(tryStatement, fn, source)) return;

        const fix = addRaise(block, clause, source);
        context.report({
          loc: { start: clause.loc.start, end: context.sourceCode.getLocFromIndex(headerEnd(clause, source)) },
          messageId,
          data: { caught },
          suggest: fix ? [{ messageId: "addRaise", fix }] : [],
        });
      },

      with_statement(statement) {
        if (!isInAsyncFunction(statement)) return;
        const fn = enclosingFunction(statement)!;
        const body = childByField(statement, "body");
        const clause = statement.children.find((child) => child.type === "with_clause");
        if (!body || !clause) return;
        for (const item of clause.children) {
          let value = childByField(item, "value");
          if (value?.type === "as_pattern") value = value.children[0];
          const name = value?.type === "call" ? calleeNameOf(value, source) : undefined;
          if (!value || name === undefined || !exceptionSuppressors.has(name)) continue;
          const args = childByField(value, "arguments")?.children ?? [];
          const caught = args.map((arg) => cancellationCaughtBy(arg, source)).find(Boolean);
          if (caught === undefined) continue;
          if (suspensionsIn([body]).length === 0 || isRoot(fn) || awaitsOnlyCancelledChildren([body], fn, source)) continue;
          if (raisesAfterwards(statement, fn, source)) continue;
          context.report({ node: value, messageId: "suppressed", data: { caught } });
        }
      },
    };
  },
});
