/**
 * `time.sleep()` inside `async def` blocks the whole event loop: every other task stalls for the duration.
 * Fix: `await asyncio.sleep(...)`, adding `import asyncio` when the name is free.
 */
import { createPythonRule } from "./create-rule.js";
import { awaitedText, ensureImport, isInsideGeneratorExpression, moduleNameStatus } from "./edits.js";
import { blockingSleeps } from "./knowledge.js";
import { isInAsyncFunction, qualifiedNameOf } from "./scope.js";
import { childByField } from "./syntax.js";
import { mayContainAsync, mentionsAnyOf } from "./text-prechecks.js";

const mentionsBlockingSleep = mentionsAnyOf(blockingSleeps.keys());

export default createPythonRule({
  name: "no-blocking-sleep",
  meta: {
    type: "problem",
    fixable: "code",
    hasSuggestions: false,
    schema: [],
    messages: {
      blockingSleep: "'{{name}}()' blocks the event loop inside 'async def'; use 'await {{replacement}}()'.",
    },
  },
  defaultOptions: [],
  create(context) {
    const { sourceCode } = context;
    const text = sourceCode.text;
    // Reports need a blocking sleep inside `async def` (text-prechecks.ts).
    if (!mayContainAsync(text) || !mentionsBlockingSleep(text)) return {};
    return {
      call(node) {
        const callee = childByField(node, "function");
        const args = childByField(node, "arguments");
        if (!callee || !args || !isInAsyncFunction(node)) return;
        const name = qualifiedNameOf(callee, text);
        const known = name === undefined ? undefined : blockingSleeps.get(name);
        if (!known || name === undefined) return;

        const [module] = known.replacement.split(".") as [string];
        // A fix needs the replacement's module name to be free or already ours, and a place where `await` is safe.
        const fixable = moduleNameStatus(node, module, sourceCode) !== "conflict" && !isInsideGeneratorExpression(node);
        context.report({
          node,
          messageId: "blockingSleep",
          data: { name, replacement: known.replacement },
          fix: fixable
            ? (fixer) => {
                const argsText = sourceCode.getText(args);
                const alreadyAwaited = node.parent?.type === "await";
                const edit = alreadyAwaited
                  ? fixer.replaceTextRange(node.range, `${known.replacement}${argsText}`)
                  : fixer.replaceTextRange(node.range, awaitedText(node, `${known.replacement}${argsText}`));
                const addImport = ensureImport(fixer, node, module, sourceCode);
                return addImport ? [addImport, edit] : [edit];
              }
            : null,
        });
      },
    };
  },
});
