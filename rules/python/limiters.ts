/**
 * Evidence that concurrency is bounded: a coroutine function that holds a shared limiter while it works
 * (`async with sem:`, `await sem.acquire()`, `async with pool.acquire()`, or awaiting a same-file function that
 * does), an argument that is a limiter (`fetch(url, semaphore)`), or an HTTP client whose connection pool has an
 * explicit cap. Absence of evidence is not proof of anything: callers decide what to do with "no".
 */
import { callArguments } from "./call-arguments.js";
import { calledFunction, type FunctionInFile } from "./callees.js";
import { soleDefinitionOf, type Definition } from "./definitions.js";
import { awaitingWrappers, limiterNamePattern, limiterTypes, poolLimitedClients } from "./knowledge.js";
import { isObjectOf } from "./library-objects.js";
import type { PyNode } from "./parser.js";
import { boundValueOf } from "./references.js";
import { calleeNameOf } from "./resolved-name.js";
import { childByField, methodCallOf, textOf, unparenthesized } from "./syntax.js";
import { descendants } from "./walk.js";

/** How many same-file calls deep `holdsLimiter` looks for a limiter. */
const MAX_DEPTH = 3;

function lastName(expression: PyNode, source: string): string | undefined {
  if (expression.type === "identifier") return textOf(expression, source);
  if (expression.type === "attribute") {
    const attribute = childByField(expression, "attribute");
    return attribute && textOf(attribute, source);
  }
  return undefined;
}

/** `x.acquire()`: a semaphore's, or a connection pool's (which waits while the pool is exhausted). */
function isAcquireCall(node: PyNode, source: string): boolean {
  return methodCallOf(node, source)?.method === "acquire";
}

/** A name bound in `fn` itself to a call: a fresh object per call (`lock = asyncio.Lock()`), which limits nothing. */
function isFreshPerCall(identifier: PyNode, fn: PyNode, source: string): boolean {
  const sole = soleDefinitionOf(identifier, source);
  return sole?.scope === fn && callBoundTo(sole.definition) !== undefined;
}

/** The call a binding (`x = f()`, `async with f() as x`) gives its name. */
function callBoundTo(definition: Definition): PyNode | undefined {
  if (definition.kind !== "other") return undefined;
  const value = boundValueOf(definition.site, definition.target);
  return value && unparenthesized(value).type === "call" ? unparenthesized(value) : undefined;
}

/** The coroutine call inside `asyncio.wait_for(c(), t)` / `asyncio.shield(c())`, else the call itself. */
function unwrapAwaited(call: PyNode, source: string): PyNode {
  let current = call;
  for (let depth = 0; depth < 4; depth++) {
    const name = calleeNameOf(current, source);
    const first = childByField(current, "arguments")?.children[0];
    if (!name || !awaitingWrappers.has(name) || !first || unparenthesized(first).type !== "call") return current;
    current = unparenthesized(first);
  }
  return current;
}

/**
 * Whether calling `fn` (an `async def`) runs its work under a shared limiter: `async with <name or attribute>:`
 * (a semaphore, lock, limiter — not a fresh local object), `async with x.acquire()`, `await x.acquire()`, or
 * `await g(…)` where `g` is a function of the same file that holds one.
 */
export function holdsLimiter(fn: FunctionInFile, depth = 0, seen = new Set<PyNode>()): boolean {
  const { node, source } = fn;
  if (seen.has(node)) return false;
  seen.add(node);
  const body = childByField(node, "body");
  if (!body) return false;
  for (const child of descendants(body, { sameScope: true })) {
    if (child.type === "with_statement" && child.isAsync) {
      const items = child.children.find((part) => part.type === "with_clause")?.children ?? [];
      for (const item of items) {
        const value0 = childByField(item, "value");
        const entered = value0?.type === "as_pattern" ? value0.children[0] : value0;
        if (!entered) continue;
        const value = unparenthesized(entered);
        if (value.type === "attribute") return true;
        if (value.type === "identifier" && !isFreshPerCall(value, node, source)) return true;
        if (isAcquireCall(value, source)) return true;
      }
    }
    if (child.type === "await") {
      const awaited = child.children[0] && unparenthesized(child.children[0]);
      if (awaited?.type !== "call") continue;
      if (isAcquireCall(awaited, source)) return true;
      if (depth >= MAX_DEPTH) continue;
      const callee = childByField(unwrapAwaited(awaited, source), "function");
      const inner = callee && calledFunction(callee, source);
      if (inner && inner.node.isAsync && holdsLimiter(inner, depth + 1, seen)) return true;
    }
  }
  return false;
}

/**
 * Whether an argument is a shared limiter handed to the callee: a name bound to (or annotated as) a semaphore,
 * lock or rate limiter, `self.sem` assigned one, or a name that says so (`sem`, `semaphore`, `rate_limiter`).
 */
export function isLimiterArgument(expression: PyNode, source: string): boolean {
  const node = unparenthesized(expression);
  if (node.type !== "identifier" && node.type !== "attribute") return false;
  const name = lastName(node, source);
  if (name !== undefined && limiterNamePattern.test(name)) return true;
  return isObjectOf(node, limiterTypes, source);
}

/** The call a name is bound to once (`x = f()`, `async with f() as x`), or the call itself. */
function callBehind(expression: PyNode, source: string): PyNode | undefined {
  const node = unparenthesized(expression);
  if (node.type === "call") return node;
  if (node.type !== "identifier") return undefined;
  const sole = soleDefinitionOf(node, source);
  return sole && callBoundTo(sole.definition);
}

function keywordArgument(call: PyNode, keyword: string, source: string): PyNode | undefined {
  return callArguments(call, source)?.keywords.get(keyword);
}

/**
 * Whether `expression` is an HTTP client whose connection pool has an explicit, non-zero cap:
 * `async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=50)) as session`.
 */
export function isPoolLimitedClient(expression: PyNode, source: string): boolean {
  const client = callBehind(expression, source);
  const clientName = client && calleeNameOf(client, source);
  const spec = clientName === undefined ? undefined : poolLimitedClients.get(clientName);
  if (!client || !spec) return false;
  const poolArgument = keywordArgument(client, spec.poolKeyword, source);
  const pool = poolArgument && callBehind(poolArgument, source);
  const poolName = pool && calleeNameOf(pool, source);
  if (!pool || poolName === undefined || !spec.poolFactories.has(poolName)) return false;
  const limit = keywordArgument(pool, spec.limitKeyword, source);
  if (!limit) return false;
  const value = unparenthesized(limit);
  return value.type !== "none" && !(value.type === "integer" && /^0+$/u.test(textOf(value, source).replace(/_/gu, "")));
}
