/**
 * Calling a coroutine function only creates a coroutine object: nothing in its body runs until it is awaited (or
 * scheduled). Dropping it — an expression statement, or a local never read again — means the work silently never
 * happens, and Python only says "coroutine … was never awaited" when the object is garbage-collected.
 *
 * Only calls known to return a coroutine are judged (see coroutine-calls.ts): same-file and project `async def`s
 * through the project index, methods of the enclosing class and its project bases, known library APIs. Passing the
 * coroutine on (`asyncio.run(c())`, `tg.create_task(c())`, `gather(c())`), returning, yielding or storing it is
 * never a finding: only the two "dropped" shapes are looked at.
 *
 * Suggestions, never a fix (awaiting changes behaviour): inside `async def`, add `await`; at module level, wrap in
 * `asyncio.run(...)`. Inside a sync function neither is valid, so the message explains the options instead.
 */
import { awaitableKindOfCall } from "./coroutine-calls.js";
import { createPythonRule } from "./create-rule.js";
import { awaitedText, ensureImport, moduleNameStatus } from "./edits.js";
import { lintSession, rememberLintedModule, type ProjectSession } from "./project-index.js";
import { unreadLocalOf } from "./references.js";
import { enclosingScope } from "./scope.js";
import { childByField, compactTextOf, outermostParentheses } from "./syntax.js";

type MessageIds = "dropped" | "unusedBinding" | "droppedInSync" | "addAwait" | "runWithAsyncioRun";

export default createPythonRule<MessageIds, []>({
  name: "no-unawaited-coroutine",
  meta: {
    type: "problem",
    hasSuggestions: true,
    schema: [],
    messages: {
      dropped: "'{{name}}()' returns {{what}} that is never awaited, so it never runs.",
      unusedBinding: "'{{name}}()' returns {{what}} that is bound to '{{variable}}' but never awaited, so it never runs.",
      droppedInSync:
        "'{{name}}()' returns {{what}} that never runs here: a sync function cannot await it. Make the function 'async def' and await it, or run it with asyncio.run() where no event loop is running.",
      addAwait: "Add 'await'.",
      runWithAsyncioRun: "Run it with 'asyncio.run()'.",
    },
  },
  defaultOptions: [],
  create(context) {
    const { sourceCode } = context;
    const source = sourceCode.text;
    let session: ProjectSession | undefined;
    const projectSession = () => (session ??= lintSession(context.physicalFilename, sourceCode.ast, source));

    return {
      // What this file defines, for the project index when another file imports it (the same text is not parsed again).
      "module:exit"() {
        rememberLintedModule(context.physicalFilename, source, sourceCode.ast, context.cwd);
      },
      call(node) {
        const expression = outermostParentheses(node);
        const parent = expression.parent;
        let variable: string | undefined;
        if (parent?.type === "expression_statement") {
          if (parent.children.length !== 1) return;
        } else if (parent?.type === "assignment" && expression.field === "right") {
          variable = unreadLocalOf(parent, source);
          if (variable === undefined) return;
        } else return;

        const kind = awaitableKindOfCall(node, projectSession(), source);
        if (!kind) return;
        const callee = childByField(node, "function")!;
        const data = {
          name: compactTextOf(callee, source),
          what: kind === "coroutine" ? "a coroutine" : "an awaitable",
          variable: variable ?? "",
        };
        const statement = variable === undefined ? parent : parent.parent!;
        const scope = enclosingScope(statement);

        // `await` is valid directly in an `async def` body (not in a class body nested in one).
        if (scope.type === "function_definition" && scope.isAsync === true) {
          context.report({
            node,
            messageId: variable === undefined ? "dropped" : "unusedBinding",
            data,
            suggest: [{ messageId: "addAwait", fix: (fixer) => fixer.replaceText(node, awaitedText(node, sourceCode.getText(node))) }],
          });
          return;
        }
        const runnable =
          variable === undefined && kind === "coroutine" && scope.type === "module" && moduleNameStatus(node, "asyncio", sourceCode) !== "conflict";
        if (runnable) {
          context.report({
            node,
            messageId: "dropped",
            data,
            suggest: [
              {
                messageId: "runWithAsyncioRun",
                fix: (fixer) => {
                  const edit = fixer.replaceText(node, `asyncio.run(${sourceCode.getText(node)})`);
                  const addImport = ensureImport(fixer, node, "asyncio", sourceCode);
                  return addImport ? [addImport, edit] : [edit];
                },
              },
            ],
          });
          return;
        }
        const inSyncFunction = scope.type === "function_definition";
        context.report({ node, messageId: inSyncFunction ? "droppedInSync" : variable === undefined ? "dropped" : "unusedBinding", data });
      },
    };
  },
});
