/**
 * A sleep that blocks the thread inside an async function stalls the whole event loop: every request, timer and
 * I/O callback waits for it. Flags, inside async functions only:
 * - `Atomics.wait(…)` (the global `Atomics`, not a local binding);
 * - `execSync("sleep 2")`, `spawnSync("sleep", ["2"])`, `execFileSync("sleep", ["2"])` from `child_process`,
 *   however imported or required;
 * - busy-wait loops: a `while`, `do…while` or `for` whose condition waits for a clock (`Date.now()`,
 *   `performance.now()`, `new Date().getTime()`, `+new Date()`, or a variable the body sets from one) to reach a
 *   deadline, and whose body only spins: no `await`, no `break`, no calls other than clock reads — just empty
 *   statements, `continue`, and side-effect-free expressions, assignments and declarations (`now = Date.now()`,
 *   `spins++`). A loop that does work until a deadline is not a sleep and is left alone.
 *
 * Suggestion (never an autofix: timing changes are for a person to accept): `await setTimeout(ms)` from
 * `node:timers/promises`, reusing an existing binding or adding an `import` (`require` in CommonJS), when the
 * delay is known: a literal `sleep` operand, `Atomics.wait`'s timeout on a private buffer, or a loop with an empty
 * body and a simple deadline (`Math.max(0, deadline - clock)`). A call whose result is used gets no suggestion.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { containsAwait, forEachChild, isInAsyncFunction } from "./async-context.js";
import { createRule } from "./create-rule.js";
import { fileRole } from "./file-role.js";
import { codeStyle, planModuleExportBinding } from "./ensure-binding.js";
import {
  isGlobalName,
  isGlobalReference,
  referenceOf,
  resolveCallee,
  resolveModuleValue,
  skipTransparentWrappers,
  staticMemberName,
  staticString,
} from "./imports.js";
import {
  asyncSleep,
  blockingGlobalWaits,
  clockReads,
  sleepDurationUnits,
  sleepExecutables,
  syncProcessRunners,
  waitableTypedArrays,
  type BlockingGlobalWait,
  type CommandForm,
} from "./knowledge.js";

export type MessageIds = "blockingWait" | "shellSleep" | "busyWait" | "replaceWithTimersSleep";

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;
type SourceCode = Readonly<TSESLint.SourceCode>;
type Loop = TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement;

export default createRule<[], MessageIds>({
  name: "no-blocking-sleep",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow sleeping calls that block the event loop inside async functions",
      recommended: true,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      blockingWait:
        "'{{name}}()' blocks the event loop inside an async function; sleep with 'await setTimeout(ms)' from 'node:timers/promises', or wait for a notification with '{{alternative}}()'.",
      shellSleep:
        "'{{name}}()' runs 'sleep' synchronously and blocks the event loop inside an async function; use 'await setTimeout(ms)' from 'node:timers/promises'.",
      busyWait:
        "This loop spins on '{{clock}}' until a deadline and blocks the event loop inside an async function; use 'await setTimeout(ms)' from 'node:timers/promises'.",
      replaceWithTimersSleep: "Replace with 'await {{callee}}({{delay}})' ('setTimeout' from 'node:timers/promises').",
    },
  },
  defaultOptions: [],
  create(context) {
    const { sourceCode } = context;
    // A type test (`*.test-d.ts`) or a fixture (a parser's input) never runs: nothing in it can float, dangle or block.
    if (fileRole(context).neverRuns) return {};
    const sourceType = context.languageOptions.sourceType;

    /** The suggestion: `replaced` becomes `await <sleep>(<delay>)` (plus `;` when it is a statement). */
    function sleepSuggestion(
      replaced: Node,
      delay: string | undefined,
      asStatement: boolean,
    ): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      if (delay === undefined) return [];
      const plan = planModuleExportBinding(replaced, asyncSleep, sourceCode, sourceType);
      if (!plan) return [];
      const expression = `await ${plan.callee}(${delay})`;
      const text = asStatement ? `${expression}${statementEnd(replaced, sourceCode)}` : expression;
      return [
        {
          messageId: "replaceWithTimersSleep",
          data: { callee: plan.callee, delay },
          fix: (fixer) => {
            const replace = fixer.replaceText(replaced, text);
            return plan.addBinding ? [plan.addBinding(fixer), replace] : [replace];
          },
        },
      ];
    }

    function checkGlobalWait(call: TSESTree.CallExpression): boolean {
      const wait = blockingGlobalWait(call, sourceCode);
      if (!wait) return false;
      const replaced = unusedResult(call);
      const delay = replaced && isPrivateWaitArray(call.arguments[0], sourceCode) ? timeoutText(call, wait, sourceCode) : undefined;
      context.report({
        node: call,
        messageId: "blockingWait",
        data: { name: `${wait.object}.${wait.method}`, alternative: wait.asyncAlternative },
        suggest: replaced ? sleepSuggestion(replaced, delay, false) : [],
      });
      return true;
    }

    function checkProcessSleep(call: TSESTree.CallExpression): void {
      const callee = resolveCallee(call, sourceCode);
      if (!callee || callee.path.length !== 1) return;
      const name = callee.path[0]!;
      const form = syncProcessRunners.get(callee.module)?.get(name);
      if (!form) return;
      const sleep = sleepCommand(call, form);
      if (!sleep) return;
      const replaced = unusedResult(call);
      context.report({
        node: call,
        messageId: "shellSleep",
        data: { name },
        suggest: replaced ? sleepSuggestion(replaced, sleep.milliseconds?.toString(), false) : [],
      });
    }

    function checkLoop(loop: Loop): void {
      if (!loop.test || !isInAsyncFunction(loop)) return;
      if (containsAwait(loop.test)) return;
      if (loop.type === "ForStatement" && loop.update && (containsAwait(loop.update) || !isPure(loop.update, sourceCode))) return;
      if (loop.type === "ForStatement" && loop.init && containsAwait(loop.init)) return;
      if (!isSpinBody(loop.body, loop, sourceCode)) return;

      const clockVariables = clockVariablesOf(loop, sourceCode);
      const wait = analyseDeadline(loop.test, clockVariables, sourceCode);
      if (!wait) return;
      const replaceable =
        isEmptyBody(loop.body) &&
        (loop.type !== "ForStatement" || (!loop.init && !loop.update)) &&
        wait.delay !== undefined &&
        isGlobalName(loop, "Math", sourceCode);
      context.report({
        node: loop,
        messageId: "busyWait",
        data: { clock: wait.clock },
        suggest: replaceable ? sleepSuggestion(withLabels(loop), `Math.max(0, ${wait.delay})`, true) : [],
      });
    }

    return {
      CallExpression(call) {
        if (!isInAsyncFunction(call)) return;
        if (!checkGlobalWait(call)) checkProcessSleep(call);
      },
      WhileStatement: checkLoop,
      DoWhileStatement: checkLoop,
      ForStatement: checkLoop,
    };
  },
});

// ---------------------------------------------------------------------------------------------------------------
// Atomics.wait

/** `Atomics.wait(…)` or `globalThis.Atomics.wait(…)`, with the global `Atomics`. */
function blockingGlobalWait(call: TSESTree.CallExpression, sourceCode: SourceCode): BlockingGlobalWait | undefined {
  const callee = skipTransparentWrappers(call.callee);
  if (callee.type !== "MemberExpression") return undefined;
  const method = staticMemberName(callee);
  if (!blockingGlobalWaits.some((wait) => wait.method === method)) return undefined;
  const objectName = globalObjectName(skipTransparentWrappers(callee.object), sourceCode);
  return blockingGlobalWaits.find((wait) => wait.method === method && wait.object === objectName);
}

/** The name of a global object: `X` or `globalThis.X`, where neither is a local binding. */
function globalObjectName(node: Node, sourceCode: SourceCode): string | undefined {
  if (node.type === "Identifier") return isGlobalReference(node, sourceCode) ? node.name : undefined;
  if (node.type === "MemberExpression") {
    const object = skipTransparentWrappers(node.object);
    if (object.type === "Identifier" && object.name === "globalThis" && isGlobalReference(object, sourceCode)) return staticMemberName(node);
  }
  return undefined;
}

function isNewGlobal(node: Node | undefined, names: ReadonlySet<string>, sourceCode: SourceCode): node is TSESTree.NewExpression {
  return (
    node?.type === "NewExpression" &&
    node.callee.type === "Identifier" &&
    names.has(node.callee.name) &&
    isGlobalReference(node.callee, sourceCode)
  );
}

/** A `const`-like variable read exactly once, at `use`: nothing else can reach its value. */
function privateVariableInit(use: TSESTree.Identifier, sourceCode: SourceCode): TSESTree.Expression | undefined {
  const variable = referenceOf(use, sourceCode)?.resolved;
  if (!variable || variable.defs.length !== 1) return undefined;
  const definition = variable.defs[0]!;
  if (definition.type !== "Variable" || definition.node.id.type !== "Identifier" || !definition.node.init) return undefined;
  const reads = variable.references.filter((reference) => reference.isRead());
  const writes = variable.references.filter((reference) => reference.isWrite() && !reference.init);
  return reads.length === 1 && reads[0]!.identifier === use && writes.length === 0 ? definition.node.init : undefined;
}

const sharedArrayBuffer: ReadonlySet<string> = new Set(["SharedArrayBuffer"]);

/**
 * Whether `Atomics.wait`'s array is private to this call (`new Int32Array(new SharedArrayBuffer(4))`, inline or
 * through variables read only here), so no other thread can `notify` it: the wait is exactly a sleep.
 */
function isPrivateWaitArray(argument: TSESTree.CallExpressionArgument | undefined, sourceCode: SourceCode): boolean {
  const arrayExpression = argument?.type === "Identifier" ? privateVariableInit(argument, sourceCode) : argument;
  if (!isNewGlobal(arrayExpression, waitableTypedArrays, sourceCode) || arrayExpression.arguments.length !== 1) return false;
  const bufferArgument = arrayExpression.arguments[0]!;
  const buffer = bufferArgument.type === "Identifier" ? privateVariableInit(bufferArgument, sourceCode) : bufferArgument;
  return isNewGlobal(buffer, sharedArrayBuffer, sourceCode);
}

/** The timeout argument's text, when it is present and plainly finite. */
function timeoutText(call: TSESTree.CallExpression, wait: BlockingGlobalWait, sourceCode: SourceCode): string | undefined {
  const args = call.arguments;
  if (args.length !== wait.timeoutArgument + 1 || args.some((argument) => argument.type === "SpreadElement")) return undefined;
  const timeout = args[wait.timeoutArgument]!;
  if (timeout.type === "Literal" && !(typeof timeout.value === "number" && Number.isFinite(timeout.value) && timeout.value >= 0)) return undefined;
  if (timeout.type === "Identifier" && (timeout.name === "Infinity" || timeout.name === "undefined" || timeout.name === "NaN")) return undefined;
  const text = sourceCode.getText(timeout);
  return timeout.type === "SequenceExpression" ? `(${text})` : text;
}

// ---------------------------------------------------------------------------------------------------------------
// child_process sleeps

export interface SleepCommand {
  /** The delay, when the operand is a literal duration. */
  readonly milliseconds: number | undefined;
}

/** The statically known start of a string: literals, templates and `+` concatenations. */
function stringPrefix(node: Node): { text: string; complete: boolean } | undefined {
  const whole = staticString(node);
  if (whole !== undefined) return { text: whole, complete: true };
  if (node.type === "TemplateLiteral") return { text: node.quasis[0]?.value.cooked ?? "", complete: false };
  if (node.type === "BinaryExpression" && node.operator === "+") {
    const left = stringPrefix(node.left);
    if (!left || !left.complete) return left;
    const right = stringPrefix(node.right);
    return right ? { text: left.text + right.text, complete: right.complete } : { text: left.text, complete: false };
  }
  return undefined;
}

/** A `sleep` operand such as `2`, `0.5`, `1.5s`, `2m` in milliseconds. */
function parseSleepOperand(operand: string): number | undefined {
  const match = /^(\d+(?:\.\d*)?|\.\d+)([a-z]?)$/.exec(operand);
  const unit = match ? sleepDurationUnits.get(match[2]!) : undefined;
  return match && unit !== undefined ? Math.round(Number(match[1]) * unit) : undefined;
}

/** `sleep <operand>` as a shell command line: the first word is `sleep` and it has an operand. */
function shellSleep(command: { text: string; complete: boolean }): SleepCommand | undefined {
  const match = /^\s*(\S+)(\s+)?([\s\S]*)$/.exec(command.text);
  if (!match || !sleepExecutables.has(match[1]!)) return undefined;
  if (!command.complete) return match[2] === undefined ? undefined : { milliseconds: undefined };
  const operand = match[3]!.trim();
  if (operand === "") return undefined;
  return { milliseconds: parseSleepOperand(operand) };
}

export function sleepCommand(call: TSESTree.CallExpression, form: CommandForm): SleepCommand | undefined {
  const [first, second] = call.arguments;
  if (!first || first.type === "SpreadElement") return undefined;
  if (form === "shell-command") {
    const command = stringPrefix(first);
    return command ? shellSleep(command) : undefined;
  }
  const file = staticString(first);
  if (file === undefined || !sleepExecutables.has(file) || !second || second.type === "SpreadElement") return undefined;
  if (second.type !== "ArrayExpression") return { milliseconds: undefined };
  if (second.elements.length === 0) return undefined;
  const [operand] = second.elements;
  if (second.elements.length !== 1 || !operand || operand.type !== "Literal") return { milliseconds: undefined };
  const text = typeof operand.value === "number" ? String(operand.value) : typeof operand.value === "string" ? operand.value : undefined;
  return { milliseconds: text === undefined ? undefined : parseSleepOperand(text.trim()) };
}

/**
 * The node to replace when a call's result is discarded: the call in `f();` (the whole chain in `a?.f();`), the
 * `await` in `await f();`.
 * `undefined` when the result is used (a sleep returns nothing comparable to `Atomics.wait`'s string or a Buffer).
 */
function unusedResult(call: TSESTree.CallExpression): Node | undefined {
  const expression = call.parent.type === "ChainExpression" ? call.parent : call;
  const parent = expression.parent;
  if (parent.type === "ExpressionStatement") return expression;
  if (parent.type === "AwaitExpression" && parent.parent.type === "ExpressionStatement") return parent;
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Busy-wait loops

/** Whether `node` reads a millisecond clock, per the `clockReads` table. */
function isClockRead(node: Node, sourceCode: SourceCode): boolean {
  const expression = skipTransparentWrappers(node);
  if (expression.type === "UnaryExpression" && expression.operator === "+") {
    const argument = skipTransparentWrappers(expression.argument);
    return clockReads.some(
      (clock) => clock.kind === "coerced" && isArgumentlessNew(argument, clock.constructor, sourceCode),
    );
  }
  if (expression.type !== "CallExpression" || expression.arguments.length !== 0) return false;
  const callee = skipTransparentWrappers(expression.callee);
  if (callee.type !== "MemberExpression") return false;
  const method = staticMemberName(callee);
  const object = skipTransparentWrappers(callee.object);
  return clockReads.some((clock) => {
    if (clock.kind === "coerced" || clock.method !== method) return false;
    if (clock.kind === "instance") return isArgumentlessNew(object, clock.constructor, sourceCode);
    if (globalObjectName(object, sourceCode) === clock.global) return true;
    if (clock.module === undefined || clock.exportName === undefined) return false;
    const value = resolveModuleValue(object, sourceCode);
    return value?.module === clock.module && value.path.length === 1 && value.path[0] === clock.exportName;
  });
}

function isArgumentlessNew(node: Node, constructor: string, sourceCode: SourceCode): boolean {
  return (
    node.type === "NewExpression" &&
    node.arguments.length === 0 &&
    node.callee.type === "Identifier" &&
    node.callee.name === constructor &&
    isGlobalReference(node.callee, sourceCode)
  );
}

/** Variables the loop body (or a `for` update) sets from a clock: `now = Date.now()`. */
function clockVariablesOf(loop: Loop, sourceCode: SourceCode): Map<Variable, string> {
  const variables = new Map<Variable, string>();
  const visit = (node: Node): void => {
    if (node.type === "AssignmentExpression" && node.operator === "=" && node.left.type === "Identifier" && isClockRead(node.right, sourceCode)) {
      const variable = referenceOf(node.left, sourceCode)?.resolved;
      if (variable) variables.set(variable, sourceCode.getText(skipTransparentWrappers(node.right)));
    }
    forEachChild(node, visit);
  };
  visit(loop.body);
  if (loop.type === "ForStatement" && loop.update) visit(loop.update);
  return variables;
}

/** Statements a spinning loop may contain: nothing that waits, leaves the loop or calls out. */
function isSpinBody(statement: TSESTree.Statement, loop: Loop, sourceCode: SourceCode): boolean {
  switch (statement.type) {
    case "EmptyStatement":
      return true;
    case "BlockStatement":
      return statement.body.every((inner) => isSpinBody(inner, loop, sourceCode));
    case "ContinueStatement":
      return !statement.label || (loop.parent.type === "LabeledStatement" && loop.parent.label.name === statement.label.name);
    case "ExpressionStatement":
      return isPure(statement.expression, sourceCode);
    case "VariableDeclaration":
      return statement.declarations.every(
        (declarator) => declarator.id.type === "Identifier" && (!declarator.init || isPure(declarator.init, sourceCode)),
      );
    default:
      return false;
  }
}

/** Expressions without effects beyond local variables: literals, names, clock reads, arithmetic, `x++`, `x = …`. */
function isPure(node: Node, sourceCode: SourceCode): boolean {
  const expression = skipTransparentWrappers(node);
  switch (expression.type) {
    case "Identifier":
    case "Literal":
    case "ThisExpression":
      return true;
    case "TemplateLiteral":
      return expression.expressions.every((inner) => isPure(inner, sourceCode));
    case "UpdateExpression":
      return expression.argument.type === "Identifier";
    case "AssignmentExpression":
      return expression.left.type === "Identifier" && isPure(expression.right, sourceCode);
    case "UnaryExpression":
      if (expression.operator === "delete") return false;
      return isClockRead(expression, sourceCode) || isPure(expression.argument, sourceCode);
    case "BinaryExpression":
      return expression.left.type !== "PrivateIdentifier" && expression.operator !== "in" && expression.operator !== "instanceof" &&
        isPure(expression.left, sourceCode) && isPure(expression.right, sourceCode);
    case "LogicalExpression":
      return isPure(expression.left, sourceCode) && isPure(expression.right, sourceCode);
    case "ConditionalExpression":
      return isPure(expression.test, sourceCode) && isPure(expression.consequent, sourceCode) && isPure(expression.alternate, sourceCode);
    case "SequenceExpression":
      return expression.expressions.every((inner) => isPure(inner, sourceCode));
    case "CallExpression":
      return isClockRead(expression, sourceCode);
    default:
      return false;
  }
}

/** The loop with the labels around it: an empty loop cannot use them, so they go with it. */
function withLabels(loop: Loop): Node {
  let statement: Node = loop;
  while (statement.parent?.type === "LabeledStatement") statement = statement.parent;
  return statement;
}

function isEmptyBody(body: TSESTree.Statement): boolean {
  return body.type === "EmptyStatement" || (body.type === "BlockStatement" && body.body.length === 0);
}

/** How an expression depends on the clock: linear with `sign`, through `clocks` clock reads. */
interface ClockTerm {
  /** Sum of the signs with which clock reads enter the expression (+1 for `now`, -1 for `end - now`). */
  readonly sign: number;
  readonly clocks: number;
  /** Every clock enters through `+`/`-` only (the expression is in milliseconds of the clock). */
  readonly additive: boolean;
  /** Every clock is read directly (not through a variable the body updates). */
  readonly direct: boolean;
  /** Text of the first clock read, for the message. */
  readonly clockText: string | undefined;
}

const constantTerm: ClockTerm = { sign: 0, clocks: 0, additive: true, direct: true, clockText: undefined };

function combine(left: ClockTerm, right: ClockTerm, rightSign: 1 | -1): ClockTerm {
  return {
    sign: left.sign + rightSign * right.sign,
    clocks: left.clocks + right.clocks,
    additive: left.additive && right.additive,
    direct: left.direct && right.direct,
    clockText: left.clockText ?? right.clockText,
  };
}

function isPositiveNumber(node: Node): boolean {
  return node.type === "Literal" && typeof node.value === "number" && node.value > 0;
}

/** The clock dependence of `node`, or `undefined` when a clock enters in a way we do not analyse. */
function clockTerm(node: Node, clockVariables: ReadonlyMap<Variable, string>, sourceCode: SourceCode): ClockTerm | undefined {
  const expression = skipTransparentWrappers(node);
  if (isClockRead(expression, sourceCode)) {
    return { sign: 1, clocks: 1, additive: true, direct: true, clockText: sourceCode.getText(expression) };
  }
  if (expression.type === "Identifier") {
    const variable = referenceOf(expression, sourceCode)?.resolved;
    const clockText = variable ? clockVariables.get(variable) : undefined;
    return clockText === undefined ? constantTerm : { sign: 1, clocks: 1, additive: true, direct: false, clockText };
  }
  if (expression.type === "BinaryExpression" && expression.left.type !== "PrivateIdentifier") {
    const { operator, left, right } = expression;
    if (operator === "+" || operator === "-") {
      const leftTerm = clockTerm(left, clockVariables, sourceCode);
      const rightTerm = clockTerm(right, clockVariables, sourceCode);
      return leftTerm && rightTerm ? combine(leftTerm, rightTerm, operator === "+" ? 1 : -1) : undefined;
    }
    // Scaling by a positive constant keeps the direction: `(Date.now() - start) / 1000 < seconds`.
    if ((operator === "*" || operator === "/") && (isPositiveNumber(right) || (operator === "*" && isPositiveNumber(left)))) {
      const scaled = clockTerm(isPositiveNumber(right) ? left : right, clockVariables, sourceCode);
      return scaled && { ...scaled, additive: scaled.clocks === 0 };
    }
  }
  if (expression.type === "UnaryExpression" && expression.operator === "-") {
    const negated = clockTerm(expression.argument, clockVariables, sourceCode);
    return negated && { ...negated, sign: -negated.sign };
  }
  return mentionsClock(expression, clockVariables, sourceCode) ? undefined : constantTerm;
}

function mentionsClock(node: Node, clockVariables: ReadonlyMap<Variable, string>, sourceCode: SourceCode): boolean {
  let found = false;
  const visit = (current: Node): void => {
    if (found) return;
    if (isClockRead(current, sourceCode)) found = true;
    else if (current.type === "Identifier" && clockVariables.size > 0) {
      const variable = referenceOf(current, sourceCode)?.resolved;
      found = variable !== undefined && variable !== null && clockVariables.has(variable);
    } else forEachChild(current, visit);
  };
  visit(node);
  return found;
}

/** Operands a suggested delay may repeat once: names, property chains, literals, and arithmetic on them. */
function isSimpleOperand(node: Node, sourceCode: SourceCode): boolean {
  const expression = skipTransparentWrappers(node);
  if (isClockRead(expression, sourceCode)) return true;
  switch (expression.type) {
    case "Identifier":
    case "ThisExpression":
      return true;
    case "Literal":
      return typeof expression.value === "number";
    case "MemberExpression": {
      const named = staticMemberName(expression) !== undefined || expression.property.type === "PrivateIdentifier";
      return named && isSimpleOperand(expression.object, sourceCode);
    }
    case "UnaryExpression":
      return (expression.operator === "-" || expression.operator === "+") && isSimpleOperand(expression.argument, sourceCode);
    case "BinaryExpression":
      return (
        ["+", "-", "*", "/", "%"].includes(expression.operator) &&
        expression.left.type !== "PrivateIdentifier" &&
        isSimpleOperand(expression.left, sourceCode) &&
        isSimpleOperand(expression.right, sourceCode)
      );
    default:
      return false;
  }
}

/**
 * A loop condition `small < big` (or `big > small`, `<=`, `>=`) that stays true until a clock passes a deadline:
 * `small - big` grows with the clock. The remaining time is then `big - small` milliseconds, offered as the delay
 * when the clock is read directly, once, in milliseconds, and everything else is simple enough to evaluate once.
 */
function analyseDeadline(
  test: TSESTree.Expression,
  clockVariables: ReadonlyMap<Variable, string>,
  sourceCode: SourceCode,
): { clock: string; delay: string | undefined } | undefined {
  const comparison = skipTransparentWrappers(test);
  if (comparison.type !== "BinaryExpression" || comparison.left.type === "PrivateIdentifier") return undefined;
  const { operator } = comparison;
  if (operator !== "<" && operator !== "<=" && operator !== ">" && operator !== ">=") return undefined;
  const [small, big] = operator === "<" || operator === "<=" ? [comparison.left, comparison.right] : [comparison.right, comparison.left];
  const smallTerm = clockTerm(small, clockVariables, sourceCode);
  const bigTerm = clockTerm(big, clockVariables, sourceCode);
  if (!smallTerm || !bigTerm) return undefined;
  const term = combine(smallTerm, bigTerm, -1);
  if (term.clocks === 0 || term.sign <= 0 || term.clockText === undefined) return undefined;

  const simple =
    term.clocks === 1 && term.direct && term.additive && isSimpleOperand(small, sourceCode) && isSimpleOperand(big, sourceCode);
  return { clock: term.clockText, delay: simple ? remainingTime(small, big, sourceCode) : undefined };
}

/** `big - small` as text, parenthesising `small` when it is a sum or difference; just `big` when `small` is `0`. */
function remainingTime(small: Node, big: Node, sourceCode: SourceCode): string {
  const smallExpression = skipTransparentWrappers(small);
  const bigText = sourceCode.getText(skipTransparentWrappers(big));
  if (smallExpression.type === "Literal" && smallExpression.value === 0) return bigText;
  const smallText = sourceCode.getText(smallExpression);
  const needsParentheses =
    smallExpression.type === "BinaryExpression" && (smallExpression.operator === "+" || smallExpression.operator === "-");
  return `${bigText} - ${needsParentheses ? `(${smallText})` : smallText}`;
}

/** `;` after a replaced statement when the file uses semicolons or the next line would otherwise continue it. */
function statementEnd(statement: Node, sourceCode: SourceCode): string {
  if (codeStyle(sourceCode).semicolon === ";") return ";";
  const next = sourceCode.getTokenAfter(statement);
  return next && /^[([`+\-/]/.test(next.value) ? ";" : "";
}
