/**
 * A task from `asyncio.create_task()`/`ensure_future()`/`loop.create_task()` that nothing keeps: the event loop
 * holds tasks only weakly, so such a task can be garbage-collected mid-flight, and its exception is never seen.
 * Flagged when the result is dropped, or bound to a local that is never read again. `tg.create_task()` (a
 * TaskGroup keeps its tasks) and unknown receivers are never flagged.
 *
 * Suggestions: keep a reference in a module-level set (the idiom from the asyncio docs), or — inside `async def`,
 * for a dropped task — await the coroutine right there.
 */
import type { RuleTextEdit, RuleTextEditor } from "@eslint/core";
import { createPythonRule } from "./create-rule.js";
import { definitionScopeOf, definitionsIn } from "./definitions.js";
import { ensureImport, moduleNameStatus } from "./edits.js";
import { endsLine, indentationAt, lineBreakOf, lineEndOffset, startsLine } from "./indentation.js";
import { freshName, insertionOffsetAbove, needsBlankLineBefore, topLevelStatementOf } from "./module-insertions.js";
import type { PyNode } from "./parser.js";
import { boundValueOf, unreadLocalOf } from "./references.js";
import { enclosingFunction, isInAsyncFunction, resolveName } from "./scope.js";
import type { PythonSourceCode } from "./source-code.js";
import { childByField, compactTextOf, outermostParentheses, textOf } from "./syntax.js";
import { mentionsTaskSpawn, taskSpawnOf } from "./task-spawns.js";

const SET_NAMES = ["_background_tasks", "background_tasks", "_pending_tasks"];
const TASK_NAMES = ["task", "background_task", "bg_task"];

/** Whether `name` at module level is bound exactly once, to an empty `set()`, and is what `at` sees. */
function isReusableTaskSet(module: PyNode, name: string, at: PyNode, source: string): boolean {
  const definitions = definitionsIn(module, source).names.get(name);
  if (definitions?.length !== 1 || definitions[0]!.kind !== "other") return false;
  const value = boundValueOf(definitions[0]!.site, definitions[0]!.target);
  if (value?.type !== "call" || compactTextOf(value, source) !== "set()") return false;
  if (resolveName(value, "set", source) !== undefined) return false;
  return definitionScopeOf(at, name, source)?.scope === module;
}

interface KeepReferencePlan {
  readonly setName: string;
  readonly edits: (fixer: RuleTextEditor) => RuleTextEdit[];
}

/** What "keep a reference" does at the statement: maybe rewrite it (`task = …`), then add statements after it. */
interface StatementRewrite {
  readonly replacement?: string;
  readonly following: readonly string[];
}

/**
 * The edits for "keep a reference": declare the set at module level (unless a reusable one exists), rewrite the
 * statement and add the statements that keep the task. Added statements go on lines of their own after the
 * statement's line (after a trailing comment, so `# noqa`-style comments stay where they were), or after a `;`
 * where the statement shares its line with others (`if x: asyncio.create_task(c())`).
 */
function planKeepReference(
  sourceCode: PythonSourceCode,
  statement: PyNode,
  rewrite: (setName: string, taskName: string) => StatementRewrite,
): KeepReferencePlan | undefined {
  const source = sourceCode.text;
  const module = sourceCode.ast;
  const topLevel = topLevelStatementOf(statement);
  if (!topLevel) return undefined;
  const reusable = SET_NAMES.find((name) => isReusableTaskSet(module, name, statement, source));
  const setName = reusable ?? freshName(module, SET_NAMES, source);
  if (!reusable && resolveName(topLevel, "set", source) !== undefined) return undefined; // `set` is not the builtin
  const scopeRoot = enclosingFunction(statement) ?? module;
  const taskName = freshName(scopeRoot, TASK_NAMES, source, (name) => name !== setName);
  const eol = lineBreakOf(source);
  const ownLines = startsLine(source, statement) && endsLine(source, statement);
  const asyncio = moduleNameStatus(topLevel, "asyncio", sourceCode);
  return {
    setName,
    edits(fixer) {
      const edits: RuleTextEdit[] = [];
      if (!reusable) {
        const addImport = asyncio === "missing" ? ensureImport(fixer, topLevel, "asyncio", sourceCode) : null;
        if (addImport) edits.push(addImport);
        const declaration = asyncio === "conflict" ? `${setName} = set()` : `${setName}: set[asyncio.Task] = set()`;
        const isDefinition = ["function_definition", "class_definition", "decorated_definition"].includes(topLevel.type);
        const offset = insertionOffsetAbove(sourceCode, topLevel);
        const before = needsBlankLineBefore(source, offset, addImport) ? eol : "";
        edits.push(fixer.insertTextBeforeRange([offset, offset], `${before}${declaration}${eol.repeat(isDefinition ? 3 : 1)}`));
      }
      const { replacement, following } = rewrite(setName, taskName);
      if (replacement !== undefined) edits.push(fixer.replaceTextRange(statement.range, replacement));
      if (ownLines) {
        const indentation = indentationAt(source, statement.start);
        const end = lineEndOffset(source, statement.end);
        edits.push(fixer.insertTextAfterRange([end, end], following.map((line) => `${eol}${indentation}${line}`).join("")));
      } else {
        edits.push(fixer.insertTextAfterRange(statement.range, following.map((line) => `; ${line}`).join("")));
      }
      return edits;
    },
  };
}

export default createPythonRule({
  name: "no-dangling-task",
  meta: {
    type: "problem",
    hasSuggestions: true,
    schema: [],
    messages: {
      droppedTask:
        "The task from '{{name}}()' is not kept: the event loop holds tasks only weakly, so it can be garbage-collected before it finishes and its exception is never seen. Keep a reference, or start it in an 'asyncio.TaskGroup'.",
      unusedTask:
        "The task from '{{name}}()' is bound to '{{variable}}', which is never used again: the event loop holds tasks only weakly, so it can be garbage-collected before it finishes and its exception is never seen. Keep a reference, or start it in an 'asyncio.TaskGroup'.",
      keepReference: "Keep a reference in the module-level set '{{set}}' until the task is done.",
      awaitInstead: "Await the coroutine here instead of running it in the background.",
    },
  },
  defaultOptions: [],
  create(context) {
    const { sourceCode } = context;
    const source = sourceCode.text;
    // Every report is about a task spawn (text-prechecks.ts).
    if (!mentionsTaskSpawn(source)) return {};

    return {
      call(node) {
        const spawn = taskSpawnOf(node, source);
        if (!spawn || spawn.kind === "task-group") return;
        const expression = outermostParentheses(node);
        const parent = expression.parent;
        if (!parent) return;

        if (parent.type === "expression_statement" && parent.children.length === 1) {
          const statement = parent;
          const callText = textOf(expression, source);
          const keep = planKeepReference(sourceCode, statement, (setName, taskName) => ({
            replacement: `${taskName} = ${callText}`,
            following: [`${setName}.add(${taskName})`, `${taskName}.add_done_callback(${setName}.discard)`],
          }));
          // `await c()` only where the call passes the coroutine alone (a `name=`/`context=` would be lost).
          const args = childByField(node, "arguments");
          const canAwait =
            isInAsyncFunction(node) && spawn.coroutine !== undefined && args?.children.length === 1 && args.children[0] === spawn.coroutine;
          const suggest = [];
          if (keep) suggest.push({ messageId: "keepReference" as const, data: { set: keep.setName }, fix: keep.edits });
          if (canAwait) {
            suggest.push({
              messageId: "awaitInstead" as const,
              fix: (fixer: RuleTextEditor) => fixer.replaceTextRange(expression.range, `await ${textOf(spawn.coroutine!, source)}`),
            });
          }
          context.report({ node, messageId: "droppedTask", data: { name: spawn.name }, suggest });
          return;
        }

        if (parent.type !== "assignment" || expression.field !== "right") return;
        const variable = unreadLocalOf(parent, source);
        if (variable === undefined) return;
        const statement = parent.parent!;
        const keep = planKeepReference(sourceCode, statement, (setName) => ({
          following: [`${setName}.add(${variable})`, `${variable}.add_done_callback(${setName}.discard)`],
        }));
        context.report({
          node,
          messageId: "unusedTask",
          data: { name: spawn.name, variable },
          suggest: keep ? [{ messageId: "keepReference", data: { set: keep.setName }, fix: keep.edits }] : [],
        });
      },
    };
  },
});
