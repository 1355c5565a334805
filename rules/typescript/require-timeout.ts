/**
 * Network calls that can wait forever: a server that accepts the connection and never answers keeps the caller (and
 * whatever it holds: a request slot, a lock, a worker) until the process restarts. Flags:
 * - `fetch(url)` / `fetch(url, init)` whose init literal has no `signal` (the global `fetch`, `node-fetch`,
 *   `cross-fetch`); an init we cannot see into (a variable, a spread) is trusted;
 * - axios: default-instance requests (`axios.get(…)`, `axios(url)`, `axios.request(cfg)`…) without `timeout`,
 *   `signal` or `cancelToken`, unless the file sets `axios.defaults.timeout`; and `axios.create(cfg)` without a timeout
 *   when a request made through that instance in this file sets none (reported once, at `create`);
 * - got: the same, with `got.extend(…)` instances;
 * - undici `request`/`fetch`/`stream`/`pipeline` without `signal`/`headersTimeout`/`bodyTimeout`/`dispatcher`:
 *   undici's 300 s defaults bound them, so they are reported as relying on a library default (`allowLibraryDefaults`
 *   silences them, as in the Python rule), and not at all in a file that calls `setGlobalDispatcher`;
 * - `http(s).request`/`get` without `timeout`/`signal`/`agent` whose returned request never gets `setTimeout()`
 *   (any use of the request beyond listeners and writes is trusted).
 * Not flagged: unknown receivers, calls raced against a timeout (`Promise.race([fetch(url), …])`) or wrapped in a
 * `*timeout*` function (`pTimeout(fetch(url), …)`); `fetch` of a relative URL (`fetch("/api/cart")`: browser code
 * calling its own origin, which a runtime without a page rejects); test files (`*.test.ts`, `test/`…: the test
 * runner's timeout bounds every request; option `checkTestFiles`, see `file-role.ts`).
 *
 * Suggestion: add `signal: AbortSignal.timeout(ms)` (fetch, undici, http — `http`'s `timeout` option only emits an
 * event, a signal aborts), `timeout: ms` (axios), `timeout: { request: ms }` (got); the options object is created
 * when there is none. `ms` is the `defaultMs` option (30 000).
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { createRule } from "./create-rule.js";
import { fileRole } from "./file-role.js";
import { callValueNode } from "./awaited-call.js";
import {
  isGlobalName,
  isGlobalReference,
  referenceOf,
  resolveModuleValue,
  skipTransparentWrappers,
  staticMemberName,
  staticString,
  type ModuleValue,
} from "./imports.js";
import {
  clientRequestBoundingEvents,
  clientRequestPassiveMethods,
  fetchBoundingKeys,
  fetchGlobalObjects,
  fetchModules,
  globalDispatcherSetters,
  httpClients,
  nodeHttpBoundingKeys,
  nodeHttpModules,
  nodeHttpRequestFunctions,
  racingPromiseStatics,
  timeoutWrapperName,
  undiciBoundingKeys,
  undiciCalls,
  undiciDefaultTimeout,
  type HttpClient,
  type OptionsPosition,
  type TimeoutOption,
} from "./knowledge.js";
import { addProperty, appendArguments, objectLiteralKeys } from "./object-literal.js";
import { isStringLike, typeInfo } from "./type-info.js";

export type MessageIds =
  | "fetchWithoutSignal"
  | "clientWithoutTimeout"
  | "instanceWithoutTimeout"
  | "libraryDefaultTimeout"
  | "httpWithoutTimeout"
  | "addSignal"
  | "addTimeout";

export type Options = [{ defaultMs?: number; allowLibraryDefaults?: boolean; defaultSeconds?: number; checkTestFiles?: boolean }];

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;
type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;
type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

/** Where a call's options are, as far as the code shows. */
type OptionsArgument =
  | { readonly kind: "absent"; readonly missing: number }
  | { readonly kind: "literal"; readonly node: TSESTree.ObjectExpression; readonly keys: ReadonlySet<string> }
  | { readonly kind: "unknown" };

export default createRule<Options, MessageIds>({
  name: "require-timeout",
  meta: {
    type: "problem",
    docs: {
      description: "Require network calls to have a timeout so they cannot hang forever",
      recommended: true,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          defaultMs: {
            type: "number",
            minimum: 0,
            exclusiveMinimum: true,
            description: "The limit, in milliseconds, that suggestions write.",
          },
          allowLibraryDefaults: {
            type: "boolean",
            description: "Do not report requests bounded only by a library's implicit default (undici's 300-second timeouts).",
          },
          defaultSeconds: {
            type: "number",
            minimum: 0,
            exclusiveMinimum: true,
            description: "The Python rule's limit in seconds; used when 'defaultMs' is not given.",
          },
          checkTestFiles: { type: "boolean", description: "Also report in test files and test directories (default false)." },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      fetchWithoutSignal:
        "'{{name}}()' has no 'signal': if the server stops answering, the request and its caller wait forever. Pass 'signal: AbortSignal.timeout(ms)'.",
      clientWithoutTimeout:
        "'{{name}}()' has no timeout and {{client}} sets none by default: if the server stops answering, the request waits forever.",
      instanceWithoutTimeout:
        "'{{name}}()' creates an instance without a timeout, and requests made through it in this file set none: {{client}} has no default timeout, so they can wait forever.",
      libraryDefaultTimeout:
        "'{{name}}()' relies on undici's {{default}} default timeouts; bound it with 'signal: AbortSignal.timeout(ms)' (or 'headersTimeout'/'bodyTimeout').",
      httpWithoutTimeout:
        "'{{name}}()' has no timeout and the request it returns never gets 'setTimeout()': Node's HTTP client waits forever by default.",
      addSignal: "Add 'signal: AbortSignal.timeout({{ms}})'.",
      addTimeout: "Add '{{property}}'.",
    },
  },
  defaultOptions: [{ allowLibraryDefaults: false, checkTestFiles: false }],
  create(context, [options]) {
    const { sourceCode } = context;
    const role = fileRole(context);
    if (role.neverRuns || (role.test && !options.checkTestFiles)) return {};
    const milliseconds = options.defaultMs ?? (options.defaultSeconds !== undefined ? options.defaultSeconds * 1000 : 30_000);
    const msText = formatMilliseconds(milliseconds);
    const allowLibraryDefaults = options.allowLibraryDefaults ?? false;

    /** Findings wait for the whole file: `axios.defaults.timeout = …` or `setGlobalDispatcher` may come later. */
    const pending: { client?: HttpClient; undici?: boolean; report: () => void }[] = [];
    const defaultsBounded = new Set<HttpClient>();
    let dispatcherConfigured = false;

    function propertyText(option: TimeoutOption): string {
      switch (option) {
        case "signal":
          return `signal: AbortSignal.timeout(${msText})`;
        case "timeout-number":
          return `timeout: ${msText}`;
        case "timeout-request":
          return `timeout: { request: ${msText} }`;
      }
    }

    /** The suggestion adding the bounding option to the options literal, or a new options argument. */
    function suggestions(call: TSESTree.CallExpression, argument: OptionsArgument, option: TimeoutOption): Suggestion[] {
      if (argument.kind === "unknown") return [];
      if (option === "signal" && !isGlobalName(call, "AbortSignal", sourceCode)) return [];
      const property = propertyText(option);
      const descriptor =
        option === "signal"
          ? { messageId: "addSignal" as const, data: { ms: msText } }
          : { messageId: "addTimeout" as const, data: { property } };
      if (argument.kind === "literal") {
        return [{ ...descriptor, fix: (fixer) => addProperty(fixer, argument.node, property, sourceCode) }];
      }
      if (call.arguments.length === 0 && argument.missing > 0) return [];
      const fillers = "undefined, ".repeat(argument.missing);
      return [{ ...descriptor, fix: (fixer) => appendArguments(fixer, call, `${fillers}{ ${property} }`, sourceCode) }];
    }

    // ------------------------------------------------------------------------------------------ fetch and undici

    /** `kind`: the global `fetch` (undici's global dispatcher in Node), a fetch module, or undici's own API. */
    function checkFetch(call: TSESTree.CallExpression, name: string, boundingKeys: ReadonlySet<string>, kind: "global" | "module" | "undici"): void {
      const argument = optionsArgument(call, { index: 1 });
      if (!isUnbounded(argument, boundingKeys) || isRaced(call, sourceCode) || requestCarriesSignal(call, context)) return;
      const suggest = suggestions(call, argument, "signal");
      if (kind === "undici") {
        if (allowLibraryDefaults) return;
        pending.push({
          undici: true,
          report: () =>
            context.report({ node: call, messageId: "libraryDefaultTimeout", data: { name, default: undiciDefaultTimeout }, suggest }),
        });
        return;
      }
      pending.push({
        undici: kind === "global",
        report: () => context.report({ node: call, messageId: "fetchWithoutSignal", data: { name }, suggest }),
      });
    }

    // ------------------------------------------------------------------------------------------ axios, got

    function checkClientCall(call: TSESTree.CallExpression, client: HttpClient, position: OptionsPosition, name: string): void {
      const argument = optionsArgument(call, position);
      if (!isUnbounded(argument, client.boundingKeys) || isRaced(call, sourceCode)) return;
      pending.push({
        client,
        report: () =>
          context.report({
            node: call,
            messageId: "clientWithoutTimeout",
            data: { name, client: client.label },
            suggest: suggestions(call, argument, client.suggestion),
          }),
      });
    }

    function checkInstanceFactory(call: TSESTree.CallExpression, client: HttpClient, name: string): void {
      const argument = optionsArgument(call, { index: 0 });
      if (!isUnbounded(argument, client.boundingKeys)) return;
      const uses = instanceUses(call, sourceCode);
      if (!uses || !instanceHasUnboundedRequest(uses, client)) return;
      // `axios.create()` merges `axios.defaults`: a default timeout set in this file bounds instances too.
      pending.push({
        client,
        report: () =>
          context.report({
            node: call,
            messageId: "instanceWithoutTimeout",
            data: { name, client: client.label },
            suggest: suggestions(call, argument, client.suggestion),
          }),
      });
    }

    /** Whether a request through the instance sets no bound, and nothing in the file configures the instance. */
    function instanceHasUnboundedRequest(uses: readonly Node[], client: HttpClient): boolean {
      let unbounded = false;
      for (const use of uses) {
        const parent = use.parent!;
        if (parent.type === "MemberExpression" && parent.object === use) {
          const member = staticMemberName(parent);
          if (member === undefined) return false;
          if (isBoundingDefaultsWrite(parent, client) || isConfiguringUse(parent, member, client, sourceCode)) return false;
          const position = client.methods.get(member);
          const call = parent.parent;
          if (position && call?.type === "CallExpression" && call.callee === parent) {
            const argument = optionsArgument(call, position);
            if (isUnbounded(argument, client.boundingKeys) && !isRaced(call, sourceCode)) unbounded = true;
          }
          continue;
        }
        if (parent.type === "CallExpression" && parent.callee === use) {
          if (!client.callable) continue;
          const argument = optionsArgument(parent, client.callable);
          if (isUnbounded(argument, client.boundingKeys) && !isRaced(parent, sourceCode)) unbounded = true;
          continue;
        }
        // Handed to other code, which may configure it.
        if (parent.type === "CallExpression" || parent.type === "NewExpression" || parent.type === "AssignmentExpression") return false;
      }
      return unbounded;
    }

    /** `X.defaults.timeout = …` for clients that have such a default (axios); `X.defaults = …` is `isConfiguringUse`. */
    function isBoundingDefaultsWrite(member: TSESTree.MemberExpression, client: HttpClient): boolean {
      const path = client.defaultsTimeoutPath;
      if (!path || staticMemberName(member) !== path[0]) return false;
      let node: Node = member;
      for (const segment of path.slice(1)) {
        const parent: Node | undefined = node.parent;
        if (parent?.type === "AssignmentExpression" && parent.left === node) return true;
        if (parent?.type !== "MemberExpression" || parent.object !== node || staticMemberName(parent) !== segment) return false;
        node = parent;
      }
      return node.parent?.type === "AssignmentExpression" && node.parent.left === node;
    }

    // ------------------------------------------------------------------------------------------ http(s)

    function checkNodeHttp(call: TSESTree.CallExpression, name: string): void {
      const shape = nodeHttpShape(call, context);
      if (!shape) return;
      if (shape.options && [...nodeHttpBoundingKeys].some((key) => shape.options!.keys.has(key))) return;
      if (requestGetsBounded(call, sourceCode) || callbackBoundsResponse(call)) return;
      const argument: OptionsArgument = shape.options
        ? { kind: "literal", node: shape.options.node, keys: shape.options.keys }
        : { kind: "absent", missing: 0 };
      let suggest: Suggestion[] = [];
      if (isGlobalName(call, "AbortSignal", sourceCode)) {
        if (argument.kind === "literal") {
          suggest = suggestions(call, argument, "signal");
        } else {
          const url = call.arguments[0]!;
          const property = propertyText("signal");
          suggest = [
            {
              messageId: "addSignal",
              data: { ms: msText },
              fix: (fixer) => fixer.insertTextAfter(url, `, { ${property} }`),
            },
          ];
        }
      }
      pending.push({ report: () => context.report({ node: call, messageId: "httpWithoutTimeout", data: { name }, suggest }) });
    }

    // ------------------------------------------------------------------------------------------ dispatch

    function classify(call: TSESTree.CallExpression): void {
      // The page's own origin, or this machine: not a network peer that can go silent.
      if (call.arguments[0] && isLocalPeerUrl(call.arguments[0], sourceCode)) return;
      const callee = skipTransparentWrappers(call.callee);
      if (isGlobalFetch(callee, sourceCode)) {
        checkFetch(call, "fetch", fetchBoundingKeys, "global");
        return;
      }
      const value = normalise(resolveModuleValue(callee, sourceCode));
      if (!value) return;
      const name = value.path.join(".");
      const fetchModule = fetchModules.get(value.module);
      if (fetchModule && fetchModule.exports.has(name)) {
        checkFetch(call, "fetch", fetchModule.boundingKeys, "module");
        return;
      }
      if (value.module === "undici" && value.path.length === 1) {
        if (undiciCalls.has(name)) checkFetch(call, `undici.${name}`, undiciBoundingKeys, "undici");
        if (globalDispatcherSetters.get("undici")?.has(name)) dispatcherConfigured = true;
        return;
      }
      if (nodeHttpModules.has(value.module) && value.path.length === 1 && nodeHttpRequestFunctions.has(name)) {
        checkNodeHttp(call, `${value.module}.${name}`);
        return;
      }
      const client = httpClients.find((candidate) => candidate.modules.includes(value.module));
      if (!client) return;
      if (value.path.length === 0) {
        if (client.callable) checkClientCall(call, client, client.callable, client.label);
      } else if (value.path.length === 1) {
        const position = client.methods.get(name);
        if (position) checkClientCall(call, client, position, `${client.label}.${name}`);
        else if (client.instanceFactories.has(name)) checkInstanceFactory(call, client, `${client.label}.${name}`);
      }
    }

    return {
      CallExpression: classify,
      MemberExpression(member) {
        // `axios.defaults.timeout = …` and `axios.interceptors…` on the default instance, anywhere in the file.
        const value = normalise(resolveModuleValue(member.object, sourceCode));
        if (!value || value.path.length !== 0) return;
        const client = httpClients.find((candidate) => candidate.modules.includes(value.module));
        const name = staticMemberName(member);
        if (!client || name === undefined) return;
        if (isBoundingDefaultsWrite(member, client) || isConfiguringUse(member, name, client, sourceCode)) defaultsBounded.add(client);
      },
      "Program:exit"() {
        for (const finding of pending) {
          if (finding.client && defaultsBounded.has(finding.client)) continue;
          if (finding.undici && dispatcherConfigured) continue;
          finding.report();
        }
      },
    };
  },
});

// ---------------------------------------------------------------------------------------------------------------
// Helpers

/** `30000` → `30_000`: integers of five digits or more get separators. */
function formatMilliseconds(ms: number): string {
  if (!Number.isInteger(ms) || ms < 10_000) return String(ms);
  return String(ms).replace(/\B(?=(\d{3})+$)/g, "_");
}

/** Drops a leading `default` (`require("axios").default`, `import { default as x }`). */
function normalise(value: ModuleValue | undefined): ModuleValue | undefined {
  if (!value) return undefined;
  return value.path[0] === "default" ? { module: value.module, path: value.path.slice(1) } : value;
}

/** `fetch`, `globalThis.fetch`, `window.fetch`, `self.fetch`, with the globals (no local binding of those names). */
function isGlobalFetch(callee: Node, sourceCode: SourceCode): boolean {
  if (callee.type === "Identifier") return callee.name === "fetch" && isGlobalReference(callee, sourceCode);
  if (callee.type !== "MemberExpression" || staticMemberName(callee) !== "fetch") return false;
  const object = skipTransparentWrappers(callee.object);
  return object.type === "Identifier" && fetchGlobalObjects.has(object.name) && isGlobalReference(object, sourceCode);
}

/** The options argument of a call per its position. */
function optionsArgument(call: TSESTree.CallExpression, position: OptionsPosition): OptionsArgument {
  const args = call.arguments;
  if (args.some((argument) => argument.type === "SpreadElement")) return { kind: "unknown" };
  const first = args[0] ? skipTransparentWrappers(args[0]) : undefined;
  const candidate = position.configFirst && first?.type === "ObjectExpression" ? first : args[position.index];
  if (!candidate) return { kind: "absent", missing: Math.max(0, position.index - args.length) };
  const node = skipTransparentWrappers(candidate);
  if (node.type === "Identifier" && node.name === "undefined") return { kind: "unknown" };
  const keys = objectLiteralKeys(node);
  return keys && node.type === "ObjectExpression" ? { kind: "literal", node, keys } : { kind: "unknown" };
}

function isUnbounded(argument: OptionsArgument, boundingKeys: ReadonlySet<string>): boolean {
  if (argument.kind === "unknown") return false;
  if (argument.kind === "absent") return true;
  return ![...boundingKeys].some((key) => argument.keys.has(key));
}

/**
 * The call's promise is bounded where it is used: raced (`Promise.race([fetch(url), timeout])`) or handed to a
 * function named like a timeout wrapper (`pTimeout(fetch(url), …)`), possibly after `.then(…)`/`.catch(…)`.
 */
function isRaced(call: TSESTree.CallExpression, sourceCode: SourceCode): boolean {
  let node: Node = callValueNode(call);
  for (;;) {
    const parent = node.parent;
    if (!parent) return false;
    if (
      parent.type === "MemberExpression" &&
      parent.object === node &&
      ["then", "catch", "finally"].includes(staticMemberName(parent) ?? "") &&
      parent.parent?.type === "CallExpression" &&
      parent.parent.callee === parent
    ) {
      node = callValueNode(parent.parent);
      continue;
    }
    if (parent.type === "TSAsExpression" || parent.type === "TSNonNullExpression" || parent.type === "TSSatisfiesExpression") {
      node = parent;
      continue;
    }
    break;
  }
  const parent = node.parent;
  if (parent?.type === "ArrayExpression" && parent.elements.length > 1) {
    const outer = parent.parent;
    if (outer?.type === "CallExpression" && outer.arguments[0] === parent) {
      const callee = skipTransparentWrappers(outer.callee);
      if (callee.type === "MemberExpression" && racingPromiseStatics.has(staticMemberName(callee) ?? "")) {
        const object = skipTransparentWrappers(callee.object);
        if (object.type === "Identifier" && object.name === "Promise" && isGlobalReference(object, sourceCode)) return true;
      }
    }
  }
  if (parent?.type === "CallExpression" && parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
    const callee = skipTransparentWrappers(parent.callee);
    const name = callee.type === "Identifier" ? callee.name : callee.type === "MemberExpression" ? staticMemberName(callee) : undefined;
    if (name !== undefined && timeoutWrapperName.test(name)) return true;
  }
  return false;
}

/** `fetch(request)` where the first argument may be a `Request` carrying its own signal. */
function requestCarriesSignal(call: TSESTree.CallExpression, context: Context): boolean {
  const first = call.arguments[0];
  if (!first) return false;
  const node = skipTransparentWrappers(first);
  if (staticString(node) !== undefined || node.type === "TemplateLiteral" || node.type === "BinaryExpression") return false;
  if (node.type === "NewExpression") {
    const callee = skipTransparentWrappers(node.callee);
    if (callee.type !== "Identifier" || callee.name !== "Request") return false;
    const init = node.arguments[1];
    if (!init) return false;
    const keys = objectLiteralKeys(init);
    return !keys || keys.has("signal");
  }
  const types = typeInfo(context);
  if (types) {
    const type = types.typeOf(node);
    const parts = type.isUnion() ? type.types : [type];
    return parts.some((part) => part.getProperty("signal") !== undefined);
  }
  const name = node.type === "Identifier" ? node.name : node.type === "MemberExpression" ? staticMemberName(node) : undefined;
  return name !== undefined && /^req$|request$/i.test(name);
}

/** Uses of an instance created by a factory call: references of the `const`/`let`, or `this.x` in its class. */
function instanceUses(call: TSESTree.CallExpression, sourceCode: SourceCode): Node[] | undefined {
  const holder = callValueNode(call).parent;
  if (holder?.type === "VariableDeclarator" && holder.id.type === "Identifier" && holder.init === callValueNode(call)) {
    const variable = sourceCode.getDeclaredVariables(holder).find((candidate) => candidate.name === (holder.id as TSESTree.Identifier).name);
    if (!variable || variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
    return variable.references.filter((reference) => reference.isRead()).map((reference) => reference.identifier);
  }
  const slot = classSlot(callValueNode(call));
  if (!slot) return undefined;
  const uses: Node[] = [];
  let writes = 0;
  visit(slot.classBody, (node) => {
    if (node.type !== "MemberExpression" || node.object.type !== "ThisExpression" || memberKey(node) !== slot.key) return;
    if (node.parent?.type === "AssignmentExpression" && node.parent.left === node) writes++;
    else uses.push(node);
  });
  return writes <= slot.ownWrites ? uses : undefined;
}

/** `x = factory()` as a class field, or `this.x = factory()` in a class: the class body and the key. */
function classSlot(value: Node): { classBody: TSESTree.ClassBody; key: string; ownWrites: number } | undefined {
  const parent = value.parent;
  if (parent?.type === "PropertyDefinition" && parent.value === value && !parent.computed && !parent.static) {
    const key = parent.key.type === "Identifier" ? parent.key.name : parent.key.type === "PrivateIdentifier" ? `#${parent.key.name}` : undefined;
    return key === undefined ? undefined : { classBody: parent.parent, key, ownWrites: 0 };
  }
  if (parent?.type === "AssignmentExpression" && parent.right === value && parent.left.type === "MemberExpression") {
    const left = parent.left;
    const key = memberKey(left);
    if (left.object.type !== "ThisExpression" || key === undefined) return undefined;
    for (let node: Node | undefined = parent.parent; node; node = node.parent) {
      if (node.type === "FunctionExpression" && node.parent?.type === "MethodDefinition") {
        return { classBody: node.parent.parent, key, ownWrites: 1 };
      }
      if (node.type === "FunctionDeclaration" || node.type === "FunctionExpression") return undefined;
    }
  }
  return undefined;
}

function memberKey(member: TSESTree.MemberExpression): string | undefined {
  if (member.property.type === "PrivateIdentifier") return `#${member.property.name}`;
  return staticMemberName(member);
}

function visit(node: Node, callback: (node: Node) => void): void {
  callback(node);
  for (const [key, value] of Object.entries(node)) {
    if (key === "parent" || value === null || typeof value !== "object") continue;
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof item === "object" && typeof item.type === "string") visit(item as Node, callback);
    } else if (typeof (value as { type?: unknown }).type === "string") {
      visit(value as Node, callback);
    }
  }
}

/**
 * Uses that may configure requests where we cannot see: `X.interceptors.request.use(fn)` whose function mentions
 * `timeout` or `signal` (or is not inline), and `X.defaults = …`.
 */
function isConfiguringUse(member: TSESTree.MemberExpression, name: string, client: HttpClient, sourceCode: SourceCode): boolean {
  if (name === "defaults" && member.parent?.type === "AssignmentExpression" && member.parent.left === member) return true;
  if (!client.configuringMembers?.has(name)) return false;
  // Find the interceptor registration call and look at its functions.
  let node: Node = member;
  while (node.parent?.type === "MemberExpression" && node.parent.object === node) node = node.parent;
  const call = node.parent;
  if (call?.type !== "CallExpression" || call.callee !== node) return true;
  return call.arguments.some((argument) => {
    if (argument.type !== "ArrowFunctionExpression" && argument.type !== "FunctionExpression") return true;
    return /\b(timeout|signal)\b/.test(sourceCode.getText(argument));
  });
}

/** The arguments of `http.request`/`http.get`, when each is recognisably a URL, an options literal or a callback. */
function nodeHttpShape(
  call: TSESTree.CallExpression,
  context: Context,
): { options: { node: TSESTree.ObjectExpression; keys: ReadonlySet<string> } | undefined } | undefined {
  const args = call.arguments.map((argument) => skipTransparentWrappers(argument));
  if (args.length === 0 || args.length > 3 || args.some((argument) => argument.type === "SpreadElement")) return undefined;
  let options: { node: TSESTree.ObjectExpression; keys: ReadonlySet<string> } | undefined;
  const [first, second, third] = args;
  if (first!.type === "ObjectExpression") {
    const keys = objectLiteralKeys(first!);
    if (!keys) return undefined;
    options = { node: first as TSESTree.ObjectExpression, keys };
  } else if (!isUrlLike(first!, context)) {
    return undefined;
  }
  if (first!.type === "ObjectExpression") {
    // `request(options[, callback])`: whatever follows the options is the callback.
    if (third) return undefined;
  } else if (second) {
    if (second.type === "ObjectExpression") {
      const keys = objectLiteralKeys(second);
      if (!keys) return undefined;
      options = { node: second, keys };
    } else if (!isFunctionLike(second, context)) {
      return undefined;
    }
  }
  if (third && (second?.type !== "ObjectExpression" || !isFunctionLike(third, context))) return undefined;
  return { options };
}

function isUrlLike(node: Node, context: Context): boolean {
  if (staticString(node) !== undefined || node.type === "TemplateLiteral") return true;
  if (node.type === "BinaryExpression" && node.operator === "+") return true;
  if (node.type === "NewExpression" && node.callee.type === "Identifier" && node.callee.name === "URL") return true;
  const types = typeInfo(context);
  if (types) {
    const type = types.typeOf(node);
    return isStringLike(type) || type.getProperty("href") !== undefined;
  }
  const name = node.type === "Identifier" ? node.name : node.type === "MemberExpression" ? staticMemberName(node) : undefined;
  return name !== undefined && /(url|uri|href|endpoint)$/i.test(name);
}

function isFunctionLike(node: Node, context: Context): boolean {
  if (node.type === "ArrowFunctionExpression" || node.type === "FunctionExpression") return true;
  if (node.type !== "Identifier") return false;
  const types = typeInfo(context);
  if (types) return types.typeOf(node).getCallSignatures().length > 0;
  const variable = referenceOf(node, context.sourceCode)?.resolved;
  const definition = variable?.defs[0];
  if (!definition || variable!.defs.length !== 1) return false;
  if (definition.type === "FunctionName") return true;
  return (
    definition.type === "Variable" &&
    (definition.node.init?.type === "ArrowFunctionExpression" || definition.node.init?.type === "FunctionExpression")
  );
}

/** A response callback that bounds the response itself: it calls `.setTimeout(…)` or `.destroy(…)` on something. */
function callbackBoundsResponse(call: TSESTree.CallExpression): boolean {
  return call.arguments.some((argument) => {
    if (argument.type !== "ArrowFunctionExpression" && argument.type !== "FunctionExpression") return false;
    let found = false;
    visit(argument.body, (node) => {
      if (node.type === "CallExpression" && node.callee.type === "MemberExpression") {
        const name = staticMemberName(node.callee);
        if (name === "setTimeout" || name === "destroy" || name === "abort") found = true;
      }
    });
    return found;
  });
}

/**
 * Whether the `ClientRequest` returned by the call is (or may be) bounded: `.setTimeout(…)` in its chain, or any use
 * of it beyond listeners and writes. Discarded, or used only passively: not bounded.
 */
function requestGetsBounded(call: TSESTree.CallExpression, sourceCode: SourceCode): boolean {
  let node: Node = callValueNode(call);
  for (;;) {
    const result = passiveMemberCall(node);
    if (result === "bounding") return true;
    if (!result) break;
    node = result;
  }
  const parent = node.parent;
  if (parent?.type === "ExpressionStatement") return false;
  if (parent?.type === "VariableDeclarator" && parent.init === node && parent.id.type === "Identifier") {
    const variable = sourceCode.getDeclaredVariables(parent).find((candidate) => candidate.name === (parent.id as TSESTree.Identifier).name);
    if (!variable) return true;
    for (const reference of variable.references) {
      if (reference.init) continue;
      if (!reference.isRead() || reference.isWrite()) return true;
      let use: Node = reference.identifier;
      for (;;) {
        const result = passiveMemberCall(use);
        if (result === "bounding") return true;
        if (!result) break;
        use = result;
      }
      if (use === reference.identifier) return true;
      if (use.parent?.type !== "ExpressionStatement") return true;
    }
    return false;
  }
  return true;
}

/** `node.on("response", …)`-style passive calls: the call (to continue the chain), `"bounding"`, or `undefined`. */
function passiveMemberCall(node: Node): Node | "bounding" | undefined {
  const member = node.parent;
  if (member?.type !== "MemberExpression" || member.object !== node) return undefined;
  const call = member.parent;
  if (call?.type !== "CallExpression" || call.callee !== member) return "bounding";
  const name = staticMemberName(member);
  if (name === undefined || !clientRequestPassiveMethods.has(name)) return "bounding";
  const event = call.arguments[0] ? staticString(call.arguments[0]) : undefined;
  if (event !== undefined && clientRequestBoundingEvents.has(event)) return "bounding";
  return callValueNode(call);
}

/**
 * A URL whose peer is the program's own side: relative to the page (`"/api/cart"`, `` `/api/orders/${id}` ``,
 * `"./data.json"`, `"?page=2"`, not `"//host"`: only a page has a base URL for it, so this is browser code talking
 * to its own origin; Node's and Deno's `fetch` reject a relative URL), or on this machine
 * (`` `http://localhost:${port}/` ``, `"http://127.0.0.1:3000"`, `[::1]`, `0.0.0.0`: the program's own server or a
 * sidecar, as the Python rule judges it). Directly, through a `const`, or as both branches of a conditional.
 */
function isLocalPeerUrl(node: Node, sourceCode: SourceCode, depth = 0): boolean {
  if (depth > 4 || node.type === "SpreadElement") return false;
  const expression = skipTransparentWrappers(node);
  let start: string | undefined;
  if (expression.type === "Literal" && typeof expression.value === "string") start = expression.value;
  else if (expression.type === "TemplateLiteral") start = expression.quasis[0]?.value.cooked ?? undefined;
  if (start !== undefined) return /^(?:\/(?!\/)|\.\.?\/|\?|https?:\/\/(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)(?=[:/?#]|$))/iu.test(start);
  if (expression.type === "ConditionalExpression") {
    return isLocalPeerUrl(expression.consequent, sourceCode, depth + 1) && isLocalPeerUrl(expression.alternate, sourceCode, depth + 1);
  }
  if (expression.type === "Identifier") {
    const variable = referenceOf(expression, sourceCode)?.resolved;
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition?.type !== "Variable" || definition.node.id.type !== "Identifier" || !definition.node.init) return false;
    if (variable!.references.some((reference) => reference.isWrite() && !reference.init)) return false;
    return isLocalPeerUrl(definition.node.init, sourceCode, depth + 1);
  }
  return false;
}
