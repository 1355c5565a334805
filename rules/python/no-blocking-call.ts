/**
 * Blocking I/O and process calls inside `async def` (`requests.get`, `subprocess.run`, `open()`, `Path.read_text`,
 * `sock.recv`, `input()`…) stop the event loop, and every other task with it, until they return.
 * Suggestion: `await asyncio.to_thread(f, ...)` where that alone removes the blocking; the message names the async
 * replacement. Method calls are judged only on receivers provably of the blocking class.
 */
import type { PyNode } from "./parser.js";
import { createPythonRule } from "./create-rule.js";
import { awaitedText, ensureImport, isInsideGeneratorExpression, moduleNameStatus } from "./edits.js";
import { definitionScopeOf } from "./definitions.js";
import { blockingAdvice, blockingFunctions, blockingMethods, socketModeMethods, type BlockingCall } from "./knowledge.js";
import { objectTypeOf } from "./library-objects.js";
import { isOffloadArgument } from "./offload.js";
import { calleeNameAmong, lastPartsOf } from "./resolved-name.js";
import { enclosingFunction, isInAsyncFunction } from "./scope.js";
import { childByField, textOf } from "./syntax.js";
import { isTestModule } from "./test-modules.js";
import { mayContainAsync } from "./text-prechecks.js";
import { descendants } from "./walk.js";

const BLOCKING_FUNCTION_LAST_PARTS = lastPartsOf(blockingFunctions.keys());

type Options = [{ allow?: string[] }];

/** Kinds not judged in test code: reading or writing a fixture file holds up nothing that matters there. */
const FILE_KINDS: ReadonlySet<BlockingCall["kind"]> = new Set(["file", "path-io", "file-tree"]);

/** Every method name some class blocks in: other method calls are not worth resolving their receiver for. */
const blockingMethodNames = new Set([...blockingMethods.values()].flatMap((methods) => [...methods.keys()]));

/**
 * Whether `node` runs on the event loop: in the body of an `async def` whose nearest enclosing function it is. A
 * default value or annotation of the `async def` runs once, where the function is defined.
 */
function runsOnTheLoop(node: PyNode): boolean {
  if (!isInAsyncFunction(node)) return false;
  const body = childByField(enclosingFunction(node)!, "body");
  return body !== undefined && body.start <= node.start && node.end <= body.end;
}

/** Whether the call is what a `with` statement enters: `with open(p) as f:` — a thread cannot hold that for us. */
function isContextManager(node: PyNode): boolean {
  const parent = node.parent;
  if (parent?.type === "with_item") return true;
  return parent?.type === "as_pattern" && node.field !== "alias" && parent.parent?.type === "with_item";
}

export default createPythonRule<"blockingInAsyncDef" | "offloadToThread", Options>({
  name: "no-blocking-call",
  meta: {
    type: "problem",
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          allow: {
            type: "array",
            items: { type: "string" },
            uniqueItems: true,
            description: "Qualified names never reported, e.g. 'open' or 'pathlib.Path.read_text'.",
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      blockingInAsyncDef: "'{{name}}()' blocks the event loop inside 'async def'; {{advice}}.",
      offloadToThread: "Run it in a worker thread: 'await asyncio.to_thread({{callee}}, …)'.",
    },
  },
  defaultOptions: [{ allow: [] }],
  create(context, [options]) {
    const { sourceCode } = context;
    const text = sourceCode.text;
    // Reports are only about code inside `async def` (text-prechecks.ts).
    if (!mayContainAsync(text)) return {};
    const allowed = new Set(options.allow ?? []);
    const inTests = isTestModule(context.physicalFilename, context.cwd);
    /** Whether the socket name is switched to non-blocking or timed mode somewhere in its scope: `sock.setblocking(False)`. */
    function hasSocketMode(receiver: PyNode): boolean {
      if (receiver.type !== "identifier") return false;
      const name = sourceCode.getText(receiver);
      const scope = definitionScopeOf(receiver, name, text)?.scope;
      if (!scope) return true;
      for (const node of descendants(scope)) {
        if (node.type !== "identifier" || node.field !== "object" || sourceCode.getText(node) !== name) continue;
        const attribute = node.parent ? childByField(node.parent, "attribute") : undefined;
        if (!attribute || !socketModeMethods.has(sourceCode.getText(attribute)) || node.parent?.parent?.type !== "call") continue;
        if (definitionScopeOf(node, name, text)?.scope === scope) return true;
      }
      return false;
    }

    function lookup(node: PyNode, callee: PyNode): { name: string; entry: BlockingCall } | undefined {
      const name = calleeNameAmong(node, text, BLOCKING_FUNCTION_LAST_PARTS);
      const entry = name === undefined ? undefined : blockingFunctions.get(name);
      if (entry && name !== undefined) return { name, entry };
      if (callee.type !== "attribute") return undefined;
      const object = childByField(callee, "object");
      const attribute = childByField(callee, "attribute");
      if (!object || !attribute) return undefined;
      const method = textOf(attribute, text);
      if (!blockingMethodNames.has(method)) return undefined;
      const className = objectTypeOf(object, text, { declarations: false });
      const methodEntry = className === undefined ? undefined : blockingMethods.get(className)?.get(method);
      if (!methodEntry || className === undefined) return undefined;
      if (className === "socket.socket" && hasSocketMode(object)) return undefined;
      return { name: `${className}.${method}`, entry: methodEntry };
    }

    return {
      call(node) {
        const callee = childByField(node, "function");
        const args = childByField(node, "arguments");
        if (!callee || !args || !runsOnTheLoop(node)) return;
        const found = lookup(node, callee);
        if (!found || allowed.has(found.name)) return;
        const { name, entry } = found;
        if (inTests && FILE_KINDS.has(entry.kind)) return;
        if (entry.nonBlockingFlag && args.children.some((argument) => sourceCode.getText(argument).includes(entry.nonBlockingFlag!))) return;
        // `asyncio.to_thread(json.load, open(p))`: the file is read in the thread; opening it is the cheap part.
        if (entry.kind === "file" && isOffloadArgument(node, text)) return;

        const canOffload =
          entry.offloadable &&
          args.type === "argument_list" &&
          !isContextManager(node) &&
          !isInsideGeneratorExpression(node) &&
          moduleNameStatus(node, "asyncio", sourceCode) !== "conflict";
        const calleeText = sourceCode.getText(callee);
        context.report({
          node,
          messageId: "blockingInAsyncDef",
          data: { name, advice: blockingAdvice[entry.kind] },
          ...(canOffload && {
            suggest: [
                {
                  messageId: "offloadToThread",
                  data: { callee: calleeText },
                  fix: (fixer) => {
                    const inner = text.slice(args.start + 1, args.end - 1);
                    const separator = inner.trim() === "" ? "" : /^\s/u.test(inner) ? "," : ", ";
                    const offloaded = `asyncio.to_thread(${calleeText}${separator}${inner.trim() === "" ? "" : inner})`;
                    const edit =
                      node.parent?.type === "await"
                        ? fixer.replaceTextRange(node.range, offloaded)
                        : fixer.replaceTextRange(node.range, awaitedText(node, offloaded));
                    const addImport = ensureImport(fixer, node, "asyncio", sourceCode);
                    return addImport ? [addImport, edit] : [edit];
                  },
                },
              ],
          }),
        });
      },
    };
  },
});
