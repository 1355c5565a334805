/**
 * The language server's wiring: documents → (debounced) lint through the engine → diagnostics; code actions from
 * the diagnostics' data; settings; workspace folders. No rule logic lives here: findings and fixes come from the
 * plugin, through `TextLinter`. Workspace code is never executed: the zero config is built in, no
 * `eslint.config.js` is loaded.
 */
import { performance } from "node:perf_hooks";
import path from "node:path";
import {
  type CodeAction,
  CodeActionKind,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  DidChangeConfigurationNotification,
  ErrorCodes,
  type InitializeParams,
  type InitializeResult,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Linter } from "eslint";
import { plugin } from "../engine/config.js";
import { admits, FIX_ALL_KIND, fixAllAction, quickFixes, readData, type ActionContext } from "./code-actions.js";
import { sameRange, SOURCE, toDiagnostics, toDiagnosticsLike, type LanguageFamily } from "./diagnostics.js";
import { lintTarget, type LintTarget } from "./documents.js";
import { LintScheduler } from "./lint-scheduler.js";
import { defaultLinterFactory, LinterRegistry, type LinterFactory } from "./linters.js";
import { DEFAULT_SETTINGS, parseSettings, SECTION, type Settings } from "./settings.js";
import { uriToPath } from "./uri.js";

export interface ServerOptions {
  /** Makes the linter for a root; the default is the engine's `TextLinter` in tolerant mode. */
  readonly createLinter?: LinterFactory;
}

/** A lint slower than this lengthens the document's debounce (up to this much), so typing stays responsive. */
const MAX_ADAPTIVE_DEBOUNCE_MS = 1500;
/**
 * Characters of fix text examined per lint to compute quick-fix edits up front (see `ConversionOptions`); enough
 * for any ordinary file, and it bounds the work in a huge file with thousands of fixable findings.
 */
const EDIT_BUDGET = 4_000_000;
/** Tells the client linting failed (`ok: false`) or works again (`ok: true`); the VS Code client shows a status item. */
const STATUS_NOTIFICATION = "asyncPitfalls/status";

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const linters = new LinterRegistry(options.createLinter ?? defaultLinterFactory);
  const log = connection.console;
  const warn = (message: string): void => log.warn(message);

  /** The start-up settings (`initializationOptions`); later configurations fill in unset keys from these. */
  let baseline: Settings = DEFAULT_SETTINGS;
  let settings: Settings = DEFAULT_SETTINGS;
  let shuttingDown = false;
  const client = { documentChanges: false, configuration: false, dynamicConfiguration: false, workspaceFolders: false };
  /** Documents seen since they were opened: their first lint is immediate, later ones debounced. */
  const seen = new Set<string>();
  /** Documents we have published diagnostics for, so closing or disabling clears exactly those. */
  const published = new Set<string>();
  const lastLintMs = new Map<string, number>();

  const scheduler = new LintScheduler(lintNow, (uri, error) => log.error(`${SOURCE}: linting ${uri} failed: ${describeError(error)}`));

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities ?? {};
    client.documentChanges = capabilities.workspace?.workspaceEdit?.documentChanges === true;
    client.configuration = capabilities.workspace?.configuration === true;
    client.dynamicConfiguration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    client.workspaceFolders = capabilities.workspace?.workspaceFolders === true;
    linters.setFolders(initialFolders(params));
    // `initializationOptions` may be the settings themselves or wrap them as `{ asyncPitfalls: {...} }`.
    const options: unknown = params.initializationOptions;
    const wrapped = isObject(options) && isObject(options[SECTION]) ? options[SECTION] : options;
    baseline = parseSettings(wrapped, warn);
    settings = baseline;
    return {
      capabilities: {
        positionEncoding: "utf-16",
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: `${SOURCE}-lsp`, version: String((plugin.meta as { version?: string } | undefined)?.version ?? "") },
    };
  });

  connection.onInitialized(() => {
    if (client.dynamicConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SECTION }).catch((error: unknown) => {
        warn(`Could not register for configuration changes: ${describeError(error)}`);
      });
    }
    if (client.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => uriToPath(folder.uri)).filter(isDefined));
        const kept = linters.folders.filter((folder) => !removed.has(path.resolve(folder)));
        linters.setFolders([...kept, ...event.added.map((folder) => uriToPath(folder.uri)).filter(isDefined)]);
        lintAll();
      });
    }
    if (client.configuration) void pullSettings();
  });

  connection.onDidChangeConfiguration((params) => {
    const pushed = isObject(params?.settings) ? params.settings[SECTION] : undefined;
    if (pushed !== undefined) applySettings(parseSettings(pushed, warn, baseline));
    else if (client.configuration) void pullSettings();
  });

  async function pullSettings(): Promise<void> {
    try {
      const [section] = (await connection.workspace.getConfiguration([{ section: SECTION }])) as unknown[];
      applySettings(parseSettings(section, warn, baseline));
    } catch (error) {
      warn(`Could not read the ${SECTION} settings: ${describeError(error)}`);
    }
  }

  function applySettings(next: Settings): void {
    const previous = settings;
    settings = next;
    if (previous.enable && !next.enable) {
      scheduler.cancelAll();
      for (const uri of published) connection.sendDiagnostics({ uri, diagnostics: [] });
      published.clear();
    } else if ((!previous.enable && next.enable) || (previous.run !== next.run && next.run === "onType")) {
      lintAll();
    }
  }

  documents.onDidChangeContent(({ document }) => {
    const { uri } = document;
    const first = !seen.has(uri);
    seen.add(uri);
    if (shuttingDown || !settings.enable) return;
    if (!first && settings.run === "onSave") return;
    scheduler.schedule(uri, first ? 0 : debounceFor(uri));
  });

  documents.onDidSave(({ document }) => {
    if (!shuttingDown && settings.enable && settings.run === "onSave") scheduler.schedule(document.uri, 0);
  });

  documents.onDidClose(({ document }) => {
    const { uri } = document;
    scheduler.cancel(uri);
    seen.delete(uri);
    lastLintMs.delete(uri);
    published.delete(uri);
    if (!shuttingDown) connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  function debounceFor(uri: string): number {
    return Math.max(settings.debounceMs, Math.min(lastLintMs.get(uri) ?? 0, MAX_ADAPTIVE_DEBOUNCE_MS));
  }

  function lintAll(): void {
    if (shuttingDown || !settings.enable) return;
    for (const document of documents.all()) scheduler.schedule(document.uri, 0);
  }

  /** Lints the newest text of a document and publishes the result, unless the document moved on meanwhile. */
  function lintNow(uri: string): void {
    const document = documents.get(uri);
    if (!document || shuttingDown || !settings.enable) return;
    const target = lintTarget(document, linters);
    if (!target) {
      if (published.delete(uri)) connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const snapshot = snapshotOf(document);
    const messages = lintSnapshot(snapshot, target);
    if (messages === undefined) return;
    const diagnostics = convert(() => toDiagnostics(messages, snapshot, { language: languageOf(target), editBudget: EDIT_BUDGET }), snapshot);
    if (diagnostics === undefined) return;
    // Newest version wins: a result for a version that is no longer current is dropped.
    const current = documents.get(uri);
    if (!current || current.version !== snapshot.version || shuttingDown || !settings.enable) return;
    connection.sendDiagnostics({ uri, version: snapshot.version, diagnostics });
    published.add(uri);
  }

  function snapshotOf(document: TextDocument): TextDocument {
    return TextDocument.create(document.uri, document.languageId, document.version, document.getText());
  }

  /** Documents whose last lint failed; the client shows a status item while any remain. */
  const failing = new Set<string>();

  function reportStatus(uri: string, ok: boolean, message?: string): void {
    const wasFailing = failing.size > 0;
    if (ok) failing.delete(uri);
    else failing.add(uri);
    if (!ok) void connection.sendNotification(STATUS_NOTIFICATION, { ok: false, uri, message });
    else if (wasFailing && failing.size === 0) void connection.sendNotification(STATUS_NOTIFICATION, { ok: true });
  }

  /** The engine's messages for one version of a document, or undefined (logged) when the engine failed. */
  function lintSnapshot(snapshot: TextDocument, target: LintTarget): Linter.LintMessage[] | undefined {
    const started = performance.now();
    try {
      const messages = target.linter.lint(snapshot.getText(), target.filePath).messages;
      reportStatus(snapshot.uri, true);
      return messages;
    } catch (error) {
      log.error(
        `${SOURCE}: linting ${target.filePath} (version ${snapshot.version}) failed; its diagnostics are left as they were.\n${describeError(error)}`,
      );
      reportStatus(snapshot.uri, false, `Linting ${target.filePath} failed: ${(error as Error).message?.split("\n")[0] ?? String(error)}`);
      return undefined;
    } finally {
      lastLintMs.set(snapshot.uri, performance.now() - started);
    }
  }

  function convert(run: () => Diagnostic[], snapshot: TextDocument): Diagnostic[] | undefined {
    try {
      return run();
    } catch (error) {
      log.error(`${SOURCE}: converting the findings for ${snapshot.uri} (version ${snapshot.version}) failed.\n${describeError(error)}`);
      return undefined;
    }
  }

  connection.onCodeAction((params: CodeActionParams): CodeAction[] => {
    const document = documents.get(params.textDocument.uri);
    if (!document || shuttingDown) return [];
    const context: ActionContext = { document, documentChanges: client.documentChanges };
    const only = Array.isArray(params.context?.only) ? params.context.only : undefined;
    const actions: CodeAction[] = [];
    try {
      if (admits(only, CodeActionKind.QuickFix)) {
        const diagnostics = Array.isArray(params.context?.diagnostics) ? params.context.diagnostics : [];
        actions.push(...quickFixes(withData(diagnostics, document), context));
      }
      if (only !== undefined && admits(only, FIX_ALL_KIND)) {
        const action = fixAll(document, context);
        if (action) actions.push(action);
      }
    } catch (error) {
      log.error(`${SOURCE}: computing code actions for ${document.uri} failed: ${describeError(error)}`);
    }
    return actions;
  });

  /**
   * Diagnostics whose edits are not in their `data` (a client that does not keep `data`, or edits deferred in a
   * huge file) get them from a fresh lint of the current text: the diagnostic with the same message and range,
   * computed for the current version.
   */
  function withData(diagnostics: readonly Diagnostic[], document: TextDocument): Diagnostic[] {
    const ours = diagnostics.filter((diagnostic) => isObject(diagnostic) && diagnostic.source === SOURCE);
    const incomplete = (diagnostic: Diagnostic) => {
      if (diagnostic.code === undefined) return false; // a parse error: no data by design
      const data = readData(diagnostic.data);
      return data === undefined || (data.deferred === true && data.version === document.version);
    };
    const missing = ours.filter(incomplete);
    if (missing.length === 0) return ours;
    const target = lintTarget(document, linters);
    const snapshot = snapshotOf(document);
    const messages = target ? lintSnapshot(snapshot, target) : undefined;
    if (!target || !messages) return ours;
    const fresh = convert(() => toDiagnosticsLike(missing, messages, snapshot, { language: languageOf(target) }), snapshot) ?? [];
    return ours.map((diagnostic) => {
      if (!incomplete(diagnostic)) return diagnostic;
      const match = fresh.find((candidate) => candidate.message === diagnostic.message && sameRange(candidate.range, diagnostic.range));
      return match ? { ...diagnostic, data: match.data } : diagnostic;
    });
  }

  function fixAll(document: TextDocument, context: ActionContext): CodeAction | undefined {
    const target = lintTarget(document, linters);
    if (!target) return undefined;
    const text = document.getText();
    const { fixedText } = target.linter.fix(text, target.filePath);
    return fixedText === undefined || fixedText === text ? undefined : fixAllAction(context, text, fixedText);
  }

  // Anything else a client sends is answered or ignored, with a log line, never fatal.
  connection.onRequest((method) => {
    log.info(`${SOURCE}: ignoring unsupported request ${method}`);
    return new ResponseError(ErrorCodes.MethodNotFound, `Unsupported request: ${method}`);
  });
  connection.onNotification((method) => {
    if (!method.startsWith("$/")) log.info(`${SOURCE}: ignoring unsupported notification ${method}`);
  });

  connection.onShutdown(() => {
    shuttingDown = true;
    scheduler.cancelAll();
  });

  documents.listen(connection);
}

function initialFolders(params: InitializeParams): string[] {
  if (params.workspaceFolders) return params.workspaceFolders.map((folder) => uriToPath(folder.uri)).filter(isDefined);
  if (params.rootUri) return [uriToPath(params.rootUri)].filter(isDefined);
  return params.rootPath ? [params.rootPath] : [];
}

function languageOf(target: LintTarget): LanguageFamily {
  const extension = path.extname(target.filePath).toLowerCase();
  return extension === ".py" || extension === ".pyi" ? "python" : "javascript";
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  try {
    return String(error);
  } catch {
    return "unknown error";
  }
}
