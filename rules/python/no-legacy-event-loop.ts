/**
 * `asyncio.get_event_loop()` is the pre-3.7 way to reach the loop. Inside a coroutine a loop is always running, so
 * `get_running_loop()` says what is meant and is what the docs prescribe (autofix: identical behaviour there).
 * Outside, `get_event_loop().run_until_complete(main())` is what `asyncio.run(main())` replaced: it warns since
 * 3.12 when no loop is set, raises in 3.14, and never shuts down async generators or the default executor.
 *
 * Only these two patterns are reported. Other uses of `get_event_loop()` in sync code (`run_forever()`,
 * `call_soon()`…) are left alone, and so is a loop the code set itself (`set_event_loop(new_event_loop())`).
 */
import type { RuleTextEdit, RuleTextEditor } from "@eslint/core";
import { createPythonRule } from "./create-rule.js";
import { definitionScopeOf, soleDefinitionOf } from "./definitions.js";
import { ensureImport, moduleNameStatus } from "./edits.js";
import { endsLine, lineStartOffset, nextLineOffset, startsLine } from "./indentation.js";
import { legacyGetEventLoop, nonCoroutineAwaitables, setEventLoop } from "./knowledge.js";
import type { PyNode } from "./parser.js";
import { occurrencesOf } from "./identifier-occurrences.js";
import { identifierRole } from "./references.js";
import { calleeNameAmong, calleeNameOf, lastPartsOf, resolvedNameOf } from "./resolved-name.js";
import { enclosingFunction, isInAsyncFunction } from "./scope.js";
import type { PythonSourceCode } from "./source-code.js";
import { childByField, compactTextOf, textOf } from "./syntax.js";
import { mentionsAnyOf } from "./text-prechecks.js";
import { descendants, enclosingStatement } from "./walk.js";

type MessageIds = "getEventLoopInCoroutine" | "runUntilComplete" | "useAsyncioRun";

const mentionsGetEventLoop = mentionsAnyOf(legacyGetEventLoop);

const GET_EVENT_LOOP_LAST_PARTS = lastPartsOf(legacyGetEventLoop);
const isGetEventLoopCall = (node: PyNode, source: string) =>
  node.type === "call" && legacyGetEventLoop.has(calleeNameAmong(node, source, GET_EVENT_LOOP_LAST_PARTS) ?? "");

/** Whether `node` runs outside any coroutine: at module level or in a sync function. */
function isSyncContext(node: PyNode): boolean {
  return !isInAsyncFunction(node) && enclosingFunction(node)?.type !== "lambda";
}

/** The single positional argument of a call, if that is all it has. */
function soleArgument(call: PyNode): PyNode | undefined {
  const args = childByField(call, "arguments")?.children ?? [];
  return args.length === 1 && args[0]!.type !== "keyword_argument" && args[0]!.type !== "list_splat" && args[0]!.type !== "dictionary_splat" ? args[0] : undefined;
}

/** `asyncio.run()` wants a coroutine: a call to something that is not a same-file sync def/class, nor a known future. */
function looksLikeCoroutineCall(argument: PyNode, source: string): boolean {
  if (argument.type !== "call") return false;
  const callee = childByField(argument, "function");
  if (!callee) return false;
  const name = resolvedNameOf(callee, source);
  if (name !== undefined && nonCoroutineAwaitables.has(name)) return false;
  if (callee.type === "attribute") {
    const attribute = textOf(childByField(callee, "attribute")!, source);
    if (attribute === "create_task" || attribute === "ensure_future" || attribute === "create_future") return false;
  }
  if (callee.type === "identifier") {
    // A class, or a sync `def`, of that name where the call sees it: not a coroutine.
    const definitions = definitionScopeOf(callee, textOf(callee, source), source)?.definitions ?? [];
    if (definitions.some((definition) => definition.kind === "class" || (definition.kind === "function" && definition.node.isAsync !== true))) return false;
  }
  return true;
}

/** Any `get_event_loop()`/`set_event_loop()` in sync code other than `except`: the global loop is used elsewhere. */
function otherGlobalLoopUse(module: PyNode, except: PyNode, source: string): boolean {
  for (const node of descendants(module)) {
    if (node === except || node.type !== "call" || !isSyncContext(node)) continue;
    const name = calleeNameOf(node, source) ?? "";
    if (legacyGetEventLoop.has(name) || setEventLoop.has(name)) return true;
  }
  return false;
}

/**
 * Scopes where the loop `get_event_loop()` returns was chosen deliberately with `set_event_loop(<loop>)`
 * (`set_event_loop(None)` chooses nothing): the scope of that call, and the whole file when the call is at module
 * level or in a function that does not run the loop itself (a set-up function installing a loop for others).
 * Undefined stands for the whole file.
 */
function loopChoosingScopes(module: PyNode, source: string): Set<PyNode> | undefined {
  const scopes = new Set<PyNode>();
  for (const node of descendants(module)) {
    if (node.type !== "call" || !setEventLoop.has(calleeNameOf(node, source) ?? "")) continue;
    const first = childByField(node, "arguments")?.children[0];
    if (!first || first.type === "none") continue;
    const scope = enclosingFunction(node) ?? module;
    if (scope === module || !runsALoop(scope, source)) return undefined;
    scopes.add(scope);
  }
  return scopes;
}

function runsALoop(scope: PyNode, source: string): boolean {
  for (const node of descendants(scope, { sameScope: true })) {
    const callee = node.type === "call" ? childByField(node, "function") : undefined;
    const attribute = callee?.type === "attribute" ? childByField(callee, "attribute") : undefined;
    if (attribute && ["run_until_complete", "run_forever"].includes(textOf(attribute, source))) return true;
  }
  return false;
}

/** Identifier occurrences of `name` that are variables (not `x.name` attributes nor `f(name=…)` keywords). */
function variableOccurrences(scope: PyNode, name: string, source: string): PyNode[] {
  return occurrencesOf(scope, name, source).filter((node) => identifierRole(node) !== "none");
}

/** `loop = asyncio.get_event_loop()`, before the use: the only binding of `loop` in its scope (not a coroutine's). */
function loopAssignment(receiver: PyNode, source: string): { scope: PyNode; assignment: PyNode } | undefined {
  const sole = soleDefinitionOf(receiver, source);
  if (!sole || sole.definition.kind !== "other") return undefined;
  const { scope, definition } = sole;
  if (scope.type === "lambda" || (scope.type === "function_definition" && scope.isAsync === true)) return undefined;
  const assignment = definition.site;
  const right = childByField(assignment, "right");
  if (assignment.type !== "assignment" || childByField(assignment, "left") !== definition.target || !right || !isGetEventLoopCall(right, source)) return undefined;
  if (assignment.end > receiver.start) return undefined;
  return { scope, assignment };
}

/** The range of whole lines a statement occupies, when it is alone on them. */
function wholeLines(statement: PyNode, source: string): [number, number] | undefined {
  if (!startsLine(source, statement) || !endsLine(source, statement)) return undefined;
  return [lineStartOffset(source, statement.start), nextLineOffset(source, statement.end)];
}

export default createPythonRule<MessageIds, []>({
  name: "no-legacy-event-loop",
  meta: {
    type: "suggestion",
    fixable: "code",
    hasSuggestions: true,
    schema: [],
    messages: {
      getEventLoopInCoroutine: "Use 'asyncio.get_running_loop()' inside 'async def': 'get_event_loop()' is the legacy spelling.",
      runUntilComplete:
        "Running a coroutine with 'get_event_loop()' and 'run_until_complete()' is the legacy pattern: use 'asyncio.run()', which creates, runs and closes the loop ('get_event_loop()' without a loop warns since Python 3.12 and fails in 3.14).",
      useAsyncioRun: "Replace with 'asyncio.run({{argument}})'.",
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode: PythonSourceCode = context.sourceCode;
    const source = sourceCode.text;
    // Every report needs a call of `get_event_loop()` (text-prechecks.ts).
    if (!mentionsGetEventLoop(source)) return {};
    let chosenLoopScopes: Set<PyNode> | undefined | null = null;

    function suggestRun(call: PyNode, argument: PyNode, extraEdits: (fixer: RuleTextEditor) => RuleTextEdit[]) {
      if (!looksLikeCoroutineCall(argument, source) || moduleNameStatus(call, "asyncio", sourceCode) === "conflict") return [];
      return [
        {
          messageId: "useAsyncioRun" as const,
          data: { argument: textOf(argument, source) },
          fix: (fixer: RuleTextEditor) => {
            const edits = [fixer.replaceTextRange(call.range, `asyncio.run(${textOf(argument, source)})`), ...extraEdits(fixer)];
            const addImport = ensureImport(fixer, call, "asyncio", sourceCode);
            return addImport ? [addImport, ...edits] : edits;
          },
        },
      ];
    }

    return {
      call(node) {
        const callee = childByField(node, "function");
        if (!callee) return;

        if (isGetEventLoopCall(node, source) && isInAsyncFunction(node)) {
          const noArguments = (childByField(node, "arguments")?.children.length ?? 0) === 0;
          const fixable = noArguments && moduleNameStatus(node, "asyncio", sourceCode) !== "conflict";
          context.report({
            node,
            messageId: "getEventLoopInCoroutine",
            fix: fixable
              ? (fixer) => {
                  const edit = fixer.replaceTextRange(callee.range, "asyncio.get_running_loop");
                  const addImport = ensureImport(fixer, node, "asyncio", sourceCode);
                  return addImport ? [addImport, edit] : [edit];
                }
              : null,
          });
          return;
        }

        // `<loop>.run_until_complete(x)` outside coroutines
        if (callee.type !== "attribute" || textOf(childByField(callee, "attribute")!, source) !== "run_until_complete") return;
        const receiver = childByField(callee, "object");
        if (!receiver || !isSyncContext(node)) return;
        if (chosenLoopScopes === null) chosenLoopScopes = loopChoosingScopes(sourceCode.ast, source);
        if (chosenLoopScopes === undefined || chosenLoopScopes.has(enclosingFunction(node) ?? sourceCode.ast)) return;
        const argument = soleArgument(node);

        if (isGetEventLoopCall(receiver, source)) {
          const simple = argument !== undefined && !otherGlobalLoopUse(sourceCode.ast, receiver, source);
          context.report({
            node,
            messageId: "runUntilComplete",
            suggest: simple ? suggestRun(node, argument, () => []) : [],
          });
          return;
        }

        if (receiver.type !== "identifier") return;
        const found = loopAssignment(receiver, source);
        if (!found) return;

        let extra: ((fixer: RuleTextEditor) => RuleTextEdit[]) | undefined;
        const assignmentStatement = enclosingStatement(found.assignment);
        const runStatement = enclosingStatement(node);
        const assignmentLines = assignmentStatement?.children.length === 1 ? wholeLines(assignmentStatement, source) : undefined;
        if (argument && assignmentStatement && runStatement && assignmentLines && assignmentStatement.parent === runStatement.parent && !otherGlobalLoopUse(sourceCode.ast, childByField(found.assignment, "right")!, source)) {
          // Other uses of the loop: only `loop.close()` statements after the run, in the same block, which go too.
          const name = textOf(receiver, source);
          const closings: [number, number][] = [];
          let usedElsewhere = false;
          for (const occurrence of variableOccurrences(found.scope, name, source)) {
            if (occurrence === receiver || occurrence === childByField(found.assignment, "left")) continue;
            const statement = enclosingStatement(occurrence);
            const isClose =
              occurrence.parent?.type === "attribute" &&
              compactTextOf(occurrence.parent, source) === `${name}.close` &&
              occurrence.parent.parent?.type === "call" &&
              (childByField(occurrence.parent.parent, "arguments")?.children.length ?? 0) === 0 &&
              statement?.type === "expression_statement" &&
              statement.children[0] === occurrence.parent.parent &&
              statement.parent === runStatement.parent &&
              statement.start > runStatement.end;
            const lines = isClose && statement ? wholeLines(statement, source) : undefined;
            if (lines) closings.push(lines);
            else usedElsewhere = true;
          }
          if (!usedElsewhere) {
            extra = (fixer) => [assignmentLines, ...closings].map((range) => fixer.removeRange(range));
          }
        }
        context.report({
          node,
          messageId: "runUntilComplete",
          suggest: argument && extra ? suggestRun(node, argument, extra) : [],
        });
      },
    };
  },
});
