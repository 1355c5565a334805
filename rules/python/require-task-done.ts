/**
 * `await queue.join()` returns when every item put has been marked done with `queue.task_done()`. A consumer that
 * takes items (`await q.get()`, `q.get_nowait()`) and never calls `task_done()` makes that `join()` wait forever.
 *
 * The queue is tracked by name (see expression-key.ts): a variable in one scope, `self.attr` across the methods of
 * one class, or a consumer's parameter, followed to the same-file call sites that pass the queue in
 * (`worker(queue)`, `self.worker(self.queue)`). Reported only when a `join()` of that same queue is in the file and
 * no `task_done()` on it is: anywhere in the consumer's function (any branch, `finally`), in the class for
 * `self.…`, in the file for module-level queues. If the consumer hands the queue to other code (an argument, an
 * alias), that code may call `task_done()`, so nothing is reported.
 */
import { createPythonRule } from "./create-rule.js";
import { expressionKeyOf, sameKey, type ExpressionKey } from "./expression-key.js";
import { indentLines, indentUnit, indentationAt, lineBreakOf, lineEndOffset, nextLineOffset, startsLine } from "./indentation.js";
import { awaitingWrappers } from "./knowledge.js";
import { classOfMethod, isBoundMethod, methodReceiverOf, parametersOf } from "./methods.js";
import type { PyNode } from "./parser.js";
import { calleeNameOf } from "./resolved-name.js";
import { enclosingFunction } from "./scope.js";
import { childByField, compactTextOf, textOf } from "./syntax.js";
import { descendants, enclosingStatement, isWithin } from "./walk.js";

type MessageIds = "missingTaskDone" | "wrapInTryFinally";

interface MethodCall {
  readonly call: PyNode;
  readonly receiver: PyNode;
  readonly method: string;
}

/** `<receiver>.<method>()` with no arguments. */
function zeroArgumentMethodCall(node: PyNode, source: string): MethodCall | undefined {
  if (node.type !== "call") return undefined;
  const callee = childByField(node, "function");
  if (callee?.type !== "attribute" || (childByField(node, "arguments")?.children.length ?? 1) !== 0) return undefined;
  const receiver = childByField(callee, "object");
  const attribute = childByField(callee, "attribute");
  return receiver && attribute ? { call: node, receiver, method: textOf(attribute, source) } : undefined;
}

/** Whether the coroutine `call` is awaited: `await call`, or the first argument of an awaited `wait_for`/`shield`. */
function isAwaited(call: PyNode, source: string): boolean {
  const parent = call.parent;
  if (parent?.type === "await") return true;
  if (parent?.type !== "argument_list" || parent.children[0] !== call) return false;
  const wrapper = parent.parent;
  const name = wrapper?.type === "call" ? calleeNameOf(wrapper, source) : undefined;
  return name !== undefined && awaitingWrappers.has(name) && isAwaited(wrapper!, source);
}

/** Whether a `join()` coroutine is used (awaited or handed to something that awaits it), not dropped. */
function isJoinUsed(call: PyNode): boolean {
  return call.parent?.type === "await" || call.parent?.type === "argument_list";
}

export default createPythonRule<MessageIds, []>({
  name: "require-task-done",
  meta: {
    type: "problem",
    hasSuggestions: true,
    schema: [],
    messages: {
      missingTaskDone:
        "'{{queue}}' is joined ('{{queue}}.join()'), but this consumer takes items without ever calling '{{queue}}.task_done()': the join() will wait forever.",
      wrapInTryFinally: "Process the item in 'try:' and call '{{queue}}.task_done()' in 'finally:'.",
    },
  },
  defaultOptions: [],
  create(context) {
    const source = context.sourceCode.text;
    const module = context.sourceCode.ast;
    const keyCache = new Map<PyNode, ExpressionKey | undefined>();
    const keyOf = (node: PyNode) => {
      if (!keyCache.has(node)) keyCache.set(node, expressionKeyOf(node, source));
      return keyCache.get(node);
    };

    let index: { joins: MethodCall[]; taskDones: MethodCall[]; calls: PyNode[] } | undefined;
    const fileIndex = () => {
      if (index) return index;
      index = { joins: [], taskDones: [], calls: [] };
      for (const node of descendants(module)) {
        if (node.type !== "call") continue;
        index.calls.push(node);
        const method = zeroArgumentMethodCall(node, source);
        if (method?.method === "join" && isJoinUsed(node)) index.joins.push(method);
        else if (method?.method === "task_done") index.taskDones.push(method);
      }
      return index;
    };

    /** Same-file calls of `fn` and the argument they pass for its parameter `name`. */
    function argumentsPassedFor(fn: PyNode, name: string): PyNode[] {
      const fnName = textOf(childByField(fn, "name")!, source);
      const method = isBoundMethod(fn, source);
      const parameters = parametersOf(fn, source).slice(method ? 1 : 0);
      const position = parameters.findIndex((parameter) => parameter.name === name);
      if (position < 0) return [];
      const owner = method ? classOfMethod(fn)! : (fn.parent?.type === "decorated_definition" ? fn.parent : fn).parent!;
      const passed: PyNode[] = [];
      for (const call of fileIndex().calls) {
        const callee = childByField(call, "function");
        if (!callee || !isWithin(call, method ? owner : (owner.parent ?? owner))) continue;
        if (method) {
          const object = callee.type === "attribute" ? childByField(callee, "object") : undefined;
          const attribute = callee.type === "attribute" ? childByField(callee, "attribute") : undefined;
          if (!object || !attribute || textOf(attribute, source) !== fnName) continue;
          if (methodReceiverOf(object, source)?.classNode !== owner) continue; // `self.worker(…)` in this class
        } else if (callee.type !== "identifier" || textOf(callee, source) !== fnName) {
          continue;
        }
        const args = childByField(call, "arguments")?.children ?? [];
        const positional = args.filter((arg) => arg.type !== "keyword_argument" && arg.type !== "dictionary_splat");
        const firstSplat = positional.findIndex((arg) => arg.type === "list_splat");
        if (parameters[position]!.positional && position < positional.length && (firstSplat < 0 || position < firstSplat)) {
          passed.push(positional[position]!);
        }
        for (const arg of args) {
          const keyword = arg.type === "keyword_argument" ? childByField(arg, "name") : undefined;
          const value = arg.type === "keyword_argument" ? childByField(arg, "value") : undefined;
          if (keyword && value && textOf(keyword, source) === name) passed.push(value);
        }
      }
      return passed;
    }

    /** Whether the queue named by `key` is joined: directly, or as the argument a caller passes for this parameter. */
    function isJoined(key: ExpressionKey, seen: Set<string>): boolean {
      if (fileIndex().joins.some((join) => sameKey(keyOf(join.receiver), key))) return true;
      const owner = key.owner;
      if (owner.type !== "function_definition" || key.path.includes(".")) return false;
      const parameter = parametersOf(owner, source).find((candidate) => candidate.name === key.path);
      const id = `${owner.start}:${key.path}`;
      if (!parameter || seen.has(id)) return false;
      seen.add(id);
      return argumentsPassedFor(owner, key.path).some((argument) => {
        const argumentKey = keyOf(argument);
        return argumentKey !== undefined && isJoined(argumentKey, seen);
      });
    }

    /**
     * Whether code in the domain may call `task_done()` for this queue: a `task_done()` on it, or the queue
     * escaping (passed as an argument, aliased, returned), after which we cannot follow it.
     */
    function mayBeMarkedDone(key: ExpressionKey, consumer: PyNode): boolean {
      const domain = key.owner; // where other code could call task_done() on the same variable or attribute
      if (fileIndex().taskDones.some((call) => isWithin(call.call, domain) && sameKey(keyOf(call.receiver), key))) return true;
      if (key.owner.type === "class_definition" && callsInheritedMethod(key.owner, consumer)) return true;
      const scope = key.owner.type === "class_definition" || key.owner.type === "module" ? consumer : domain;
      for (const node of descendants(scope)) {
        if (node.type !== "identifier" && node.type !== "attribute") continue;
        if (node.type === "identifier" && node.parent?.type === "attribute" && node.field === "object") continue;
        if (node.type === "identifier" && node.field === "attribute") continue;
        if (node.type === "identifier" && node.parent?.type === "keyword_argument" && node.field === "name") continue;
        if (node.parent?.type === "attribute" && node.field === "object") continue; // a method or attribute of it
        if (!sameKey(keyOf(node), key)) continue;
        const parent = node.parent;
        if (parent?.type === "assignment" && node.field === "left") continue; // its creation
        if (parent?.type === "parameters" || parent?.type === "typed_parameter" || parent?.type === "default_parameter" || parent?.type === "typed_default_parameter") continue;
        return true; // used as a value: handed on or aliased
      }
      return false;
    }

    /**
     * Whether a consumer in a class with base classes calls `self.m(…)` for an `m` this class does not define: the
     * inherited method, which we cannot see, may be the one that calls `task_done()`.
     */
    function callsInheritedMethod(cls: PyNode, consumer: PyNode): boolean {
      if ((childByField(cls, "superclasses")?.children.length ?? 0) === 0) return false;
      const defined = new Set<string>();
      for (const statement of childByField(cls, "body")?.children ?? []) {
        const definition = statement.type === "decorated_definition" ? childByField(statement, "definition") : statement;
        const name = definition?.type === "function_definition" ? childByField(definition, "name") : undefined;
        if (name) defined.add(textOf(name, source));
      }
      for (const node of descendants(consumer)) {
        const callee = node.type === "call" ? childByField(node, "function") : undefined;
        const object = callee?.type === "attribute" ? childByField(callee, "object") : undefined;
        const attribute = callee?.type === "attribute" ? childByField(callee, "attribute") : undefined;
        if (!object || !attribute) continue;
        if (object.type === "call" && compactTextOf(object, source) === "super()") return true;
        const isSelf = methodReceiverOf(object, source)?.method === consumer;
        if (isSelf && !defined.has(textOf(attribute, source))) return true;
      }
      return false;
    }

    /** The try/finally rewrite of the statements after the one that takes the item. */
    function tryFinallyFix(call: PyNode, queueText: string) {
      const statement = enclosingStatement(call);
      const block = statement?.parent;
      if (!statement || block?.type !== "block" || statement.type !== "expression_statement") return null;
      // The statement only takes the item (`item = await q.get()`): processing inside it would stay outside the try.
      for (let current = call; current.parent !== statement; current = current.parent!) {
        const parent = current.parent!;
        const wraps =
          parent.type === "await" ||
          (parent.type === "argument_list" && parent.children[0] === current) ||
          (parent.type === "call" && current.type === "argument_list" && awaitingWrappers.has(calleeNameOf(parent, source) ?? "")) ||
          (parent.type === "assignment" && current.field === "right");
        if (!wraps) return null;
      }
      const siblings = block.children;
      const following = siblings.slice(siblings.indexOf(statement) + 1);
      if (following.length === 0 || !startsLine(source, statement) || !following.every((node) => startsLine(source, node))) return null;
      const indentation = indentationAt(source, statement.start);
      if (following.some((node) => indentationAt(source, node.start) !== indentation)) return null;
      const unit = indentUnit(indentation);
      const eol = lineBreakOf(source);
      const from = nextLineOffset(source, statement.end);
      const to = lineEndOffset(source, following[following.length - 1]!.end);
      if (from > following[0]!.start) return null;
      const body = indentLines(source, from, to, indentation, unit, following);
      const replacement = `${indentation}try:${eol}${body}${eol}${indentation}finally:${eol}${indentation}${unit}${queueText}.task_done()`;
      return { range: [from, to] as [number, number], text: replacement };
    }

    return {
      call(node) {
        const taken = zeroArgumentMethodCall(node, source);
        if (!taken) return;
        if (!((taken.method === "get" && isAwaited(node, source)) || taken.method === "get_nowait")) return;
        const consumer = enclosingFunction(node);
        if (consumer?.type !== "function_definition") return;
        const key = keyOf(taken.receiver);
        if (!key || !isJoined(key, new Set())) return;
        // Items taken after the queue's last join() in the same function cannot hold that join() up.
        const joins = fileIndex().joins.filter((join) => sameKey(keyOf(join.receiver), key));
        if (joins.length > 0 && joins.every((join) => enclosingFunction(join.call) === consumer && join.call.end < node.start)) return;
        if (mayBeMarkedDone(key, consumer)) return;

        const queueText = textOf(taken.receiver, source);
        const rewrite = tryFinallyFix(node, queueText);
        context.report({
          node,
          messageId: "missingTaskDone",
          data: { queue: queueText },
          suggest: rewrite
            ? [{ messageId: "wrapInTryFinally", data: { queue: queueText }, fix: (fixer) => fixer.replaceTextRange(rewrite.range, rewrite.text) }]
            : [],
        });
      },
    };
  },
});
