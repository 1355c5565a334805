/**
 * "Lint Whole Workspace": fills the Problems panel for files that are not open. The files are those the CLI would
 * lint in each workspace folder (`collectFiles`: .gitignore files, dependency and build folders pruned), then
 * filtered by the engine's own ignores and the `validate` setting. Files are linted from disk, one per turn of the
 * event loop so the server keeps answering, and their diagnostics are pushed (`publishDiagnostics`).
 *
 * Lifetime of these diagnostics (a decision, see the README):
 * - an open document's diagnostics come from the editor's text, as always; when the client pulls diagnostics,
 *   the pushed copy of that file is cleared on open, so nothing shows twice;
 * - closing a file that the workspace lint covered keeps it in the Problems panel: it is linted again from disk
 *   (its saved state) and pushed, until the next workspace lint;
 * - the next workspace lint replaces everything, and clears files that are gone or no longer linted;
 * - `enable: false` clears them all.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Linter } from "eslint";
import { checkReadable, collectFiles } from "../cli/files.js";
import { isInside, pathToUri } from "./uri.js";
import type { DocumentLinter } from "./linters.js";

/** The language id VS Code gives a file, by extension: what `validate` filters on. */
export function languageIdOfPath(filePath: string): string | undefined {
  switch (path.extname(filePath).toLowerCase()) {
    case ".py":
    case ".pyi":
      return "python";
    case ".ts":
    case ".mts":
    case ".cts":
      return "typescript";
    case ".tsx":
      return "typescriptreact";
    case ".js":
    case ".mjs":
    case ".cjs":
      return "javascript";
    case ".jsx":
      return "javascriptreact";
    default:
      return undefined;
  }
}

export interface WorkspaceLintHost {
  folders(): readonly string[];
  linterFor(filePath: string): DocumentLinter;
  isOpen(uri: string): boolean;
  validates(languageId: string): boolean;
  /** The engine's messages → diagnostics (with the editor's rule overrides). */
  toDiagnostics(messages: readonly Linter.LintMessage[], document: TextDocument): Diagnostic[];
  publish(uri: string, diagnostics: Diagnostic[]): void;
  log(message: string): void;
}

export interface WorkspaceLintResult {
  readonly files: number;
  readonly problems: number;
  readonly cancelled: boolean;
}

export interface Progress {
  report(done: number, total: number, message: string): void;
}

export class WorkspaceLint {
  readonly #host: WorkspaceLintHost;
  /** Files (uris) whose diagnostics came from the last workspace lint, with their path. */
  readonly #covered = new Map<string, string>();
  #run = 0;

  constructor(host: WorkspaceLintHost) {
    this.#host = host;
  }

  covers(uri: string): boolean {
    return this.#covered.has(uri);
  }

  /** Lints every file of every folder; a later call (or `clear`) cancels a run in progress. */
  async lintAll(progress?: Progress, isCancelled: () => boolean = () => false): Promise<WorkspaceLintResult> {
    const run = ++this.#run;
    const host = this.#host;
    const files: string[] = [];
    for (const folder of host.folders()) {
      try {
        files.push(...collectFiles([folder], folder));
      } catch (error) {
        host.log(`async-pitfalls: cannot list the files of ${folder}: ${(error as Error).message}`);
      }
    }
    const unique = [...new Set(files)];
    const previous = new Map(this.#covered);
    let problems = 0;
    let linted = 0;
    for (let index = 0; index < unique.length; index++) {
      // One file per turn of the event loop: requests (code actions, pulls, cancellation) are answered in between.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (run !== this.#run || isCancelled()) return { files: linted, problems, cancelled: true };
      const filePath = unique[index]!;
      progress?.report(index, unique.length, path.basename(filePath));
      const uri = pathToUri(filePath);
      const diagnostics = this.#lintFile(filePath, uri);
      if (diagnostics === undefined) continue;
      linted += 1;
      previous.delete(uri);
      problems += diagnostics.length;
      this.#covered.set(uri, filePath);
      if (!host.isOpen(uri)) host.publish(uri, diagnostics);
    }
    // Files of the last run that are gone, or no longer linted.
    for (const uri of previous.keys()) {
      this.#covered.delete(uri);
      if (!host.isOpen(uri)) host.publish(uri, []);
    }
    return { files: linted, problems, cancelled: false };
  }

  /** A covered file was closed: its diagnostics come from its saved state again. */
  relint(uri: string): void {
    const filePath = this.#covered.get(uri);
    if (filePath === undefined) return;
    const diagnostics = this.#lintFile(filePath, uri);
    if (diagnostics === undefined) {
      this.#covered.delete(uri);
      this.#host.publish(uri, []);
    } else {
      this.#host.publish(uri, diagnostics);
    }
  }

  /** Clears every diagnostic of the workspace lint (except open documents', which are not ours) and cancels a run. */
  clear(): void {
    this.#run += 1;
    for (const uri of this.#covered.keys()) if (!this.#host.isOpen(uri)) this.#host.publish(uri, []);
    this.#covered.clear();
  }

  /** Forgets (and clears) the files below removed workspace folders. */
  forgetFolders(removed: readonly string[]): void {
    for (const [uri, filePath] of this.#covered) {
      if (removed.some((folder) => isInside(folder, filePath))) {
        this.#covered.delete(uri);
        if (!this.#host.isOpen(uri)) this.#host.publish(uri, []);
      }
    }
  }

  /** The diagnostics of a file on disk, or undefined when it is not linted (ignored, filtered, unreadable). */
  #lintFile(filePath: string, uri: string): Diagnostic[] | undefined {
    const host = this.#host;
    const languageId = languageIdOfPath(filePath);
    if (languageId === undefined || !host.validates(languageId)) return undefined;
    try {
      const linter = host.linterFor(filePath);
      if (!linter.lints(filePath)) return undefined;
      if (!checkReadable(filePath).ok) return undefined;
      const text = readFileSync(filePath, "utf8");
      const messages = linter.lint(text, filePath).messages;
      return host.toDiagnostics(messages, TextDocument.create(uri, languageId, 0, text));
    } catch (error) {
      host.log(`async-pitfalls: linting ${filePath} failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
}
