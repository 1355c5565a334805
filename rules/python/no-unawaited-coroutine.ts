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
import { definitionsIn } from "./definitions.js";
import { awaitedText, ensureImport, moduleNameStatus } from "./edits.js";
import { summarizeModule } from "./module-summary.js";
import type { PyNode } from "./parser.js";
import { ProjectSession } from "./project-index.js";
import { isReadAfter } from "./references.js";
import { childByField } from "./scope.js";

type MessageIds = "dropped" | "unusedBinding" | "droppedInSync" | "addAwait" | "runWithAsyncioRun";

/** The call as it stands in its statement: the call itself, or the parentheses around it. */
function outermostParentheses(node: PyNode): PyNode {
  let current = node;
  while (current.parent?.type === "parenthesized_expression" && current.parent.children.length === 1) current = current.parent;
  return current;
}

/** The function/class/module whose body `node` runs in. */
function scopeOf(node: PyNode): PyNode {
  let current = node.parent;
  while (current && current.type !== "function_definition" && current.type !== "class_definition" && current.type !== "module") current = current.parent;
  return current ?? node;
}

/**
 * `x = c()` in a function, where `x` is a plain local of that function that nothing reads afterwards (nor in a
 * loop around it, nor in a closure). Module-level and class-level names may be read from elsewhere: never judged.
 */
function isUnusedLocalBinding(assignment: PyNode, source: string): string | undefined {
  const left = childByField(assignment, "left");
  const statement = assignment.parent;
  if (left?.type !== "identifier" || statement?.type !== "expression_statement") return undefined;
  const fn = scopeOf(statement);
  if (fn.type !== "function_definition") return undefined;
  const name = source.slice(left.range[0], left.range[1]);
  const definitions = definitionsIn(fn, source).names.get(name) ?? [];
  // `global x` / `nonlocal x`: the value lives on outside the function.
  if (definitions.some((definition) => definition.kind === "other" && (definition.site.type === "global_statement" || definition.site.type === "nonlocal_statement"))) {
    return undefined;
  }
  return isReadAfter(fn, statement, name, source) ? undefined : name;
}

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
    const projectSession = () => (session ??= new ProjectSession(context.physicalFilename, () => summarizeModule(sourceCode.ast, source)));

    return {
      call(node) {
        const expression = outermostParentheses(node);
        const parent = expression.parent;
        let variable: string | undefined;
        if (parent?.type === "expression_statement") {
          if (parent.children.length !== 1) return;
        } else if (parent?.type === "assignment" && expression.field === "right") {
          variable = isUnusedLocalBinding(parent, source);
          if (variable === undefined) return;
        } else return;

        const kind = awaitableKindOfCall(node, projectSession(), source);
        if (!kind) return;
        const callee = childByField(node, "function")!;
        const data = {
          name: sourceCode.getText(callee).replace(/\s+/gu, ""),
          what: kind === "coroutine" ? "a coroutine" : "an awaitable",
          variable: variable ?? "",
        };
        const statement = variable === undefined ? parent : parent.parent!;
        const scope = scopeOf(statement);

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
