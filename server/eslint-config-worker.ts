/**
 * The worker thread that lints with a project's own `eslint.config.*` (see eslint-config-linter.ts). Only ever
 * started in a trusted workspace: loading that file executes it.
 *
 * ESLint's `ESLint` class does the work, with its normal configuration lookup (the `eslint.config.*` nearest to
 * each file) and our plugin available under `async-pitfalls` (so a configuration can name our rules without
 * importing the package). The main thread waits for each answer synchronously: requests arrive on a
 * `MessagePort`, and each answer is followed by a store and notify on a shared `Int32Array`.
 */
import { type MessagePort, workerData } from "node:worker_threads";
import { ESLint, type Linter } from "eslint";
import { plugin } from "../engine/config.js";
import { PLUGIN_NAME } from "../rules/catalog.js";

export interface EslintWorkerData {
  readonly role: string;
  readonly port: MessagePort;
  readonly signal: Int32Array;
}

export type EslintRequest =
  | {
      readonly kind: "lint" | "fix";
      readonly root: string;
      readonly filePath: string;
      readonly text: string;
      /** For "fix": the rules (without prefix) whose fixes may be applied; all of ours when absent. */
      readonly fixRules?: readonly string[] | undefined;
    }
  | { readonly kind: "reset" };

export type EslintResponse =
  | { readonly status: "linted"; readonly configFile: string; readonly messages: Linter.LintMessage[]; readonly output?: string | undefined }
  /** The project's ESLint configuration ignores the file: no findings. */
  | { readonly status: "ignored"; readonly configFile: string }
  /** No ESLint configuration applies to the file: the caller lints it with our own configuration. */
  | { readonly status: "unconfigured"; readonly configFile?: string | undefined }
  | { readonly status: "failed"; readonly configFile?: string | undefined; readonly error: string }
  | { readonly status: "reset" };

/** Signal values: 0 waiting, 1 an answer was posted, 2 the worker is gone. */
export const SIGNAL_ANSWERED = 1;
export const SIGNAL_GONE = 2;

const PREFIX = `${PLUGIN_NAME}/`;

interface RootEngines {
  readonly withPlugin: boolean;
  lint?: ESLint;
  fix?: ESLint;
}

const engines = new Map<string, RootEngines>();
/** The fixes "fix all" may apply, for the request being handled. */
let fixFilter: (message: Linter.LintMessage) => boolean = () => true;

function engineFor(root: string, kind: "lint" | "fix"): ESLint {
  let entry = engines.get(root);
  if (!entry) {
    entry = { withPlugin: true };
    engines.set(root, entry);
  }
  let engine = entry[kind];
  if (!engine) {
    engine = new ESLint({
      cwd: root,
      ...(entry.withPlugin ? { plugins: { [PLUGIN_NAME]: plugin } } : {}),
      ...(kind === "fix" ? { fix: (message: Linter.LintMessage) => fixFilter(message) } : {}),
    });
    entry[kind] = engine;
  }
  return engine;
}

/** Ours: findings of our rules, parse errors, and directive reports that name our rules. */
function isOurs(message: Linter.LintMessage): boolean {
  if (message.fatal) return true;
  if (message.ruleId) return message.ruleId.startsWith(PREFIX);
  return message.message.includes(PREFIX);
}

const IGNORED = "File ignored because";
const UNCONFIGURED = ["no matching configuration", "outside of base path"];

async function lintWith(request: Extract<EslintRequest, { kind: "lint" | "fix" }>, configFile: string): Promise<EslintResponse> {
  const { root, filePath, text, kind } = request;
  if (kind === "fix") {
    const allowed = request.fixRules === undefined ? undefined : new Set(request.fixRules.map((id) => `${PREFIX}${id}`));
    fixFilter = (message) => Boolean(message.ruleId?.startsWith(PREFIX)) && (allowed === undefined || allowed.has(message.ruleId!));
  }
  const [result] = await engineFor(root, kind).lintText(text, { filePath, warnIgnored: true });
  if (!result) return { status: "unconfigured", configFile };
  const notice = result.messages.length === 1 && !result.messages[0]!.ruleId ? result.messages[0]!.message : "";
  if (notice.startsWith(IGNORED)) {
    return UNCONFIGURED.some((reason) => notice.includes(reason)) ? { status: "unconfigured", configFile } : { status: "ignored", configFile };
  }
  return { status: "linted", configFile, messages: result.messages.filter(isOurs), output: result.output };
}

export async function handle(request: EslintRequest): Promise<EslintResponse> {
  if (request.kind === "reset") {
    engines.clear();
    return { status: "reset" };
  }
  let configFile: string | undefined;
  try {
    configFile = await engineFor(request.root, "lint").findConfigFile(request.filePath);
    if (!configFile) return { status: "unconfigured" };
    try {
      return await lintWith(request, configFile);
    } catch (error) {
      // The configuration brings its own copy of the plugin: use it rather than ours.
      const entry = engines.get(request.root);
      if (entry?.withPlugin && /Cannot redefine plugin "async-pitfalls"/u.test(String((error as Error).message))) {
        engines.set(request.root, { withPlugin: false });
        return await lintWith(request, configFile);
      }
      throw error;
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: "failed", configFile, error: message.split("\n").slice(0, 3).join(" ") };
  }
}

const data = workerData as EslintWorkerData | undefined;
if (data?.port && data.signal) {
  const { port, signal } = data;
  process.on("exit", () => {
    Atomics.store(signal, 0, SIGNAL_GONE);
    Atomics.notify(signal, 0);
  });
  port.on("message", (envelope: { id: number; request: EslintRequest }) => {
    void handle(envelope.request)
      .catch((error: unknown): EslintResponse => ({ status: "failed", error: String(error) }))
      .then((response) => {
        port.postMessage({ id: envelope.id, response });
        Atomics.store(signal, 0, SIGNAL_ANSWERED);
        Atomics.notify(signal, 0);
      });
  });
}
