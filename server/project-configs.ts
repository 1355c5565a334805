/**
 * Configuration files in the editor:
 *
 * - **Invalid files are shown where they are wrong.** When a lint finds that the configuration file governing a
 *   document is invalid, the document is linted with the defaults and the file gets one diagnostic (at the
 *   offending key when known) saying what is wrong. It goes away when the file is fixed.
 * - **Changes are picked up.** The server asks the client to watch `pyproject.toml`, `async-pitfalls.json` and
 *   `eslint.config.*` files (dynamic registration of `workspace/didChangeWatchedFiles`); on a change it forgets what
 *   it had read, checks the changed configuration files again and lints the open documents again. Without file
 *   watching, a changed file is still noticed by its modification time on the next lint of a document.
 */
import { readFileSync } from "node:fs";
import {
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  type FileEvent,
} from "vscode-languageserver";
import { ConfigError } from "../engine/config-error.js";
import { isConfigFileName } from "../engine/config-files.js";
import { forgetConfigFile, loadConfigFile } from "../engine/project-config.js";
import { SOURCE } from "./diagnostics.js";
import { isEslintConfigName } from "./eslint-config-linter.js";
import type { LinterRegistry } from "./linters.js";
import { pathToUri, uriToPath } from "./uri.js";

export const CONFIG_FILE_WATCHERS = ["**/pyproject.toml", "**/async-pitfalls.json", "**/eslint.config.{js,mjs,cjs,ts,mts,cts}"];

export class ProjectConfigs {
  readonly #connection: Connection;
  readonly #linters: LinterRegistry;
  readonly #relint: () => void;
  #dynamicWatching = false;
  /** Configuration files with a published problem → the problem, so the same one is not sent again. */
  readonly #problems = new Map<string, string>();

  constructor(connection: Connection, linters: LinterRegistry, relint: () => void) {
    this.#connection = connection;
    this.#linters = linters;
    this.#relint = relint;
    linters.setHost({
      log: (message) => connection.console.warn(message),
      onConfigResult: (file, error) => this.#report(file, error),
    });
    connection.onDidChangeWatchedFiles((params) => this.changed(params.changes ?? []));
  }

  /** From `initialize`: whether the client lets the server register file watchers. */
  initialize(capabilities: ClientCapabilities | undefined): void {
    this.#dynamicWatching = capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  }

  /** From `initialized`: asks the client to watch configuration files. */
  registerWatchers(): void {
    if (!this.#dynamicWatching) return;
    void this.#connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: CONFIG_FILE_WATCHERS.map((globPattern) => ({ globPattern })) })
      .catch((error: unknown) => this.#connection.console.warn(`${SOURCE}: could not watch configuration files: ${String(error)}`));
  }

  /** Files changed on disk: configuration files are read again and the open documents linted again. */
  changed(changes: readonly FileEvent[]): void {
    const files = changes.map((change) => uriToPath(change.uri)).filter((file): file is string => file !== undefined);
    const configs = files.filter(isConfigFileName);
    if (configs.length === 0 && !files.some(isEslintConfigName)) return;
    for (const file of configs) {
      forgetConfigFile(file);
      this.#recheck(file);
    }
    this.#linters.reload();
    this.#relint();
  }

  #recheck(file: string): void {
    try {
      loadConfigFile(file);
      this.#report(file, undefined);
    } catch (error) {
      if (error instanceof ConfigError) this.#report(file, error);
      else this.#connection.console.error(`${SOURCE}: reading ${file} failed: ${String(error)}`);
    }
  }

  #report(file: string, error: ConfigError | undefined): void {
    const key = error ? `${error.location.line}:${error.location.column}:${error.problem}` : undefined;
    if (this.#problems.get(file) === key) return;
    if (key === undefined) this.#problems.delete(file);
    else this.#problems.set(file, key);
    if (error) this.#connection.console.warn(`${SOURCE}: ${error.message}; linting with the defaults until it is fixed.`);
    void this.#connection.sendDiagnostics({ uri: pathToUri(file), diagnostics: error ? [toDiagnostic(error)] : [] });
  }
}

function toDiagnostic(error: ConfigError): Diagnostic {
  const line = Math.max(0, error.location.line - 1);
  const character = Math.max(0, error.location.column - 1);
  let length = error.location.length;
  if (length === undefined) {
    // Up to the end of the word (or of the line) at that place.
    let text = "";
    try {
      text = readFileSync(error.file, "utf8").split(/\r?\n/u)[line] ?? "";
    } catch {
      // the file is gone
    }
    length = Math.max(1, /^\S*/u.exec(text.slice(character))![0].length);
  }
  return {
    range: { start: { line, character }, end: { line, character: character + length } },
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    message: error.problem,
  };
}
