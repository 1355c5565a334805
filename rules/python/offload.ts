/**
 * Calls that run work in a worker thread: `asyncio.to_thread(f, ...)`, `loop.run_in_executor(None, f, ...)` and
 * their anyio/starlette cousins. A blocking function passed to them uncalled is not a call at all; this module
 * answers the remaining question: is an expression evaluated only to be handed to such a call?
 */
import { offloadingCalls, offloadingMethods } from "./knowledge.js";
import type { PyNode } from "./parser.js";
import { calleeNameOf } from "./resolved-name.js";
import { childByField, textOf } from "./syntax.js";

export function isOffloadingCall(call: PyNode, source: string): boolean {
  if (call.type !== "call") return false;
  const name = calleeNameOf(call, source);
  if (name !== undefined && offloadingCalls.has(name)) return true;
  const callee = childByField(call, "function");
  const attribute = callee?.type === "attribute" ? childByField(callee, "attribute") : undefined;
  return attribute !== undefined && offloadingMethods.has(textOf(attribute, source));
}

/**
 * Whether `node` is an argument of an offloading call, or the object of such an argument:
 * `asyncio.to_thread(json.load, open(p))`, `asyncio.to_thread(open(p).read)`.
 */
export function isOffloadArgument(node: PyNode, source: string): boolean {
  let current = node;
  for (let parent = node.parent; parent; current = parent, parent = parent.parent) {
    if (parent.type === "parenthesized_expression" || parent.type === "keyword_argument") continue;
    if (parent.type === "attribute" && current.field === "object") continue;
    if (parent.type === "argument_list") return parent.parent !== null && isOffloadingCall(parent.parent, source);
    return false;
  }
  return false;
}
