/**
 * Concurrency proportional to an input of unknown (or large) size with no limit: `asyncio.gather(*[c(x) for x in
 * xs])` and its generator/`map`/named-list/append-loop forms, `asyncio.wait`/`as_completed` over such a
 * collection, and `asyncio.create_task`/`ensure_future`/`loop.create_task`/`tg.create_task` once per item of a
 * loop or comprehension. Ten thousand items mean ten thousand sockets, rows or requests at once.
 *
 * Reported only with evidence on both sides: the size is unbounded (a parameter, data from a call or an
 * attribute) or a known count above `maxKnownSize`, and the per-item coroutine is an `async def` we can see
 * (same file, same class, or a project module) that holds no limiter and is not handed one. Anything else —
 * a loop variable, `range(n)`, an unknown callee, an explicit connection-pool cap — is silence.
 *
 * Suggestion: run each item through a small semaphore-guarded helper (`async def _limited(sem, coro)`), with
 * `sem = asyncio.Semaphore(<limit>)` created just before the statement.
 */
import type { RuleTextEdit, RuleTextEditor } from "@eslint/core";
import { calledFunction, type FunctionInFile } from "./callees.js";
import { createPythonRule } from "./create-rule.js";
import { soleDefinitionOf } from "./definitions.js";
import { ensureImport, moduleNameStatus } from "./edits.js";
import { indentationAt, lineBreakOf, startsLine } from "./indentation.js";
import { product, sizeOf, type Size } from "./iteration-size.js";
import { awaitingWrappers, concurrentJoiners, executorOffloadMethods, executorOffloads, limitTransparentDecorators } from "./knowledge.js";
import { holdsLimiter, isLimiterArgument, isPoolLimitedClient } from "./limiters.js";
import { freshName, insertionOffsetAbove, needsBlankLineBefore, topLevelStatementOf } from "./module-insertions.js";
import { hasOwnYield } from "./module-summary.js";
import type { PyNode } from "./parser.js";
import { lintSession, rememberLintedModule, type ProjectSession } from "./project-index.js";
import { occurrencesOf } from "./identifier-occurrences.js";
import { boundValueOf, identifierRole } from "./references.js";
import { builtinCalleeOf, calleeNameAmong, lastPartsOf, resolvedNameOf } from "./resolved-name.js";
import { enclosingScope } from "./scope.js";
import type { PythonSourceCode } from "./source-code.js";
import { childByField, compactTextOf, textOf, unparenthesized } from "./syntax.js";
import { mentionsTaskSpawn, taskSpawnOf } from "./task-spawns.js";
import { mentionsAnyOf } from "./text-prechecks.js";
import { descendants, enclosingStatement, isWithin } from "./walk.js";

const JOINER_LAST_PARTS = lastPartsOf(concurrentJoiners.keys());

type Options = [{ maxKnownSize?: number; limit?: number }];
type MessageIds = "fanOut" | "limitWithSemaphore";

const COMPREHENSIONS = new Set(["list_comprehension", "set_comprehension", "generator_expression"]);
const SCOPES = new Set(["function_definition", "lambda", "class_definition", "module"]);
const HELPER_NAMES = ["_limited", "_run_limited", "_with_limit"];
const SEMAPHORE_NAMES = ["sem", "semaphore", "limit_sem"];
const ITEM_NAMES = ["item", "arg", "value"];
const mentionsJoiner = mentionsAnyOf(concurrentJoiners.keys());

/** What runs once per item. */
type PerItem =
  /** `c(x)` written out: the call to wrap. */
  | { readonly kind: "call"; readonly call: PyNode }
  /** `map(c, xs)`: the function `c`, applied to each item of `xs`. */
  | { readonly kind: "map"; readonly map: PyNode; readonly fn: PyNode; readonly iterable: PyNode };

interface FanOut {
  readonly sources: readonly PyNode[];
  readonly item: PerItem;
  /** The statement the semaphore is created before. */
  readonly anchor: PyNode | undefined;
}

function helperText(name: string, eol: string): string {
  return `async def ${name}(sem, coro):${eol}    async with sem:${eol}        return await coro`;
}

/** A builtin called by its own name with only positional arguments, e.g. `map(f, xs)`, `list(gen)`. */
function builtinCall(node: PyNode, name: string, source: string): readonly PyNode[] | undefined {
  if (node.type !== "call" || builtinCalleeOf(node, source) !== name) return undefined;
  const args = childByField(node, "arguments")?.children;
  if (!args || args.some((arg) => arg.type === "keyword_argument" || arg.type === "list_splat" || arg.type === "dictionary_splat")) return undefined;
  return args;
}

function forClauseSources(comprehension: PyNode): PyNode[] | undefined {
  const sources = comprehension.children.filter((child) => child.type === "for_in_clause").map((clause) => childByField(clause, "right"));
  return sources.every((right) => right !== undefined) ? (sources as PyNode[]) : undefined;
}

/** The per-item call of a collection of awaitables built inline, by a name bound to one, or by an append loop. */
function collectionFanOut(collection: PyNode, joiner: PyNode, source: string, followNames = true): FanOut | undefined {
  const node = unparenthesized(collection);
  const wrapped = builtinCall(node, "list", source) ?? builtinCall(node, "tuple", source);
  if (wrapped?.length === 1) return collectionFanOut(wrapped[0]!, joiner, source, followNames);

  if (COMPREHENSIONS.has(node.type)) {
    const element = childByField(node, "body");
    const call = element && unparenthesized(element);
    const sources = forClauseSources(node);
    // Awaited elements run one by one; task spawns are reported where they are (see `loopFanOut`).
    if (call?.type !== "call" || !sources || taskSpawnOf(call, source)) return undefined;
    return { sources, item: { kind: "call", call }, anchor: enclosingStatement(node) };
  }
  const mapArgs = builtinCall(node, "map", source);
  if (mapArgs) {
    if (mapArgs.length !== 2) return undefined;
    const [fn, iterable] = mapArgs as [PyNode, PyNode];
    return { sources: [iterable], item: { kind: "map", map: node, fn, iterable }, anchor: enclosingStatement(node) };
  }
  if (node.type !== "identifier" || !followNames) return undefined;

  const name = textOf(node, source);
  const sole = soleDefinitionOf(node, source);
  const scope = enclosingScope(joiner);
  if (sole?.scope !== scope) return undefined;
  const { definition } = sole;
  if (definition.kind !== "other" || definition.site.end > joiner.start) return undefined;
  const value = boundValueOf(definition.site, definition.target);
  if (!value) return undefined;
  const bound = unparenthesized(value);
  if (bound.type === "list" && bound.children.length === 0) return appendLoopFanOut(scope, name, definition.site, node, joiner, source);
  return collectionFanOut(bound, joiner, source, false);
}

/**
 * `tasks = []`, then `tasks.append(c(x))` in a `for` loop, then the join: the only other uses of `tasks` must come
 * after the join (reading results), so nothing else adds, removes or awaits in between.
 */
function appendLoopFanOut(scope: PyNode, name: string, site: PyNode, use: PyNode, joiner: PyNode, source: string): FanOut | undefined {
  const reads = occurrencesOf(scope, name, source).filter((identifier) => identifierRole(identifier) === "read" && identifier !== use);
  const appends: PyNode[] = [];
  for (const read of reads) {
    const attribute = read.parent;
    const call = attribute?.parent;
    const isAppend =
      attribute?.type === "attribute" &&
      read.field === "object" &&
      textOf(childByField(attribute, "attribute")!, source) === "append" &&
      call?.type === "call" &&
      attribute.field === "function" &&
      call.parent?.type === "expression_statement";
    if (isAppend) appends.push(call);
    else if (read.start < joiner.end) return undefined;
  }
  if (appends.length !== 1) return undefined;
  const append = appends[0]!;
  if (append.start < site.end || append.end > joiner.start) return undefined;
  const args = childByField(append, "arguments")?.children ?? [];
  const element = args.length === 1 ? unparenthesized(args[0]!) : undefined;
  if (element?.type !== "call" || taskSpawnOf(element, source)) return undefined;

  const loops: PyNode[] = [];
  for (let current = append.parent; current && current !== scope; current = current.parent) {
    if (current.type === "while_statement") return undefined;
    if (current.type === "for_statement") {
      if (current.start < site.end || isWithin(joiner, current)) break;
      loops.push(current);
    }
  }
  if (loops.length === 0) return undefined;
  const sources = loops.map((loop) => childByField(loop, "right"));
  if (sources.some((right) => !right)) return undefined;
  return { sources: sources as PyNode[], item: { kind: "call", call: element }, anchor: loops.at(-1) };
}

/** Whether a `for` body paces itself: it awaits, leaves early, or yields, so the loop is not a burst of spawns. */
function isPacedLoopBody(body: PyNode): boolean {
  for (const node of descendants(body, { sameScope: true })) {
    if (node.type === "await" || node.type === "yield" || node.type === "return_statement") return true;
    if ((node.type === "with_statement" || node.type === "for_statement") && node.isAsync) return true;
    if (node.type === "break_statement") return true;
  }
  return false;
}

/** `create_task(c(x))` once per item of the loop or comprehension it is directly in. */
function loopFanOut(call: PyNode, coroutine: PyNode): FanOut | undefined {
  let outer = call;
  while (outer.parent?.type === "parenthesized_expression") outer = outer.parent;
  if (outer.parent?.type === "await") return undefined; // `await create_task(c())`: one at a time
  let child = call;
  for (let current = call.parent; current; child = current, current = current.parent) {
    if (SCOPES.has(current.type)) return undefined;
    if (COMPREHENSIONS.has(current.type) || current.type === "dictionary_comprehension") {
      if (child.field !== "body" && child.type !== "pair") return undefined;
      const sources = forClauseSources(current);
      return sources && { sources, item: { kind: "call", call: coroutine }, anchor: enclosingStatement(current) };
    }
    if (current.type === "while_statement" && child.field === "body") return undefined;
    if (current.type === "for_statement" && child.field === "body") {
      const right = childByField(current, "right");
      if (!right || isPacedLoopBody(child)) return undefined;
      return { sources: [right], item: { kind: "call", call: coroutine }, anchor: current };
    }
  }
  return undefined;
}

function isTransparentlyDecorated(fn: FunctionInFile): boolean {
  const wrapper = fn.node.parent?.type === "decorated_definition" ? fn.node.parent : undefined;
  if (!wrapper) return true;
  return wrapper.children
    .filter((child) => child.type === "decorator")
    .every((decorator) => {
      const expression = decorator.children[0];
      const name = expression && resolvedNameOf(expression, fn.source);
      return name !== undefined && limitTransparentDecorators.has(name);
    });
}

/**
 * The `async def` each item runs when nothing bounds it: not offloaded to a pool, not handed a limiter or a
 * capped client, and holding no limiter itself. Undefined otherwise — including when we cannot see the callee.
 */
function unlimitedCoroutine(item: PerItem, source: string, session: () => ProjectSession | undefined): { name: string } | undefined {
  let calleeExpression: PyNode | undefined;
  if (item.kind === "map") {
    calleeExpression = item.fn;
  } else {
    let call = item.call;
    for (let depth = 0; depth < 4; depth++) {
      const args = childByField(call, "arguments")?.children ?? [];
      for (const arg of args) {
        const value = arg.type === "keyword_argument" ? childByField(arg, "value") : arg;
        if (value && (isLimiterArgument(value, source) || isPoolLimitedClient(value, source))) return undefined;
      }
      const callee = childByField(call, "function");
      if (!callee) return undefined;
      const name = resolvedNameOf(callee, source);
      if (name !== undefined && executorOffloads.has(name)) return undefined;
      if (callee.type === "attribute" && executorOffloadMethods.has(textOf(childByField(callee, "attribute")!, source))) return undefined;
      const first = args[0] && unparenthesized(args[0]);
      if (name !== undefined && awaitingWrappers.has(name) && first?.type === "call") {
        call = first;
        continue;
      }
      calleeExpression = callee;
      break;
    }
  }
  if (!calleeExpression) return undefined;
  const fn = calledFunction(calleeExpression, source, session);
  if (!fn || fn.node.isAsync !== true || hasOwnYield(fn.node, fn.source) || !isTransparentlyDecorated(fn) || holdsLimiter(fn)) return undefined;
  return { name: compactTextOf(calleeExpression, source) };
}

function describeSize(size: Size, sources: readonly PyNode[], source: string): string {
  const unbounded = sources.find((node) => sizeOf(node, source).kind === "unbounded") ?? sources[0]!;
  let text = textOf(unbounded, source).replace(/\s+/gu, " ");
  if (text.length > 40) text = `${text.slice(0, 37)}...`;
  return size.kind === "known" ? `'${text}' (${size.count} items)` : `'${text}' (size unknown)`;
}

/** The module-level helper to use: an identical existing one, or a new one under a free name. */
function chooseHelper(sourceCode: PythonSourceCode, at: PyNode): { name: string; exists: boolean } {
  const source = sourceCode.text;
  const module = sourceCode.ast;
  const normalize = (text: string) => text.replace(/\s+/gu, " ").trim();
  for (const statement of module.children) {
    if (statement.type !== "function_definition" || statement.isAsync !== true) continue;
    const name = textOf(childByField(statement, "name")!, source);
    if (normalize(textOf(statement, source)) !== normalize(helperText(name, "\n"))) continue;
    if (soleDefinitionOf(at, source, name)?.scope === module) return { name, exists: true };
  }
  return { name: freshName(module, HELPER_NAMES, source), exists: false };
}

function suggestionFor(
  sourceCode: PythonSourceCode,
  fanOut: FanOut,
  limit: number,
): { helper: string; fix: (fixer: RuleTextEditor) => RuleTextEdit[] } | undefined {
  const source = sourceCode.text;
  const { anchor, item } = fanOut;
  if (!anchor || !startsLine(source, anchor)) return undefined;
  const scope = enclosingScope(anchor);
  if (scope.type !== "function_definition" && scope.type !== "module") return undefined; // class bodies hide names from comprehensions
  const topLevel = topLevelStatementOf(anchor);
  if (!topLevel) return undefined;
  const asyncio = moduleNameStatus(anchor, "asyncio", sourceCode);
  if (asyncio === "conflict") return undefined;
  const rewritten = item.kind === "call" ? item.call : item.map;
  const helper = chooseHelper(sourceCode, rewritten);
  const sem = freshName(scope, SEMAPHORE_NAMES, source, (name) => name !== helper.name);
  const eol = lineBreakOf(source);
  let replacement: string;
  if (item.kind === "call") {
    replacement = `${helper.name}(${sem}, ${textOf(item.call, source)})`;
  } else {
    const variable = freshName(item.map, ITEM_NAMES, source, (name) => name !== sem && name !== helper.name);
    replacement = `(${helper.name}(${sem}, ${textOf(item.fn, source)}(${variable})) for ${variable} in ${textOf(item.iterable, source)})`;
  }
  return {
    helper: helper.name,
    fix(fixer) {
      const edits: RuleTextEdit[] = [];
      const addImport = asyncio === "missing" ? ensureImport(fixer, anchor, "asyncio", sourceCode) : null;
      if (addImport) edits.push(addImport);
      if (!helper.exists) {
        const offset = insertionOffsetAbove(sourceCode, topLevel);
        const before = needsBlankLineBefore(source, offset, addImport) ? eol : "";
        edits.push(fixer.insertTextBeforeRange([offset, offset], `${before}${helperText(helper.name, eol)}${eol}${eol}${eol}`));
      }
      const indentation = indentationAt(source, anchor.start);
      edits.push(fixer.insertTextBeforeRange(anchor.range, `${sem} = asyncio.Semaphore(${limit})${eol}${indentation}`));
      edits.push(fixer.replaceTextRange(rewritten.range, replacement));
      return edits;
    },
  };
}

export default createPythonRule<MessageIds, Options>({
  name: "no-unbounded-fan-out",
  meta: {
    type: "problem",
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          maxKnownSize: {
            type: "integer",
            minimum: 0,
            description: "Inputs of a known size up to this many items (literals, range(CONST), xs[:CONST]) are not reported.",
          },
          limit: { type: "integer", minimum: 1, description: "The semaphore size the suggestion uses." },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      fanOut:
        "'{{spawner}}' starts one '{{callee}}()' per item of {{items}} at once, with no concurrency limit. Bound it with an 'asyncio.Semaphore'.",
      limitWithSemaphore: "Run at most {{limit}} at a time through a semaphore-guarded '{{helper}}()' helper.",
    },
  },
  defaultOptions: [{ maxKnownSize: 100, limit: 10 }],
  create(context, [options]) {
    const { sourceCode } = context;
    const source = sourceCode.text;
    const maxKnownSize = options.maxKnownSize ?? 100;
    const limit = options.limit ?? 10;
    let session: ProjectSession | undefined;
    const projectSession = () => (session ??= lintSession(context.physicalFilename, sourceCode.ast, source));
    // Every report is about a task spawn or a joiner such as `gather` (text-prechecks.ts).
    const mayFanOut = mentionsTaskSpawn(source) || mentionsJoiner(source);

    function check(node: PyNode, spawner: string, fanOut: FanOut | undefined, canSuggest: boolean): boolean {
      if (!fanOut) return false;
      const size = product(fanOut.sources.map((iterable) => sizeOf(iterable, source)));
      if (size.kind === "undecided" || (size.kind === "known" && size.count <= maxKnownSize)) return false;
      const coroutine = unlimitedCoroutine(fanOut.item, source, projectSession);
      if (!coroutine) return false;
      const suggestion = canSuggest ? suggestionFor(sourceCode, fanOut, limit) : undefined;
      context.report({
        node,
        messageId: "fanOut",
        data: { spawner, callee: coroutine.name, items: describeSize(size, fanOut.sources, source) },
        suggest: suggestion ? [{ messageId: "limitWithSemaphore", data: { limit: String(limit), helper: suggestion.helper }, fix: suggestion.fix }] : [],
      });
      return true;
    }

    return {
      // What this file defines, for the project index when another file imports it (the same text is not parsed again).
      "module:exit"() {
        rememberLintedModule(context.physicalFilename, source, sourceCode.ast, context.cwd);
      },
      call(node) {
        if (!mayFanOut) return;
        const callee = childByField(node, "function");
        if (!callee) return;
        const spawn = taskSpawnOf(node, source);
        if (spawn) {
          const coroutine = spawn.coroutine && unparenthesized(spawn.coroutine);
          if (coroutine?.type === "call") check(node, spawn.name, loopFanOut(node, coroutine), true);
          return;
        }
        const name = calleeNameAmong(node, source, JOINER_LAST_PARTS);
        const joiner = name === undefined ? undefined : concurrentJoiners.get(name);
        if (!joiner || name === undefined) return;
        const args = childByField(node, "arguments")?.children ?? [];
        const collections =
          joiner.awaitables === "splat"
            ? args.filter((arg) => arg.type === "list_splat").map((arg) => arg.children[0]!)
            : args.slice(0, 1).filter((arg) => arg.type !== "keyword_argument" && arg.type !== "list_splat");
        for (const collection of collections) {
          if (check(node, name, collectionFanOut(collection, node, source), joiner.acceptsCoroutines)) return;
        }
      },
    };
  },
});
