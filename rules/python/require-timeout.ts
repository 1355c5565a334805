/**
 * Network calls that can hang: aiohttp/httpx clients and requests whose timeout is disabled, aiohttp requests that
 * rely only on aiohttp's implicit 5-minute default, and `asyncio.open_connection()` streams (and reads on them)
 * with no limit at all — unless a timeout scope (`asyncio.timeout`, `wait_for`) bounds them.
 * Suggestions add a timeout of `defaultSeconds` where it belongs.
 */
import type { RuleTextEdit, RuleTextEditor } from "@eslint/core";
import { appendArgument, argumentFor, callArguments, isNone, setKeywordArgument, type CallArguments } from "./call-arguments.js";
import { createPythonRule } from "./create-rule.js";
import { ensureImport, moduleNameStatus } from "./edits.js";
import {
  loopbackHost, networkClients, networkFunctions, requestUrlPositions, streamReaderWaits, timeoutClasses, type NetworkClient, type NetworkFunction,
} from "./knowledge.js";
import { objectsOf } from "./library-objects.js";
import type { PyNode } from "./parser.js";
import { calleeNameAmong, calleeNameOf, lastPartsOf } from "./resolved-name.js";
import type { PythonSourceCode } from "./source-code.js";
import { childByField, methodCallOf, textOf } from "./syntax.js";
import { isTestModule } from "./test-modules.js";
import { isTimeBounded } from "./timeout-context.js";
import { valueLeaves, type ValueLeaf } from "./value-origins.js";

const NETWORK_CALL_LAST_PARTS = lastPartsOf([...networkClients.keys(), ...networkFunctions.keys()]);

/** One options object for both languages' `require-timeout` (the plugin dispatches one id by language). */
type Options = [{ defaultSeconds?: number; defaultMs?: number; allowLibraryDefaults?: boolean }];
type MessageIds =
  | "requestDefaultTimeout"
  | "requestTimeoutDisabled"
  | "clientTimeoutDisabled"
  | "unboundedConnection"
  | "unboundedRead"
  | "addRequestTimeout"
  | "addSessionTimeout"
  | "setTimeout"
  | "wrapInWaitFor";

/**
 * What a timeout amounts to. "default": the library's own implicit limit (aiohttp: 5 minutes). "disabled": none,
 * the call can wait forever. "bounded": a limit we can see or cannot judge (a variable, a number…).
 */
type TimeoutState = { readonly state: "bounded" | "default" } | { readonly state: "disabled"; readonly how: string; readonly node: PyNode };

/** Method names worth resolving a receiver for: requests of known clients and stream reads. */
const judgedMethods = new Set([...[...networkClients.values()].flatMap((client) => [...client.requestMethods]), ...streamReaderWaits]);

/** Sessions and streams are judged by how this code created them: an annotated parameter or `self.x` is unknown. */
const CREATED_IN_SIGHT = { declarations: false } as const;

const BOUNDED: TimeoutState = { state: "bounded" };
const DEFAULT: TimeoutState = { state: "default" };

/** Whether a timeout-object field is unset or `None` (no limit), by keyword or position, with httpx's fallback. */
function fieldIsUnlimited(args: CallArguments, positional: readonly string[], field: string, fallback: string | undefined): boolean | "unknown" {
  const value = argumentFor(args, positional.indexOf(field), field);
  if (value === "unknown") return "unknown";
  if (value) return isNone(value);
  if (fallback && fallback !== field) return fieldIsUnlimited(args, positional, fallback, undefined);
  return true;
}

/** What a `timeout=` value means; `none` says what a literal `None` means at this place. */
function timeoutStateOf(value: PyNode, none: "default" | "disabled", source: string, depth = 0): TimeoutState {
  if (isNone(value)) return none === "default" ? DEFAULT : { state: "disabled", how: "'timeout=None'", node: value };
  if (value.type === "call") {
    const name = calleeNameOf(value, source);
    const timeoutClass = name === undefined ? undefined : timeoutClasses.get(name);
    const args = callArguments(value, source);
    if (!timeoutClass || !args) return BOUNDED;
    const unlimited = timeoutClass.hangBounds.map((field) => fieldIsUnlimited(args, timeoutClass.positional, field, timeoutClass.fallback));
    if (unlimited.every((flag) => flag === true)) {
      return { state: "disabled", how: `'${textOf(value, source).replace(/\s+/gu, " ")}' sets no ${timeoutClass.hangBounds.map((field) => `'${field}'`).join(" or ")} limit`, node: value };
    }
    return BOUNDED;
  }
  if (value.type === "identifier" && depth < 3) {
    // `TIMEOUT = aiohttp.ClientTimeout(total=None)` at module level, used by name.
    const leaves = valueLeaves(value, source);
    if (!leaves || leaves.length === 0 || leaves.some((leaf) => leaf.kind !== "expression")) return BOUNDED;
    const states = leaves.map((leaf) => timeoutStateOf((leaf as Extract<ValueLeaf, { kind: "expression" }>).node, none, source, depth + 1));
    if (states.every((state) => state.state === "disabled")) return states[0]!;
    return states.every((state) => state.state === "default") ? DEFAULT : BOUNDED;
  }
  return BOUNDED;
}

/** The host a URL string literal names (`"http://localhost:8080/x"`, `f"http://127.0.0.1:{port}/"` → the host). */
function literalUrlHost(node: PyNode, source: string): string | undefined {
  if (node.type !== "string") return undefined;
  const text = textOf(node, source);
  const opening = /^([a-zA-Z]*)("""|'''|"|')/u.exec(text);
  if (!opening) return undefined;
  let body = text.slice(opening[0].length, Math.max(opening[0].length, text.length - opening[2]!.length));
  if (/f/iu.test(opening[1]!)) body = body.split("{")[0]!; // an f-string: only the text before the first field is known
  return /^(?:https?|wss?):\/\/(\[[^\]]*\]|[^/:?#{]*)(?=[/:?#]|$)/iu.exec(body)?.[1];
}

/** Whether every value `expression` can have is a string naming this machine: a loopback URL, or a host name. */
function isLoopback(expression: PyNode, kind: "url" | "host", source: string): boolean {
  const leaves = valueLeaves(expression, source);
  return (
    leaves !== undefined &&
    leaves.length > 0 &&
    leaves.every((leaf) => {
      if (leaf.kind !== "expression") return false;
      let node = leaf.node;
      // `yarl.URL("http://localhost/")`
      if (kind === "url" && node.type === "call" && /^(?:yarl\.)?URL$/u.test(calleeNameOf(node, source) ?? "")) {
        const first = callArguments(node, source)?.positional[0];
        if (!first) return false;
        node = first;
      }
      const host = kind === "url" ? literalUrlHost(node, source) : node.type === "string" ? textOf(node, source).replace(/^[a-zA-Z]*(["']{1,3})(.*)\1$/su, "$2") : undefined;
      return host !== undefined && loopbackHost.test(host);
    })
  );
}

/**
 * Whether a call's peer is this machine (a loopback URL or host, or `open_connection(port=p)` with no host), or —
 * for `connect` — whether it connects nothing at all (`open_connection(sock=s)` wraps a connected socket).
 */
function isLocalPeer(call: PyNode, fn: NetworkFunction, connect: boolean, source: string): boolean {
  const args = callArguments(call, source);
  if (!args) return false;
  // A connected socket handed over: nothing is connected here, and the peer is whatever the socket is connected to.
  if (fn.connectedSocketKeyword !== undefined && args.keywords.has(fn.connectedSocketKeyword)) return connect;
  if (!fn.peer) return false;
  const peer = argumentFor(args, fn.peer.position, fn.peer.keyword);
  if (peer === "unknown") return false;
  if (peer === undefined || isNone(peer)) return fn.peer.kind === "host" && !args.hasSplat; // no host: the local one
  return isLoopback(peer, fn.peer.kind, source);
}

/** The timeout a client constructor call (`aiohttp.ClientSession(...)`, `httpx.AsyncClient(...)`) sets. */
function constructorTimeout(creation: PyNode, client: NetworkClient, source: string): TimeoutState {
  const args = callArguments(creation, source);
  if (!args) return BOUNDED;
  const value = args.keywords.get(client.timeoutKeyword);
  if (value) return timeoutStateOf(value, client.constructorNone, source);
  if (args.hasSplat) return BOUNDED;
  return client.reportDefault ? DEFAULT : BOUNDED;
}

export default createPythonRule<MessageIds, Options>({
  name: "require-timeout",
  meta: {
    type: "problem",
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          defaultSeconds: {
            type: "number",
            minimum: 0,
            exclusiveMinimum: true,
            description: "The limit, in seconds, that suggestions write (default 30).",
          },
          defaultMs: {
            type: "number",
            minimum: 0,
            exclusiveMinimum: true,
            description: "The TypeScript rule's limit in milliseconds; used (÷1000) when 'defaultSeconds' is not given.",
          },
          allowLibraryDefaults: {
            type: "boolean",
            description: "Do not report requests bounded only by a library's implicit default (aiohttp's 5-minute total).",
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      requestDefaultTimeout:
        "'{{call}}()' has no explicit timeout, nor has its session: only aiohttp's implicit 5-minute total limit stops it. Set 'timeout=' on the request or the session.",
      requestTimeoutDisabled: "'{{call}}()' can hang forever: {{how}} disables the request's timeout.",
      clientTimeoutDisabled: "'{{call}}()' is created with no timeout ({{how}}): every request through it can hang forever.",
      unboundedConnection:
        "'{{call}}()' has no timeout of its own and can hang forever; wrap it in 'asyncio.wait_for(…, timeout=…)' or run it inside 'async with asyncio.timeout(…)'.",
      unboundedRead:
        "'{{call}}()' waits forever if the peer goes silent; wrap it in 'asyncio.wait_for(…, timeout=…)' or run it inside 'async with asyncio.timeout(…)'.",
      addRequestTimeout: "Add 'timeout={{timeout}}' to the request.",
      addSessionTimeout: "Add 'timeout={{timeout}}' where the session is created.",
      setTimeout: "Limit it to {{seconds}} seconds: 'timeout={{timeout}}'.",
      wrapInWaitFor: "Wrap it in 'asyncio.wait_for(…, timeout={{seconds}})'.",
    },
  },
  defaultOptions: [{ allowLibraryDefaults: false }],
  create(context, [options]) {
    // In test code the runner's timeout bounds every wait, and the peers are the test's own servers.
    if (isTestModule(context.physicalFilename, context.cwd)) return {};
    const { sourceCode } = context;
    const text = sourceCode.text;
    const seconds = String(options.defaultSeconds ?? (options.defaultMs !== undefined ? options.defaultMs / 1000 : 30));

    /** The expression a fresh timeout for `library` is written as, with the module it needs. */
    function freshTimeout(library: NetworkClient["library"]): { expression: string; module: string } {
      return library === "aiohttp"
        ? { expression: `aiohttp.ClientTimeout(total=${seconds})`, module: "aiohttp" }
        : { expression: `httpx.Timeout(${seconds})`, module: "httpx" };
    }

    /** A suggestion fix with the module import it needs; null when the module name is taken by something else. */
    function withModule(
      node: PyNode,
      module: string,
      edits: (fixer: RuleTextEditor) => RuleTextEdit[],
    ): ((fixer: RuleTextEditor) => RuleTextEdit[]) | null {
      if (moduleNameStatus(node, module, sourceCode as PythonSourceCode) === "conflict") return null;
      return (fixer) => {
        const addImport = ensureImport(fixer, node, module, sourceCode as PythonSourceCode);
        return addImport ? [addImport, ...edits(fixer)] : edits(fixer);
      };
    }

    /**
     * Edits that make a disabled timeout value bounded: `None` → a fresh timeout object; `ClientTimeout(total=None)` →
     * `total=N`; `httpx.Timeout(10, read=None)` → `read=N`. `timeout` is the resulting expression, for the message.
     */
    function boundTimeoutValue(value: PyNode, library: NetworkClient["library"]): { fix: ((fixer: RuleTextEditor) => RuleTextEdit[]) | null; timeout: string } {
      const name = value.type === "call" ? calleeNameOf(value, text) : undefined;
      const timeoutClass = name === undefined ? undefined : timeoutClasses.get(name);
      const args = value.type === "call" ? callArguments(value, text) : undefined;
      if (timeoutClass && args) {
        // httpx: an explicit `read=None` wins over the first argument; aiohttp: `total` is the limit to set.
        const explicit = timeoutClass.hangBounds.map((field) => args.keywords.get(field)).find((given) => given && isNone(given));
        const field = timeoutClass.fallback ?? timeoutClass.hangBounds[0]!;
        const given = explicit ?? argumentFor(args, timeoutClass.positional.indexOf(field), field);
        if (given === "unknown") return { fix: null, timeout: "" };
        const [start, end] = given ? given.range : [0, 0];
        const timeout = given
          ? text.slice(value.start, start) + seconds + text.slice(end, value.end)
          : `${text.slice(value.start, value.end - 1)}${args.list.children.length > 0 ? ", " : ""}${field}=${seconds})`;
        return {
          fix: (fixer) => [given ? fixer.replaceTextRange(given.range, seconds) : appendArgument(fixer, args, `${field}=${seconds}`)],
          timeout: timeout.replace(/\s+/gu, " "),
        };
      }
      const fresh = freshTimeout(library);
      return {
        fix: withModule(value, fresh.module, (fixer) => [fixer.replaceTextRange(value.range, fresh.expression)]),
        timeout: fresh.expression,
      };
    }

    function reportDisabledClient(node: PyNode, client: NetworkClient, state: Extract<TimeoutState, { state: "disabled" }>): void {
      const bound = boundTimeoutValue(state.node, client.library);
      context.report({
        node,
        messageId: "clientTimeoutDisabled",
        data: { call: textOf(childByField(node, "function")!, text), how: state.how },
        ...(bound.fix && { suggest: [{ messageId: "setTimeout", data: { seconds, timeout: bound.timeout }, fix: bound.fix }] }),
      });
    }

    /** Whether every use of the client bound at `creation` is a request that carries its own bounded timeout. */
    function everyRequestHasOwnTimeout(creation: PyNode, client: NetworkClient): boolean {
      let holder: PyNode | undefined = creation.parent ?? undefined;
      if (holder?.type === "as_pattern") holder = holder.parent ?? undefined;
      const target =
        holder?.type === "assignment" && childByField(holder, "right") === creation
          ? childByField(holder, "left")
          : holder?.type === "with_item"
            ? childByField(creation.parent!, "alias")?.children[0]
            : undefined;
      if (target?.type !== "identifier") return false;
      const name = textOf(target, text);
      let scope: PyNode | null = creation.parent;
      while (scope && scope.type !== "function_definition" && scope.type !== "module") scope = scope.parent;
      if (!scope) return false;
      let uses = 0;
      const stack = [...scope.children];
      while (stack.length > 0) {
        const node = stack.pop()!;
        stack.push(...node.children);
        if (node.type !== "identifier" || node === target || textOf(node, text) !== name) continue;
        if (node.parent?.type === "attribute" && node.field === "attribute") continue;
        if (node.parent?.type === "keyword_argument" && node.field === "name") continue;
        const call = node.parent?.type === "attribute" && node.field === "object" ? node.parent.parent : undefined;
        const method = call ? methodCallOf(call, text) : undefined;
        if (!call || !method || method.receiver !== node) return false;
        if (method.method === "close" || method.method === "aclose") continue;
        if (!client.requestMethods.has(method.method)) return false;
        const args = callArguments(call, text);
        const own = args?.keywords.get(client.timeoutKeyword);
        if (!own || timeoutStateOf(own, client.requestNone, text).state !== "bounded") return false;
        uses++;
      }
      return uses > 0;
    }

    function checkClientCreation(node: PyNode, name: string): void {
      const client = networkClients.get(name);
      if (!client) return;
      const state = constructorTimeout(node, client, text);
      if (state.state !== "disabled" || everyRequestHasOwnTimeout(node, client)) return;
      reportDisabledClient(node, client, state);
    }

    function checkRequest(node: PyNode, receiver: PyNode, method: string): boolean {
      const instances = objectsOf(receiver, text, CREATED_IN_SIGHT);
      if (!instances || instances.length === 0) return false;
      const type = instances[0]!.type;
      const client = networkClients.get(type);
      if (!client || !client.requestMethods.has(method) || instances.some((instance) => instance.type !== type)) return false;
      const args = callArguments(node, text);
      if (!args) return true;
      const url = argumentFor(args, requestUrlPositions.get(method) ?? 0, "url");
      if (url !== undefined && url !== "unknown" && isLoopback(url, "url", text)) return true;
      const call = textOf(childByField(node, "function")!, text);
      const own = args.keywords.get(client.timeoutKeyword);
      if (own) {
        const state = timeoutStateOf(own, client.requestNone, text);
        if (state.state !== "disabled" || isTimeBounded(node, text)) return true;
        const bound = boundTimeoutValue(state.node, client.library);
        context.report({
          node,
          messageId: "requestTimeoutDisabled",
          data: { call, how: state.how },
          ...(bound.fix && { suggest: [{ messageId: "setTimeout", data: { seconds, timeout: bound.timeout }, fix: bound.fix }] }),
        });
        return true;
      }
      if (args.hasSplat) return true;
      // No timeout on the request: the session's applies. Disabled sessions are reported where they are created.
      const creations = instances.map((instance) => instance.creation);
      if (creations.some((creation) => creation === undefined)) return true;
      const states = creations.map((creation) => constructorTimeout(creation!, client, text));
      if (!states.every((state) => state.state === "default") || !client.reportDefault || options.allowLibraryDefaults) return true;
      if (isTimeBounded(node, text)) return true;
      const fresh = freshTimeout(client.library);
      const suggestions = [];
      const onRequest = withModule(node, fresh.module, (fixer) => [appendArgument(fixer, args, `timeout=${fresh.expression}`)]);
      if (onRequest) suggestions.push({ messageId: "addRequestTimeout" as const, data: { timeout: fresh.expression }, fix: onRequest });
      const unique = [...new Set(creations)];
      const sessionArgs = unique.length === 1 ? callArguments(unique[0]!, text) : undefined;
      if (sessionArgs) {
        const onSession = withModule(unique[0]!, fresh.module, (fixer) => [setKeywordArgument(fixer, sessionArgs, client.timeoutKeyword, fresh.expression)]);
        if (onSession) suggestions.push({ messageId: "addSessionTimeout" as const, data: { timeout: fresh.expression }, fix: onSession });
      }
      context.report({ node, messageId: "requestDefaultTimeout", data: { call }, suggest: suggestions });
      return true;
    }

    function reportUnbounded(node: PyNode, messageId: "unboundedConnection" | "unboundedRead", call: string): void {
      const fix =
        node.parent?.type === "argument_list" || node.parent?.type === "keyword_argument"
          ? null // passed somewhere (`gather(open_connection(...))`): leave the wrapping to the author
          : withModule(node, "asyncio", (fixer) => [fixer.replaceTextRange(node.range, `asyncio.wait_for(${textOf(node, text)}, timeout=${seconds})`)]);
      context.report({
        node,
        messageId,
        data: { call },
        ...(fix && { suggest: [{ messageId: "wrapInWaitFor", data: { seconds }, fix }] }),
      });
    }

    return {
      call(node) {
        const callee = childByField(node, "function");
        if (!callee) return;
        const name = calleeNameAmong(node, text, NETWORK_CALL_LAST_PARTS);
        if (name !== undefined && networkClients.has(name)) return checkClientCreation(node, name);
        const fn = name === undefined ? undefined : networkFunctions.get(name);
        if (fn) {
          if (isLocalPeer(node, fn, true, text)) return;
          if (fn.timeout === "none") {
            if (!isTimeBounded(node, text)) reportUnbounded(node, "unboundedConnection", name!);
            return;
          }
          const client = networkClients.get(fn.client!)!;
          const state = constructorTimeout(node, client, text);
          if (state.state === "bounded" || isTimeBounded(node, text)) return;
          if (state.state === "disabled") {
            const bound = boundTimeoutValue(state.node, client.library);
            context.report({
              node,
              messageId: "requestTimeoutDisabled",
              data: { call: name!, how: state.how },
              ...(bound.fix && { suggest: [{ messageId: "setTimeout", data: { seconds, timeout: bound.timeout }, fix: bound.fix }] }),
            });
          } else if (!options.allowLibraryDefaults) {
            const args = callArguments(node, text);
            const fresh = freshTimeout(client.library);
            const fix = args ? withModule(node, fresh.module, (fixer) => [setKeywordArgument(fixer, args, client.timeoutKeyword, fresh.expression)]) : null;
            context.report({
              node,
              messageId: "requestDefaultTimeout",
              data: { call: name! },
              ...(fix && { suggest: [{ messageId: "addRequestTimeout", data: { timeout: fresh.expression }, fix }] }),
            });
          }
          return;
        }
        const method = methodCallOf(node, text);
        if (!method || !judgedMethods.has(method.method)) return;
        if (checkRequest(node, method.receiver, method.method)) return;
        if (streamReaderWaits.has(method.method)) {
          const instances = objectsOf(method.receiver, text, CREATED_IN_SIGHT);
          const isRemote = (creation: PyNode | undefined) => {
            const opened = creation && networkFunctions.get(calleeNameOf(creation, text) ?? "");
            return !opened || !isLocalPeer(creation!, opened, false, text);
          };
          const judged = instances?.every((instance) => instance.type === "asyncio.StreamReader" && isRemote(instance.creation));
          if (instances && instances.length > 0 && judged && !isTimeBounded(node, text)) {
            reportUnbounded(node, "unboundedRead", `${textOf(callee, text)}`);
          }
        }
      },
    };
  },
});
