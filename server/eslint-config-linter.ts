/**
 * Linting with the project's own `eslint.config.*`, for a **trusted** workspace only (the registry decides; see
 * linters.ts). Such a file is code: ESLint imports and runs it. So it is loaded in a worker thread
 * (eslint-config-worker.ts) that is started only when a trusted workspace has one, and never otherwise.
 *
 * Where an ESLint configuration applies to a file, it decides which of our rules run and how (severities, options,
 * ignores); the server reports the findings of our rules only (other plugins' are the ESLint extension's business).
 * Files it does not configure (no `eslint.config.*` above them, or one that does not cover them, e.g. Python files)
 * get our own configuration: the declarative files and the zero config (`TextLinter`).
 *
 * The language server lints synchronously, and ESLint's `ESLint` class is asynchronous, so the main thread waits
 * for the worker's answer on a shared `Int32Array` (`Atomics.wait`) and reads it with `receiveMessageOnPort`.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";
import type { Linter } from "eslint";
import type { LintTextResult, TextLinter } from "../engine/lint-text.js";
import { RULE_IDS } from "../engine/project-config.js";
import { PLUGIN_NAME } from "../rules/catalog.js";
import { type EslintRequest, type EslintResponse, SIGNAL_GONE } from "./eslint-config-worker.js";
import type { DocumentLinter, FixOptions } from "./linters.js";

/** `workerData.role` that makes the bundled server (one file) run as this worker; see main.ts. */
export const ESLINT_CONFIG_WORKER_ROLE = "async-pitfalls/eslint-config";

export const ESLINT_CONFIG_NAMES = ["eslint.config.js", "eslint.config.mjs", "eslint.config.cjs", "eslint.config.ts", "eslint.config.mts", "eslint.config.cts"];

/** How long the server waits for one answer (loading a large configuration the first time takes seconds). */
const ANSWER_TIMEOUT_MS = 30_000;

export function isEslintConfigName(file: string): boolean {
  return ESLINT_CONFIG_NAMES.includes(path.basename(file));
}

/** Whether an `eslint.config.*` lies in `dir` or above it (ESLint's lookup goes up to the file-system root). */
export function hasEslintConfig(dir: string): boolean {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (ESLINT_CONFIG_NAMES.some((name) => existsSync(path.join(current, name)))) return true;
    if (path.dirname(current) === current) return false;
  }
}

/** The worker and the synchronous channel to it; started on first use. */
class EslintWorker {
  #worker: Worker | undefined;
  #port: MessagePort | undefined;
  #signal: Int32Array | undefined;
  #nextId = 1;

  constructor(readonly log: (message: string) => void) {}

  call(request: EslintRequest): EslintResponse {
    const { port, signal } = this.#ensure();
    const id = this.#nextId++;
    Atomics.store(signal, 0, 0);
    port.postMessage({ id, request });
    const deadline = Date.now() + ANSWER_TIMEOUT_MS;
    for (;;) {
      for (let received = receiveMessageOnPort(port); received; received = receiveMessageOnPort(port)) {
        const answer = received.message as { id: number; response: EslintResponse };
        if (answer.id === id) return answer.response;
      }
      if (Atomics.load(signal, 0) === SIGNAL_GONE) {
        this.stop();
        throw new Error("the worker that loads the project's ESLint configuration stopped");
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        this.stop();
        throw new Error(`the project's ESLint configuration did not answer within ${ANSWER_TIMEOUT_MS / 1000} s`);
      }
      Atomics.store(signal, 0, 0);
      // An answer posted between the drain above and the reset is caught by the next drain, before waiting.
      const pending = receiveMessageOnPort(port);
      if (pending) {
        const answer = pending.message as { id: number; response: EslintResponse };
        if (answer.id === id) return answer.response;
        continue;
      }
      Atomics.wait(signal, 0, 0, left);
    }
  }

  /** Whether the worker runs (tests and logs). */
  get running(): boolean {
    return this.#worker !== undefined;
  }

  stop(): void {
    void this.#worker?.terminate();
    this.#port?.close();
    this.#worker = undefined;
    this.#port = undefined;
    this.#signal = undefined;
  }

  #ensure(): { port: MessagePort; signal: Int32Array } {
    if (this.#worker && this.#port && this.#signal) return { port: this.#port, signal: this.#signal };
    const { port1, port2 } = new MessageChannel();
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(workerEntry(), {
      workerData: { role: ESLINT_CONFIG_WORKER_ROLE, port: port2, signal },
      transferList: [port2],
      stdout: true,
      stderr: true,
    });
    worker.unref();
    port1.unref();
    // Whatever the configuration prints must never reach the server's stdout (the LSP channel over --stdio).
    const forward = (chunk: string): void => this.log(`async-pitfalls (eslint.config): ${chunk.trimEnd()}`);
    worker.stdout.setEncoding("utf8").on("data", forward);
    worker.stderr.setEncoding("utf8").on("data", forward);
    worker.on("error", (error) => this.log(`async-pitfalls: the ESLint configuration worker failed: ${error instanceof Error ? error.message : String(error)}`));
    worker.on("exit", () => {
      if (this.#worker === worker) this.stop();
    });
    this.log("async-pitfalls: the workspace is trusted and has an eslint.config file: loading it in a worker thread.");
    this.#worker = worker;
    this.#port = port1;
    this.#signal = signal;
    return { port: port1, signal };
  }
}

/** `eslint-config-worker.js` next to this module (compiled files), or the bundled server itself (one file). */
function workerEntry(): URL {
  const separate = new URL("./eslint-config-worker.js", import.meta.url);
  if (separate.protocol === "file:" && existsSync(fileURLToPath(separate))) return separate;
  return new URL(import.meta.url);
}

let shared: EslintWorker | undefined;

/** The one worker of this server process. */
function eslintWorker(log: (message: string) => void): EslintWorker {
  shared ??= new EslintWorker(log);
  return shared;
}

/** Drops every loaded ESLint configuration (an `eslint.config.*` changed); the next lint loads them again. */
export function reloadEslintConfigs(): void {
  if (!shared?.running) return;
  try {
    shared.call({ kind: "reset" });
  } catch {
    shared.stop();
  }
}

export class EslintConfigLinter implements DocumentLinter {
  readonly #warned = new Set<string>();

  constructor(
    readonly root: string,
    readonly fallback: TextLinter,
    readonly log: (message: string) => void,
  ) {}

  /** Which files the editor lints at all stays ours to decide (extensions, ignored folders, our ignores). */
  lints(filePath: string): boolean {
    return this.fallback.lints(filePath);
  }

  lint(text: string, filePath: string): LintTextResult {
    const response = this.#ask({ kind: "lint", root: this.root, filePath, text });
    if (response?.status === "linted") return { messages: response.messages };
    if (response?.status === "ignored") return { messages: [] };
    return this.fallback.lint(text, filePath);
  }

  fix(text: string, filePath: string, options?: FixOptions): LintTextResult {
    const filter = options?.fix;
    const fixRules = filter ? RULE_IDS.filter((id) => filter({ ruleId: `${PLUGIN_NAME}/${id}` } as Linter.LintMessage)) : undefined;
    const response = this.#ask({ kind: "fix", root: this.root, filePath, text, fixRules });
    if (response?.status === "linted") {
      return { messages: response.messages, fixedText: response.output !== undefined && response.output !== text ? response.output : undefined };
    }
    if (response?.status === "ignored") return { messages: [] };
    return this.fallback.fix(text, filePath, options);
  }

  /** The worker's answer, or undefined when our own configuration should lint the file. */
  #ask(request: Extract<EslintRequest, { kind: "lint" | "fix" }>): EslintResponse | undefined {
    if (!hasEslintConfig(path.dirname(request.filePath))) return undefined;
    const response = eslintWorker(this.log).call(request);
    if (response.status !== "failed") return response;
    const key = `${response.configFile ?? ""}\n${response.error}`;
    if (!this.#warned.has(key)) {
      this.#warned.add(key);
      this.log(
        `async-pitfalls: could not use ${response.configFile ?? "the project's ESLint configuration"} (${response.error}); linting with async-pitfalls' own configuration instead.`,
      );
    }
    return undefined;
  }
}
