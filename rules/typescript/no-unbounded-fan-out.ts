/**
 * `Promise.all(xs.map(async (x) => …))` starts one operation per item of `xs` at the same moment. With ten items
 * that is fine; with ten thousand it opens ten thousand sockets, file handles or database queries at once — the
 * remote side rate-limits or falls over, the pool times out, memory spikes. Flags, for `Promise.all`,
 * `Promise.allSettled`, `Promise.any` and `Promise.race`:
 * - `xs.map(f)` / `Array.from(xs, f)` (inline, or through a `const` holding the mapped array) where `f` provably
 *   returns a promise (an `async` function that awaits or returns one, an arrow returning a known promise, a same-file
 *   or imported project function known to be async; typed mode: the checker) and `xs` is open-ended;
 * - an array filled by `ps.push(promise)` in a loop over an open-ended input, then joined. The loop must not await
 *   (a loop that awaits each item, or waits when `ps` grows, is already bounded), and `ps` must not be used otherwise
 *   (`ps.length`, `ps.splice`: hand-written concurrency control).
 * Open-ended, as in the Python rule (`input-evidence.ts`): a known size above `maxKnownSize`, or an input of the
 * function (a parameter) or data from a call, and whatever is derived from those (`.filter`, `Object.keys`, a local
 * grown with `push(...input)`). Object state (`this.items`, `node.columns`), loop variables, module-level names,
 * counts we cannot follow (`i < n`) and arrays filled item by item are undecided: silence.
 * Not flagged: inputs of a known size up to `maxKnownSize` (see `collection-size.ts`), arrays already cut to size
 * (`chunk`, `batch`, `xs.slice(i, i + N)`), work that goes through a limiter (see `limiters.ts`); inputs whose size
 * the program's structure fixes rather than its data: a recursive descent (the mapper calls the function it is in:
 * one operation per child of a tree node), collections named for configuration or schema (`plugins`, `hooks`,
 * `columns`, `stages`… see `configSizedNameWords`), worker pools (`Array.from({ length: Math.min(n, concurrency) }…)`),
 * loops over groups (`i < Math.ceil(n / perWorker)`), iterables made by a call told the concurrency
 * (`makeTasks(xs, concurrency)`); promises that start nothing (`new Promise((resolve) => waiting.set(id, resolve))`);
 * test files (option `checkTestFiles`: test data is small, and the runner's timeout bounds it).
 *
 * Suggestions: wrap each call in the file's `p-limit` limiter (reusing `const limit = pLimit(n)`, or creating one when
 * `p-limit` is imported), and rewrite `await Promise.all(xs.map(f))` into a loop over chunks of `limit` items.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { containsAwait, enclosingFunction, forEachChild, isFunctionNode, type FunctionNode } from "./async-context.js";
import { collectionSize, constantNumber, isCappedCount, type SizeContext } from "./collection-size.js";
import { createRule } from "./create-rule.js";
import { fileRole } from "./file-role.js";
import { inputEvidence } from "./input-evidence.js";
import { codeStyle } from "./ensure-binding.js";
import {
  findVariableByName,
  isGlobalReference,
  referenceOf,
  resolveModuleValue,
  resolveVariable,
  skipTransparentWrappers,
  staticMemberName,
} from "./imports.js";
import { chunkableJoiners, configSizedNameWords, pLimitModule, promiseJoiners } from "./knowledge.js";
import { calledFunction, functionOfIdentifier, isLimiterCreation, isLimiterName, isLimiterReference, usesLimiter } from "./limiters.js";
import { isPromiseValued, typedServices } from "./promise-detection.js";
import { returnsPromise } from "./promise-functions.js";
import { isNameUsedIn, usesOwnThisOrArguments } from "./function-body.js";
import { hasMultilineString, indentationOf, indentUnit, lineBreakOf } from "./source-layout.js";

export type MessageIds = "mappedFanOut" | "pushedFanOut" | "wrapWithLimiter" | "processInChunks";
export type Options = [{ maxKnownSize?: number; limit?: number; checkTestFiles?: boolean }];

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;
type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;
type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;
type RuleFix = TSESLint.RuleFix;
type RuleFixer = TSESLint.RuleFixer;

/** A mapped fan-out: `receiver.map(mapper)` or `Array.from(receiver, mapper)`. */
interface MappedFanOut {
  readonly kind: "map" | "from";
  readonly call: TSESTree.CallExpression;
  readonly receiver: Node;
  readonly mapper: Node;
  /** Whether the mapped call is the joiner's argument itself (not reached through a variable). */
  readonly inline: boolean;
}

export default createRule<Options, MessageIds>({
  name: "no-unbounded-fan-out",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow starting one concurrent operation per input item without a concurrency limit",
      recommended: true,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          maxKnownSize: {
            type: "integer",
            minimum: 0,
            description: "Inputs of a known size up to this many items (array literals, Array.from({ length: N }), xs.slice(0, N)) are not reported.",
          },
          limit: { type: "integer", minimum: 1, description: "The concurrency (limiter size, chunk size) the suggestions use." },
          checkTestFiles: { type: "boolean", description: "Also report in test files and test directories (default false)." },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      mappedFanOut:
        "'Promise.{{method}}()' starts one operation per item of '{{input}}' at once: the concurrency grows with the input and nothing limits it. Use a limiter (p-limit, p-map's 'concurrency') or process the items in chunks.",
      pushedFanOut:
        "'Promise.{{method}}()' waits on one promise per iteration of a loop over '{{input}}', all started at once: the concurrency grows with the input and nothing limits it. Use a limiter (p-limit) or process the items in chunks.",
      wrapWithLimiter: "Run each call through the p-limit limiter '{{limiter}}'.",
      processInChunks: "Process '{{input}}' in chunks of {{limit}} items.",
    },
  },
  defaultOptions: [{ maxKnownSize: 100, limit: 10, checkTestFiles: false }],
  create(context, [options]) {
    const { sourceCode } = context;
    const role = fileRole(context);
    if (role.neverRuns || (role.test && !options.checkTestFiles)) return {};
    const maxKnownSize = options.maxKnownSize ?? 100;
    const limit = options.limit ?? 10;
    const services = typedServices(context);
    const sizeContext: SizeContext = services
      ? {
          sourceCode,
          checker: services.program.getTypeChecker(),
          typeOf: (node) => {
            try {
              return services.program.getTypeChecker().getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(node));
            } catch {
              return undefined;
            }
          },
        }
      : { sourceCode };

    /**
     * Whether the input is evidence of an open-ended fan-out: a known size above `maxKnownSize`, or — size unknown —
     * an input of the function or data from a call (`input-evidence.ts`), not cut to size, not structurally sized.
     */
    function isOpenEnded(node: Node): boolean {
      const size = collectionSize(node, sizeContext);
      if (typeof size === "number") return size > maxKnownSize;
      if (size === "bounded" || isStructurallySized(node, sourceCode)) return false;
      return inputEvidence(node, sourceCode) === "unbounded";
    }

    /** Whether the mapper provably starts asynchronous work and does not go through a limiter. */
    function isUnlimitedAsyncMapper(mapper: Node): boolean {
      const expression = skipTransparentWrappers(mapper);
      if (isLimiterReference(expression, sourceCode)) return false;
      const fn = mapperFunction(expression, sourceCode);
      if (fn && (usesLimiter(fn, sourceCode) || (fn.async && !doesAsyncWork(fn, context)) || wrapsItsArgument(fn))) return false;
      if (fn?.generator) return false;
      return returnsPromise(expression, context);
    }

    function findMappedFanOut(node: Node, inline: boolean, depth = 0): MappedFanOut | undefined {
      const expression = skipTransparentWrappers(node);
      if (expression.type === "Identifier" && depth === 0) {
        const init = constInitOf(expression, sourceCode);
        return init ? findMappedFanOut(init, false, depth + 1) : undefined;
      }
      if (expression.type !== "CallExpression") return undefined;
      const callee = skipTransparentWrappers(expression.callee);
      if (callee.type !== "MemberExpression") return undefined;
      const method = staticMemberName(callee);
      const args = expression.arguments;
      if (args.some((argument) => argument.type === "SpreadElement")) return undefined;
      if (method === "map" && args.length >= 1) {
        return { kind: "map", call: expression, receiver: callee.object, mapper: args[0]!, inline };
      }
      const object = skipTransparentWrappers(callee.object);
      if (method === "from" && args.length >= 2 && object.type === "Identifier" && object.name === "Array" && isGlobalReference(object, sourceCode)) {
        return { kind: "from", call: expression, receiver: args[0]!, mapper: args[1]!, inline };
      }
      return undefined;
    }

    function checkMapped(call: TSESTree.CallExpression, method: string, fanOut: MappedFanOut): boolean {
      if (!isOpenEnded(fanOut.receiver) || !isUnlimitedAsyncMapper(fanOut.mapper)) return false;
      if (recursesInto(fanOut.mapper, call, sourceCode)) return false;
      const input = inputText(fanOut.receiver, sourceCode);
      const suggest: Suggestion[] = [];
      if (fanOut.kind === "map" && fanOut.inline) {
        const wrap = limiterSuggestion(call, fanOut);
        if (wrap) suggest.push(wrap);
        const chunks = chunkSuggestion(call, method, fanOut, input);
        if (chunks) suggest.push(chunks);
      }
      context.report({ node: call, messageId: "mappedFanOut", data: { method, input }, suggest });
      return true;
    }

    function checkPushed(call: TSESTree.CallExpression, method: string, argument: Node): void {
      const expression = skipTransparentWrappers(argument);
      if (expression.type !== "Identifier") return;
      const loop = pushLoop(expression, call, context);
      if (!loop || !isOpenEndedLoop(loop, isOpenEnded, sourceCode, maxKnownSize)) return;
      if (pushedValues(expression, sourceCode).some((value) => recursesInto(value, call, sourceCode))) return;
      context.report({ node: call, messageId: "pushedFanOut", data: { method, input: loopInputText(loop, sourceCode) } });
    }

    // ------------------------------------------------------------------------------------------ suggestions

    /** `xs.map((x) => limit(async () => …))` with the file's `p-limit` limiter, or a new one when `p-limit` is imported. */
    function limiterSuggestion(call: TSESTree.CallExpression, fanOut: MappedFanOut): Suggestion | undefined {
      const statement = enclosingStatement(call);
      const existing = existingLimiter(call, sourceCode);
      let limiterName = existing;
      let declaration: ((fixer: RuleFixer) => RuleFix) | undefined;
      if (limiterName === undefined) {
        const factory = pLimitFactory(call, sourceCode);
        if (factory === undefined || !statement || !statementList(statement.parent)) return undefined;
        limiterName = ["limit", "limitConcurrency", "pLimited"].find((name) => isUnusedName(name, statement, sourceCode));
        if (limiterName === undefined) return undefined;
        const indent = indentationOf(statement, sourceCode);
        const text = `const ${limiterName} = ${factory}(${limit})${codeStyle(sourceCode).semicolon}${lineBreakOf(sourceCode)}${indent}`;
        declaration = (fixer) => fixer.insertTextBefore(statement, text);
      }
      const wrapped = wrapMapper(fanOut.mapper, limiterName, sourceCode);
      if (wrapped === undefined) return undefined;
      const name = limiterName;
      return {
        messageId: "wrapWithLimiter",
        data: { limiter: name },
        fix: (fixer) => {
          const replace = fixer.replaceText(fanOut.mapper, wrapped);
          return declaration ? [declaration(fixer), replace] : [replace];
        },
      };
    }

    /** `await Promise.all(xs.map(f))` → a `for` loop awaiting `Promise.all` on `xs.slice(i, i + limit)`. */
    function chunkSuggestion(call: TSESTree.CallExpression, method: string, fanOut: MappedFanOut, input: string): Suggestion | undefined {
      if (!chunkableJoiners.has(method) || !isStableExpression(fanOut.receiver) || !mapperIgnoresIndex(fanOut.mapper, sourceCode)) {
        return undefined;
      }
      const awaited = call.parent;
      if (awaited?.type !== "AwaitExpression" || awaited.argument !== call) return undefined;
      const holder = awaited.parent;
      let statement: TSESTree.ExpressionStatement | TSESTree.VariableDeclaration;
      let result: { name: string; kind: string; annotation: string } | undefined;
      if (holder?.type === "ExpressionStatement") {
        statement = holder;
      } else if (
        holder?.type === "VariableDeclarator" &&
        holder.init === awaited &&
        holder.id.type === "Identifier" &&
        holder.parent.declarations.length === 1 &&
        statementList(holder.parent.parent) !== undefined
      ) {
        statement = holder.parent;
        const annotation = holder.id.typeAnnotation ? sourceCode.getText(holder.id.typeAnnotation) : "";
        result = { name: holder.id.name, kind: holder.parent.kind, annotation };
      } else {
        return undefined;
      }
      const index = ["i", "start", "offset", "chunkStart"].find((name) => isUnusedName(name, statement, sourceCode));
      if (index === undefined) return undefined;
      const receiverText = sourceCode.getText(skipTransparentWrappers(fanOut.receiver));
      const indent = indentationOf(statement, sourceCode);
      const unit = indentUnit(sourceCode);
      const eol = lineBreakOf(sourceCode);
      // The mapper moves one level deeper: indent its continuation lines, unless a string spans lines.
      const mapperText = hasMultilineString(fanOut.mapper)
        ? sourceCode.getText(fanOut.mapper)
        : sourceCode.getText(fanOut.mapper).replace(/\r?\n(?=[ \t]*\S)/g, (lineBreak) => `${lineBreak}${unit}`);
      const calleeText = sourceCode.getText(call.callee);
      const semicolon = sourceCode.getLastToken(statement)?.value === ";" ? ";" : "";
      const chunkJoin = `await ${calleeText}(${receiverText}.slice(${index}, ${index} + ${limit}).map(${mapperText}))`;
      const loopHead = `for (let ${index} = 0; ${index} < ${receiverText}.length; ${index} += ${limit}) {`;
      const body = result ? `${result.name}.push(...(${chunkJoin}))${semicolon}` : `${chunkJoin}${semicolon}`;
      const loop = `${loopHead}${eol}${indent}${unit}${body}${eol}${indent}}`;
      const text = result ? `${result.kind} ${result.name}${result.annotation} = []${semicolon}${eol}${indent}${loop}` : loop;
      return {
        messageId: "processInChunks",
        data: { input, limit: String(limit) },
        fix: (fixer) => fixer.replaceText(statement, text),
      };
    }

    return {
      CallExpression(call) {
        const method = promiseJoiner(call, sourceCode);
        if (method === undefined || call.arguments.length !== 1) return;
        const argument = call.arguments[0]!;
        if (argument.type === "SpreadElement") return;
        const fanOut = findMappedFanOut(argument, true);
        if (fanOut) {
          checkMapped(call, method, fanOut);
          return;
        }
        checkPushed(call, method, argument);
      },
    };
  },
});

// ---------------------------------------------------------------------------------------------------------------
// Recognition

/** `Promise.all` and friends on the global `Promise`: the method name. */
function promiseJoiner(call: TSESTree.CallExpression, sourceCode: SourceCode): string | undefined {
  const callee = skipTransparentWrappers(call.callee);
  if (callee.type !== "MemberExpression") return undefined;
  const method = staticMemberName(callee);
  const object = skipTransparentWrappers(callee.object);
  if (method === undefined || !promiseJoiners.has(method)) return undefined;
  return object.type === "Identifier" && object.name === "Promise" && isGlobalReference(object, sourceCode) ? method : undefined;
}

/** The initialiser of a `const`-like variable (declared once, never reassigned). */
function constInitOf(identifier: TSESTree.Identifier, sourceCode: SourceCode): TSESTree.Expression | undefined {
  const variable = referenceOf(identifier, sourceCode)?.resolved;
  if (!variable || variable.defs.length !== 1) return undefined;
  const definition = variable.defs[0]!;
  if (definition.type !== "Variable" || definition.node.id.type !== "Identifier" || !definition.node.init) return undefined;
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
  return definition.node.init;
}

/** The function a mapper runs, when it is in this file: inline, or a declaration/`const` it names. */
function mapperFunction(mapper: Node, sourceCode: SourceCode): FunctionNode | undefined {
  if (isFunctionNode(mapper)) return mapper;
  if (mapper.type === "Identifier") return functionOfIdentifier(mapper, sourceCode);
  return undefined;
}

/** An `async` function that awaits, or returns a promise: it starts real asynchronous work. */
function doesAsyncWork(fn: FunctionNode, context: Context): boolean {
  if (fn.body.type !== "BlockStatement") return containsAwait(fn.body) || isPromiseValued(fn.body, context);
  if (containsAwait(fn.body)) return true;
  let returnsPromiseValue = false;
  const visit = (node: Node): void => {
    if (returnsPromiseValue) return;
    if (node !== fn && isFunctionNode(node)) return;
    if (node.type === "ReturnStatement" && node.argument && isPromiseValued(node.argument, context)) {
      returnsPromiseValue = true;
      return;
    }
    forEachChild(node, visit);
  };
  visit(fn.body);
  return returnsPromiseValue;
}

/**
 * A mapper that only wraps the promise it is given (`(p) => Promise.resolve(p).then(…)`, `(p) => p.catch(…)`): the
 * operations were started before, by whoever made the array; this starts nothing.
 */
function wrapsItsArgument(fn: FunctionNode): boolean {
  const param = fn.params[0];
  if (fn.params.length !== 1 || param?.type !== "Identifier") return false;
  let result: Node | undefined;
  if (fn.body.type !== "BlockStatement") result = fn.body;
  else if (fn.body.body.length === 1 && fn.body.body[0]!.type === "ReturnStatement") result = fn.body.body[0]!.argument ?? undefined;
  let node = result ? skipTransparentWrappers(result) : undefined;
  while (node?.type === "AwaitExpression") node = skipTransparentWrappers(node.argument);
  while (node?.type === "CallExpression") {
    const callee = skipTransparentWrappers(node.callee);
    if (callee.type !== "MemberExpression") return false;
    const method = staticMemberName(callee);
    const object = skipTransparentWrappers(callee.object);
    if (method === "resolve" && object.type === "Identifier" && object.name === "Promise") {
      const argument = node.arguments[0] ? skipTransparentWrappers(node.arguments[0]) : undefined;
      return argument?.type === "Identifier" && argument.name === param.name;
    }
    if (method !== "then" && method !== "catch" && method !== "finally") return false;
    node = object;
  }
  return node?.type === "Identifier" && node.name === param.name;
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs whose size the program's structure fixes

/**
 * Sized by the program rather than by its data: a collection named for configuration or schema (`this.plugins`,
 * `node.columns`, `stage.pipeline`, `runClosures`), or made by a call that is told the concurrency
 * (`fetchRoutes(app, hooks, concurrency)`: the producer limits what it yields).
 */
function isStructurallySized(node: Node, sourceCode: SourceCode, depth = 0): boolean {
  if (depth > 4) return false;
  const expression = skipTransparentWrappers(node);
  const name = collectionName(expression);
  if (name !== undefined && isConfigSizedName(name)) return true;
  if (expression.type === "CallExpression") {
    const callee = skipTransparentWrappers(expression.callee);
    // `hooks.filter(…)`, `Object.values(plugins)`: derived from a structural collection.
    if (callee.type === "MemberExpression") {
      const method = staticMemberName(callee);
      if (method === "filter" || method === "map" || method === "slice" || method === "flat" || method === "toSorted") {
        if (isStructurallySized(callee.object, sourceCode, depth + 1)) return true;
      }
    }
    return expression.arguments.some((argument) => {
      const value = skipTransparentWrappers(argument);
      const argumentName = value.type === "Identifier" ? value.name : value.type === "MemberExpression" ? staticMemberName(value) : undefined;
      return argumentName !== undefined && isLimiterName(argumentName);
    });
  }
  if (expression.type === "Identifier") {
    const variable = referenceOf(expression, sourceCode)?.resolved;
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition?.type !== "Variable" || definition.node.id.type !== "Identifier" || !definition.node.init) return false;
    if (variable!.references.some((reference) => reference.isWrite() && !reference.init)) return false;
    return isStructurallySized(definition.node.init, sourceCode, depth + 1);
  }
  return false;
}

/** The name a collection is known by: `plugins`, `this.#hooks` → `hooks`, `Object.entries(stages)` → `stages`. */
function collectionName(expression: Node): string | undefined {
  if (expression.type === "Identifier") return expression.name;
  if (expression.type === "MemberExpression") {
    return expression.property.type === "PrivateIdentifier" ? expression.property.name : staticMemberName(expression);
  }
  if (expression.type === "CallExpression" && expression.arguments.length === 1) {
    const callee = skipTransparentWrappers(expression.callee);
    const object = callee.type === "MemberExpression" ? skipTransparentWrappers(callee.object) : undefined;
    const method = callee.type === "MemberExpression" ? staticMemberName(callee) : undefined;
    if (object?.type === "Identifier" && object.name === "Object" && (method === "keys" || method === "values" || method === "entries")) {
      const argument = skipTransparentWrappers(expression.arguments[0]!);
      return argument.type === "SpreadElement" ? undefined : collectionName(argument);
    }
  }
  return undefined;
}

/** The last word of a camelCase or snake_case name is a configuration word: `runClosures` → `closures`. */
function isConfigSizedName(name: string): boolean {
  const words = name.split(/(?<=[a-z0-9])(?=[A-Z])|[_$-]+/u).filter(Boolean);
  const last = words.at(-1)?.toLowerCase();
  return last !== undefined && configSizedNameWords.has(last);
}

/**
 * A recursive descent: the mapped (or pushed) work calls the function the join is in, directly or through a
 * same-file function that calls it back (`lowerFilter` mapping `lowerFilter` over `filter.exprs`). Its fan-out is one
 * operation per child of a node of a tree the program walks, not one per item of an open-ended input.
 */
function recursesInto(work: Node, join: Node, sourceCode: SourceCode): boolean {
  const enclosing = enclosingFunction(join);
  if (!enclosing) return false;
  const mapper = skipTransparentWrappers(work);
  const start = isFunctionNode(mapper) ? mapper : mapper.type === "Identifier" ? functionOfIdentifier(mapper, sourceCode) : undefined;
  const roots: Node[] = start ? [start] : [mapper];
  return roots.some((root) => callsFunction(root, enclosing, sourceCode, 0, new Set()));
}

function callsFunction(root: Node, target: FunctionNode, sourceCode: SourceCode, depth: number, seen: Set<Node>): boolean {
  if (seen.has(root)) return false;
  seen.add(root);
  if (root === target) return true;
  let found = false;
  const visit = (node: Node): void => {
    if (found) return;
    if (node.type === "CallExpression") {
      const called = calledFunction(node, sourceCode);
      if (called === target || (called && depth < 1 && callsFunction(called, target, sourceCode, depth + 1, seen))) {
        found = true;
        return;
      }
    }
    forEachChild(node, visit);
  };
  visit(root);
  return found;
}

/** The values pushed onto `array` (an empty array filled by `array.push(…)`). */
function pushedValues(array: TSESTree.Identifier, sourceCode: SourceCode): Node[] {
  const variable = referenceOf(array, sourceCode)?.resolved;
  if (!variable) return [];
  const values: Node[] = [];
  for (const reference of variable.references) {
    const member = reference.identifier.parent;
    if (member?.type !== "MemberExpression" || member.object !== reference.identifier || staticMemberName(member) !== "push") continue;
    const push = member.parent;
    if (push?.type === "CallExpression") values.push(...push.arguments);
  }
  return values;
}

/**
 * A promise whose creation starts nothing: `new Promise((resolve) => waiting.set(id, resolve))`, a deferred settled
 * later by a message or an event (the executor only hands its settle functions on, or arms a timer with them), or a
 * `.then/.catch/.finally` chain on one; through a `const` too. What runs at once is whatever settles them.
 */
function startsNothing(node: Node, sourceCode: SourceCode, depth = 0): boolean {
  if (depth > 4) return false;
  const expression = skipTransparentWrappers(node);
  if (expression.type === "Identifier") {
    const variable = referenceOf(expression, sourceCode)?.resolved;
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition?.type !== "Variable" || !definition.node.init) return false;
    if (variable!.references.some((reference) => reference.isWrite() && !reference.init)) return false;
    return startsNothing(definition.node.init, sourceCode, depth + 1);
  }
  if (expression.type === "CallExpression") {
    const callee = skipTransparentWrappers(expression.callee);
    const method = callee.type === "MemberExpression" ? staticMemberName(callee) : undefined;
    return callee.type === "MemberExpression" && (method === "then" || method === "catch" || method === "finally") && startsNothing(callee.object, sourceCode, depth + 1);
  }
  if (expression.type !== "NewExpression") return false;
  const callee = skipTransparentWrappers(expression.callee);
  if (callee.type !== "Identifier" || callee.name !== "Promise" || !isGlobalReference(callee, sourceCode)) return false;
  const executor = expression.arguments[0] ? skipTransparentWrappers(expression.arguments[0]) : undefined;
  if (!executor || !isFunctionNode(executor) || executor.async) return false;
  const settlers = new Set(executor.params.flatMap((param) => (param.type === "Identifier" ? [param.name] : [])));
  if (settlers.size === 0) return false;
  let onlyHandsOn = true;
  const visit = (inner: Node): void => {
    if (!onlyHandsOn) return;
    if (inner !== executor && isFunctionNode(inner)) return;
    if (inner.type === "CallExpression" || inner.type === "NewExpression") {
      // Each call must pass a settle function on (`map.set(id, resolve)`, `setTimeout(resolve, ms)`), nothing else.
      const passesSettler = inner.arguments.some((argument) => argument.type === "Identifier" && settlers.has(argument.name));
      if (!passesSettler) {
        onlyHandsOn = false;
        return;
      }
    }
    if (inner.type === "AwaitExpression") {
      onlyHandsOn = false;
      return;
    }
    forEachChild(inner, visit);
  };
  visit(executor.body);
  return onlyHandsOn;
}

type Loop =
  | TSESTree.ForOfStatement
  | TSESTree.ForInStatement
  | TSESTree.ForStatement
  | TSESTree.WhileStatement
  | TSESTree.DoWhileStatement
  | { readonly type: "forEach"; readonly call: TSESTree.CallExpression; readonly receiver: Node; readonly callback: FunctionNode };

function isLoopStatement(node: Node): node is Exclude<Loop, { type: "forEach" }> {
  return (
    node.type === "ForOfStatement" ||
    node.type === "ForInStatement" ||
    node.type === "ForStatement" ||
    node.type === "WhileStatement" ||
    node.type === "DoWhileStatement"
  );
}

/**
 * The loop that fills `array` (passed to the joiner `join`) with promises: every use of the variable is `[]` at its
 * declaration, `array.push(promise, …)` inside one loop that does not await and does not contain the join, or the join.
 */
function pushLoop(array: TSESTree.Identifier, join: TSESTree.CallExpression, context: Context): Loop | undefined {
  const { sourceCode } = context;
  const variable = referenceOf(array, sourceCode)?.resolved;
  if (!variable || variable.defs.length !== 1) return undefined;
  const definition = variable.defs[0]!;
  if (definition.type !== "Variable" || definition.node.id.type !== "Identifier") return undefined;
  const init = definition.node.init ? skipTransparentWrappers(definition.node.init) : undefined;
  if (init?.type !== "ArrayExpression" || init.elements.length !== 0) return undefined;
  const declaringFunction = enclosingFunction(definition.node);
  let loop: Loop | undefined;
  let pushes = 0;
  for (const reference of variable.references) {
    if (reference.init) continue;
    const identifier = reference.identifier;
    if (identifier === array) continue;
    if (!reference.isRead() || reference.isWrite()) return undefined;
    const member = identifier.parent;
    if (member?.type !== "MemberExpression" || member.object !== identifier || staticMemberName(member) !== "push") return undefined;
    const push = member.parent;
    if (push?.type !== "CallExpression" || push.callee !== member || push.arguments.length === 0) return undefined;
    const pushParent = push.parent;
    if (pushParent?.type !== "ExpressionStatement" && !(pushParent?.type === "ArrowFunctionExpression" && pushParent.body === push)) {
      return undefined;
    }
    if (!push.arguments.every((argument) => argument.type !== "SpreadElement" && isPromiseValued(argument, context))) return undefined;
    if (push.arguments.every((argument) => startsNothing(argument, sourceCode))) return undefined;
    const found = loopAround(push, definition.node, declaringFunction);
    if (!found || (loop !== undefined && !sameLoop(loop, found))) return undefined;
    loop = found;
    pushes++;
  }
  if (!loop || pushes === 0) return undefined;
  const body = loop.type === "forEach" ? loop.callback.body : loop;
  if (body.range[0] <= join.range[0] && join.range[1] <= body.range[1]) return undefined;
  if (loop.type === "forEach" ? containsAwait(loop.callback.body) : containsAwait(loop)) return undefined;
  return loop;
}

function sameLoop(a: Loop, b: Loop): boolean {
  return a.type === "forEach" && b.type === "forEach" ? a.call === b.call : a === b;
}

/**
 * The innermost loop around `push` that lies inside the array's declaring function after its declaration: a loop
 * statement, or the callback of `xs.forEach(…)`. Crossing any other function boundary gives `undefined`.
 */
function loopAround(push: Node, declaration: Node, declaringFunction: FunctionNode | undefined): Loop | undefined {
  for (let node: Node | undefined = push.parent; node; node = node.parent) {
    if (node.range[0] <= declaration.range[0] && declaration.range[1] <= node.range[1]) return undefined;
    if (isLoopStatement(node)) return node;
    if (isFunctionNode(node)) {
      if (node === declaringFunction) return undefined;
      const call = node.parent;
      if (call?.type === "CallExpression" && call.arguments[0] === node && call.callee.type === "MemberExpression" && staticMemberName(call.callee) === "forEach") {
        return { type: "forEach", call, receiver: call.callee.object, callback: node };
      }
      return undefined;
    }
  }
  return undefined;
}

/**
 * Whether a loop runs once per item of an open-ended input: over it (`for…of`, `for…in`, `xs.forEach`), or
 * `i < xs.length` with `xs` open-ended, or `i < N` with a constant above `maxKnownSize`. A count we cannot follow
 * (`i < n`: a pool size the code chose), a number of groups (`Math.ceil(n / size)`), a capped count and `while`
 * loops are undecided, so silent.
 */
function isOpenEndedLoop(loop: Loop, isOpenEnded: (node: Node) => boolean, sourceCode: SourceCode, maxKnownSize: number): boolean {
  switch (loop.type) {
    case "forEach":
      return isOpenEnded(loop.receiver);
    case "ForOfStatement":
      return isOpenEnded(loop.right);
    case "ForInStatement": {
      const object = skipTransparentWrappers(loop.right);
      if (object.type === "ObjectExpression") return object.properties.length > maxKnownSize;
      return isOpenEnded(loop.right);
    }
    case "ForStatement": {
      const test = loop.test ? skipTransparentWrappers(loop.test) : undefined;
      if (test?.type !== "BinaryExpression" || (test.operator !== "<" && test.operator !== "<=")) return false;
      const bound = constantNumber(test.right, sourceCode);
      if (bound !== undefined) return bound > maxKnownSize;
      if (isGroupCount(test.right, sourceCode) || isCappedCount(test.right, sourceCode)) return false;
      const right = skipTransparentWrappers(test.right);
      return right.type === "MemberExpression" && staticMemberName(right) === "length" && isOpenEnded(right.object);
    }
    default:
      return false;
  }
}

/**
 * A number of groups: `Math.ceil(n / perGroup)`, directly or through a `const` — one operation per group of items
 * (a worker per `shardsPerWorker` shards), a count the author sized.
 */
function isGroupCount(node: Node, sourceCode: SourceCode, depth = 0): boolean {
  if (depth > 2 || node.type === "PrivateIdentifier") return false;
  const expression = skipTransparentWrappers(node);
  if (expression.type === "Identifier") {
    const variable = referenceOf(expression, sourceCode)?.resolved;
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition?.type !== "Variable" || !definition.node.init) return false;
    if (variable!.references.some((reference) => reference.isWrite() && !reference.init)) return false;
    return isGroupCount(definition.node.init, sourceCode, depth + 1);
  }
  if (expression.type !== "CallExpression" || expression.arguments.length !== 1) return false;
  const callee = skipTransparentWrappers(expression.callee);
  if (callee.type !== "MemberExpression" || staticMemberName(callee) !== "ceil") return false;
  const object = skipTransparentWrappers(callee.object);
  if (object.type !== "Identifier" || object.name !== "Math" || !isGlobalReference(object, sourceCode)) return false;
  const argument = skipTransparentWrappers(expression.arguments[0]!);
  return argument.type === "BinaryExpression" && argument.operator === "/";
}

function loopInputText(loop: Loop, sourceCode: SourceCode): string {
  switch (loop.type) {
    case "forEach":
      return inputText(loop.receiver, sourceCode);
    case "ForOfStatement":
    case "ForInStatement":
      return inputText(loop.right, sourceCode);
    case "ForStatement": {
      const test = loop.test ? skipTransparentWrappers(loop.test) : undefined;
      if (test?.type === "BinaryExpression") {
        const right = skipTransparentWrappers(test.right);
        if (right.type === "MemberExpression" && staticMemberName(right) === "length") return inputText(right.object, sourceCode);
        return inputText(test.right, sourceCode);
      }
      return "the input";
    }
    default:
      return loop.test ? inputText(loop.test, sourceCode) : "the input";
  }
}

/** The receiver's text for messages, shortened when long. */
function inputText(node: Node, sourceCode: SourceCode): string {
  const text = sourceCode.getText(skipTransparentWrappers(node)).replace(/\s+/g, " ");
  return text.length <= 40 ? text : `${text.slice(0, 37)}...`;
}

// ---------------------------------------------------------------------------------------------------------------
// Suggestion helpers

/** A visible `const limit = pLimit(n)` (p-limit's factory): its name. */
function existingLimiter(at: Node, sourceCode: SourceCode): string | undefined {
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(at); scope; scope = scope.upper) {
    for (const variable of scope.variables) {
      if (variable.defs.length !== 1) continue;
      const definition = variable.defs[0]!;
      if (definition.type !== "Variable" || !definition.node.init || definition.name.range[1] > at.range[0]) continue;
      if (variable.references.some((reference) => reference.isWrite() && !reference.init)) continue;
      const init = skipTransparentWrappers(definition.node.init);
      if (init.type !== "CallExpression" || !isLimiterCreation(init, sourceCode)) continue;
      const value = resolveModuleValue(init.callee, sourceCode);
      if (value?.module !== pLimitModule || findVariableByName(at, variable.name, sourceCode) !== variable) continue;
      return variable.name;
    }
  }
  return undefined;
}

/** A visible binding of p-limit's factory (`import pLimit from "p-limit"`, `const pLimit = require("p-limit")`): its name. */
function pLimitFactory(at: Node, sourceCode: SourceCode): string | undefined {
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(at); scope; scope = scope.upper) {
    for (const variable of scope.variables) {
      if (findVariableByName(at, variable.name, sourceCode) !== variable) continue;
      const value = resolveVariable(variable, sourceCode);
      if (value?.module !== pLimitModule) continue;
      if (value.path.length === 0 || (value.path.length === 1 && value.path[0] === "default")) return variable.name;
    }
  }
  return undefined;
}

/** `(x) => limit(async () => body)` for an inline mapper; `(item) => limit(() => f(item))` for a one-parameter function. */
function wrapMapper(mapper: Node, limiter: string, sourceCode: SourceCode): string | undefined {
  if (mapper.type === "ArrowFunctionExpression" || mapper.type === "FunctionExpression") {
    if (mapper.generator || mapper.typeParameters || usesOwnThisOrArguments(mapper)) return undefined;
    if (mapper.params.some((param) => isNameUsedIn(limiter, param))) return undefined;
    const params = mapper.params.map((param) => sourceCode.getText(param)).join(", ");
    const returnType = mapper.returnType ? sourceCode.getText(mapper.returnType) : "";
    const body = arrowBodyText(mapper, sourceCode);
    return `(${params}) => ${limiter}(${mapper.async ? "async " : ""}()${returnType} => ${body})`;
  }
  if (mapper.type === "Identifier") {
    const fn = functionOfIdentifier(mapper, sourceCode);
    if (!fn || fn.params.length !== 1 || fn.params[0]!.type === "RestElement") return undefined;
    const item = ["item", "value", "element"].find((name) => name !== mapper.name && name !== limiter);
    return `(${item}) => ${limiter}(() => ${mapper.name}(${item}))`;
  }
  return undefined;
}

/** The body of an arrow as written after `=>` (keeps the parentheses of `({ … })`), or of a function's block. */
function arrowBodyText(fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression, sourceCode: SourceCode): string {
  if (fn.type === "FunctionExpression" || fn.body.type === "BlockStatement") return sourceCode.getText(fn.body);
  const arrow = sourceCode.getTokenBefore(fn.body, (token) => token.value === "=>")!;
  return sourceCode.text.slice(arrow.range[1], fn.range[1]).trim();
}

/** Whether the mapper cannot see the index or array `map` passes (after chunking they would be the chunk's). */
function mapperIgnoresIndex(mapper: Node, sourceCode: SourceCode): boolean {
  const fn = mapperFunction(mapper, sourceCode);
  if (!fn) return false;
  if (fn.params.length > 1 || fn.params.some((param) => param.type === "RestElement")) return false;
  return !usesOwnThisOrArguments(fn);
}

/** An expression safe to evaluate several times: a name, `this`, or a chain of static members of those. */
function isStableExpression(node: Node): boolean {
  const expression = skipTransparentWrappers(node);
  if (expression.type === "Identifier" || expression.type === "ThisExpression") return true;
  if (expression.type === "MemberExpression" && !expression.optional) {
    return (!expression.computed || expression.property.type === "Literal") && isStableExpression(expression.object);
  }
  return false;
}

/** The statement that contains `node` directly in a statement list. */
function enclosingStatement(node: Node): TSESTree.Statement | undefined {
  for (let current: Node | undefined = node; current?.parent; current = current.parent) {
    if (statementList(current.parent)?.includes(current as TSESTree.Statement)) return current as TSESTree.Statement;
    if (isFunctionNode(current)) return undefined;
  }
  return undefined;
}

function statementList(node: Node | undefined): readonly Node[] | undefined {
  if (!node) return undefined;
  if (node.type === "Program" || node.type === "BlockStatement" || node.type === "StaticBlock") return node.body;
  if (node.type === "SwitchCase") return node.consequent;
  return undefined;
}

/** Whether `name` is free to introduce just before/around `statement`: nothing inside refers to it, nothing visible declares it. */
function isUnusedName(name: string, statement: Node, sourceCode: SourceCode): boolean {
  if (isNameUsedIn(name, statement)) return false;
  const visible = findVariableByName(statement, name, sourceCode);
  return !visible || (visible.scope.type === "global" && visible.defs.length === 0 && visible.references.length === 0);
}
