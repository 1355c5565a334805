/**
 * Whether code is bounded in time by a timeout around it: inside `async with asyncio.timeout(…)` (or
 * `timeout_at`, `async_timeout.timeout`, anyio's `fail_after`…), inside the awaitable argument of
 * `asyncio.wait_for(…, timeout=…)`, or in a function whose every call in this file is itself so bounded.
 * A limit spelled `None` bounds nothing.
 */
import { argumentFor, callArguments, isNone } from "./call-arguments.js";
import { timeoutScopes, timeoutWrappers } from "./knowledge.js";
import type { PyNode } from "./parser.js";
import { calleeNameOf } from "./resolved-name.js";
import { childByField } from "./syntax.js";
import { callSitesOf } from "./value-origins.js";
import { NodeMemo } from "./tree-memo.js";

const MAX_CALLER_DEPTH = 4;

/** Whether the with-item opens a timeout scope with a limit (a `None` limit counts only when `as cm` may reschedule it). */
function isTimeoutItem(item: PyNode, source: string): boolean {
  const value = item.children[0];
  if (!value) return false;
  const alias = value.type === "as_pattern" ? childByField(value, "alias") : undefined;
  const manager = value.type === "as_pattern" ? value.children.find((child) => child.field !== "alias") : value;
  if (manager?.type !== "call") return false;
  const name = calleeNameOf(manager, source);
  const scope = name === undefined ? undefined : timeoutScopes.get(name);
  const args = callArguments(manager, source);
  if (!scope || !args) return false;
  const limit = argumentFor(args, scope.position, scope.keyword);
  if (limit === undefined) return false;
  return limit === "unknown" || !isNone(limit) || alias !== undefined;
}

/** Whether `child` (a child of `call`'s argument list) is the awaitable that `asyncio.wait_for` bounds with a limit. */
function isBoundedAwaitable(call: PyNode, child: PyNode, source: string): boolean {
  const name = calleeNameOf(call, source);
  const wrapper = name === undefined ? undefined : timeoutWrappers.get(name);
  const args = callArguments(call, source);
  if (!wrapper || !args) return false;
  const awaitable = argumentFor(args, wrapper.awaitable[0], wrapper.awaitable[1]);
  const limit = argumentFor(args, wrapper.timeout[0], wrapper.timeout[1]);
  const awaitableNode = child.type === "keyword_argument" ? childByField(child, "value") : child;
  if (awaitable !== awaitableNode || limit === undefined) return false;
  return limit === "unknown" || !isNone(limit);
}

const callersCache = new NodeMemo<boolean>();

/** Whether every call of `fn` in the file runs under a limit (memoised: call chains are walked once). */
function callersBounded(fn: PyNode, source: string, depth: number, seen: Set<PyNode>): boolean {
  const cached = callersCache.get(fn);
  if (cached !== undefined) return cached;
  if (depth >= MAX_CALLER_DEPTH || seen.has(fn)) return false;
  const path = new Set(seen).add(fn);
  const calls = callSitesOf(fn, source);
  const bounded = calls !== undefined && calls.every((call) => isBounded(call, source, depth + 1, path));
  if (depth === 0) callersCache.set(fn, bounded);
  return bounded;
}

function isBounded(node: PyNode, source: string, depth: number, seen: Set<PyNode>): boolean {
  let child = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (current.type === "with_statement") {
      const clause = current.children.find((c) => c.type === "with_clause");
      const items = clause?.children ?? [];
      // Items are entered in order: a timeout item bounds the body and the items after it.
      const limit = child === clause ? items.findIndex((item) => item.start <= node.start && node.end <= item.end) : items.length;
      if (items.slice(0, limit).some((item) => isTimeoutItem(item, source))) return true;
    } else if (current.type === "argument_list" && current.parent?.type === "call") {
      if (isBoundedAwaitable(current.parent, child, source)) return true;
    } else if (current.type === "lambda") {
      return false;
    } else if (current.type === "function_definition") {
      return callersBounded(current, source, depth, seen);
    }
  }
  return false;
}

/** Whether `node` runs under a time limit (see the module comment). */
export function isTimeBounded(node: PyNode, source: string): boolean {
  return isBounded(node, source, 0, new Set());
}
