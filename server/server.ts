/**
 * The language server's wiring: documents → (debounced) lint through the engine → diagnostics; code actions from
 * the diagnostics' data; settings; workspace folders; commands. No rule logic lives here: findings and fixes come
 * from the plugin, through `TextLinter`. Each file gets its nearest declarative configuration file (project-configs.ts
 * watches them and shows an invalid one's problem on it). Workspace code is never executed unless the workspace
 * is trusted: only then may a project's `eslint.config.*` be loaded (linters.ts).
 *
 * Diagnostics are pulled (`textDocument/diagnostic`) by clients that support it, and pushed
 * (`textDocument/publishDiagnostics`) to the others. Either way a document is linted once per version: the newest
 * result is kept per open document and answers repeated pulls; a newer version (or the client cancelling the
 * pull) cancels a lint that is still waiting out its debounce. Closed documents cost nothing.
 */
import { readFileSync, statSync } from "node:fs";
import { performance } from "node:perf_hooks";
import path from "node:path";
import {
  type CancellationToken,
  type CodeAction,
  CodeActionKind,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  DidChangeConfigurationNotification,
  type DocumentDiagnosticReport,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  type InitializeParams,
  type InitializeResult,
  LSPErrorCodes,
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
import { type ConfigOptions, defaultLinterFactory, LinterRegistry, type LinterFactory } from "./linters.js";
import { ProjectConfigs } from "./project-configs.js";
import { familyOfPath, setOverlay, type Family } from "./overlays.js";
import { forgetPythonTree } from "../rules/python/retained-trees.js";
import { forgetTypescriptSourceFile } from "../engine/incremental-ts-parser.js";
import { applyRuleOverrides, fixAllowed } from "./rule-overrides.js";
import { DEFAULT_SETTINGS, LANGUAGES, parseSettings, SECTION, type Settings } from "./settings.js";
import { TypedLinting, type TypedJob, type TypedOutcome } from "./typed-lint.js";
import { uriToPath } from "./uri.js";
import { languageIdOfPath, WorkspaceLint } from "./workspace-lint.js";

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
/**
 * After a change to one document, the other open documents of its language are linted again once typing has paused
 * this long: the project index now sees the unsaved text, which can change their findings.
 */
const DEPENDENTS_DELAY_MS = 750;
/** Tells the client linting failed (`ok: false`) or works again (`ok: true`); the VS Code client shows a status item. */
const STATUS_NOTIFICATION = "asyncPitfalls/status";
/** Sent by the VS Code client when the user trusts the workspace (no params); see `workspaceTrusted`. */
export const WORKSPACE_TRUSTED_NOTIFICATION = "asyncPitfalls/workspaceTrusted";
/** `workspace/executeCommand`: lint every file of the workspace folders and publish the findings. */
export const LINT_WORKSPACE_COMMAND = "asyncPitfalls.lintWorkspace";
/** `workspace/executeCommand` for clients without a documentation command of their own: `window/showDocument`. */
export const OPEN_DOCUMENTATION_COMMAND = "asyncPitfalls.openDocumentation";
/** The VS Code client's command that shows a rule's page (bundled markdown, else the web page). */
export const CLIENT_SHOW_DOCUMENTATION_COMMAND = "asyncPitfalls.showDocumentation";
/** A custom request answering the server's memory use (`process.memoryUsage()`), for benchmarks and bug reports. */
export const MEMORY_REQUEST = "asyncPitfalls/memoryUsage";

/**
 * What the configuration side (linters.ts) needs from the editor: the `configFile` and `useEslintConfig` settings and
 * whether the workspace is trusted (`initializationOptions.workspaceTrusted`, then the `asyncPitfalls/workspaceTrusted`
 * notification; untrusted unless the client says so). Passed to the linter registry whenever one of them changes.
 */
export type EditorConfigOptions = ConfigOptions;

/** The newest diagnostics of an open document. */
interface LintResult {
  readonly version: number;
  /** The generation of the document's language family (other documents' unsaved text) the lint saw. */
  readonly dependencies: number;
  readonly diagnostics: Diagnostic[];
  readonly typed: boolean;
  /** False when the document is not linted at all (ignored, not validated): nothing is published for it. */
  readonly linted: boolean;
  readonly resultId: string;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const linters = new LinterRegistry(options.createLinter ?? defaultLinterFactory);
  const projectConfigs = new ProjectConfigs(connection, linters, () => relintAll());
  const log = connection.console;
  const warn = (message: string): void => log.warn(message);

  /** The start-up settings (`initializationOptions`); later configurations fill in unset keys from these. */
  let baseline: Settings = DEFAULT_SETTINGS;
  let settings: Settings = DEFAULT_SETTINGS;
  /** Until the client says otherwise (`initializationOptions.workspaceTrusted`, then the notification), untrusted. */
  let workspaceTrusted = false;
  let shuttingDown = false;
  const client = {
    documentChanges: false,
    configuration: false,
    dynamicConfiguration: false,
    workspaceFolders: false,
    pullDiagnostics: false,
    diagnosticRefresh: false,
    showDocument: false,
    workDoneProgress: false,
    /** Commands the client implements itself (`initializationOptions.clientCommands`). */
    commands: new Set<string>(),
  };
  /** Documents seen since they were opened: their first lint is immediate, later ones debounced. */
  const seen = new Set<string>();
  /** Documents we have pushed diagnostics for, so closing or disabling clears exactly those. */
  const published = new Set<string>();
  const lastLintMs = new Map<string, number>();
  /** When each document last changed, and the pause before that change: how fast its user is typing. */
  const lastChangeAt = new Map<string, number>();
  const changeGaps = new Map<string, number>();
  const results = new Map<string, LintResult>();
  let resultCounter = 0;
  /** Bumped whenever a document of the family changes or closes: other documents' results may be out of date. */
  const generations: Record<Family, number> = { python: 0, javascript: 0 };
  const dependentTimers = new Map<Family, NodeJS.Timeout>();
  /** Waiting pulls per document: a newer pull for the same document supersedes the older one. */
  const waitingPulls = new Map<string, () => void>();
  /** In `run: onSave` mode, documents saved since their last lint. */
  const savedSinceLint = new Set<string>();

  const scheduler = new LintScheduler(lintNow, (uri, error) => log.error(`${SOURCE}: linting ${uri} failed: ${describeError(error)}`));
  const typedLinting = new TypedLinting(onTypedResult, (message) => log.warn(message));
  const workspaceLint = new WorkspaceLint({
    folders: () => (linters.folders.length > 0 ? [...linters.folders].reverse() : []),
    linterFor: (filePath) => linters.forFile(filePath),
    isOpen: (uri) => documents.get(uri) !== undefined,
    validates: (languageId) => settings.validate.includes(languageId),
    toDiagnostics: (messages, document) => applyRuleOverrides(toDiagnostics(messages, document, { language: familyOfLanguage(document.languageId), editBudget: 0 }), settings.rules),
    publish: (uri, diagnostics) => {
      if (!shuttingDown) connection.sendDiagnostics({ uri, diagnostics });
    },
    log: (message) => log.warn(message),
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities ?? {};
    client.documentChanges = capabilities.workspace?.workspaceEdit?.documentChanges === true;
    client.configuration = capabilities.workspace?.configuration === true;
    client.dynamicConfiguration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    client.workspaceFolders = capabilities.workspace?.workspaceFolders === true;
    client.pullDiagnostics = isObject(capabilities.textDocument?.diagnostic);
    client.diagnosticRefresh = capabilities.workspace?.diagnostics?.refreshSupport === true;
    client.showDocument = capabilities.window?.showDocument?.support === true;
    client.workDoneProgress = capabilities.window?.workDoneProgress === true;
    projectConfigs.initialize(capabilities);
    linters.setFolders(initialFolders(params));
    // `initializationOptions` may be the settings themselves or wrap them as `{ asyncPitfalls: {...} }`, next to
    // `workspaceTrusted` and `clientCommands`.
    const raw: unknown = params.initializationOptions;
    const { workspaceTrusted: trusted, clientCommands, ...rest } = isObject(raw) ? raw : {};
    if (typeof trusted === "boolean") workspaceTrusted = trusted;
    if (Array.isArray(clientCommands)) for (const command of clientCommands) if (typeof command === "string") client.commands.add(command);
    const wrapped = isObject(raw) && isObject(raw[SECTION]) ? raw[SECTION] : isObject(raw) ? rest : raw;
    baseline = parseSettings(wrapped, warn);
    settings = baseline;
    applyConfigOptions();
    const commands = [LINT_WORKSPACE_COMMAND];
    if (!client.commands.has(CLIENT_SHOW_DOCUMENTATION_COMMAND) && client.showDocument) commands.push(OPEN_DOCUMENTATION_COMMAND);
    return {
      capabilities: {
        positionEncoding: "utf-16",
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        executeCommandProvider: { commands },
        ...(client.pullDiagnostics
          ? { diagnosticProvider: { identifier: SOURCE, interFileDependencies: false, workspaceDiagnostics: false } }
          : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: `${SOURCE}-lsp`, version: String((plugin.meta as { version?: string } | undefined)?.version ?? "") },
    };
  });

  connection.onInitialized(() => {
    projectConfigs.registerWatchers();
    if (client.dynamicConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SECTION }).catch((error: unknown) => {
        warn(`Could not register for configuration changes: ${describeError(error)}`);
      });
    }
    if (client.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = event.removed.map((folder) => uriToPath(folder.uri)).filter(isDefined).map((folder) => path.resolve(folder));
        const kept = linters.folders.filter((folder) => !removed.includes(path.resolve(folder)));
        linters.setFolders([...kept, ...event.added.map((folder) => uriToPath(folder.uri)).filter(isDefined)]);
        workspaceLint.forgetFolders(removed);
        relintAll();
      });
    }
    if (client.configuration) void pullSettings();
  });

  connection.onDidChangeConfiguration((params) => {
    const pushed = isObject(params?.settings) ? params.settings[SECTION] : undefined;
    if (pushed !== undefined) applySettings(parseSettings(pushed, warn, baseline));
    else if (client.configuration) void pullSettings();
  });

  connection.onNotification(WORKSPACE_TRUSTED_NOTIFICATION, () => {
    if (workspaceTrusted) return;
    workspaceTrusted = true;
    applyConfigOptions();
    relintAll();
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
    const configChanged = previous.configFile !== next.configFile || previous.useEslintConfig !== next.useEslintConfig;
    if (configChanged) applyConfigOptions();
    if (previous.enable && !next.enable) {
      scheduler.cancelAll();
      results.clear();
      for (const uri of published) connection.sendDiagnostics({ uri, diagnostics: [] });
      published.clear();
      workspaceLint.clear();
      refreshPulled();
      return;
    }
    if (!next.enable) return;
    const resultsChanged =
      !previous.enable ||
      configChanged ||
      previous.validate.join() !== next.validate.join() ||
      JSON.stringify(previous.rules) !== JSON.stringify(next.rules) ||
      previous.typescript.typed !== next.typescript.typed;
    if (resultsChanged) relintAll();
    else if (previous.run !== next.run && next.run === "onType") relintAll();
  }

  /** Hands the configuration-related settings to the linters (the declarative-configuration side reads them). */
  function applyConfigOptions(): void {
    const configOptions: EditorConfigOptions = {
      configFile: resolveConfigFile(settings.configFile, linters.folders),
      useEslintConfig: settings.useEslintConfig,
      workspaceTrusted,
    };
    linters.setConfigOptions(configOptions);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Documents.

  documents.onDidChangeContent(({ document }) => {
    const { uri } = document;
    const first = !seen.has(uri);
    seen.add(uri);
    const now = performance.now();
    changeGaps.set(uri, now - (lastChangeAt.get(uri) ?? -Infinity));
    lastChangeAt.set(uri, now);
    const filePath = uriToPath(uri);
    if (filePath !== undefined) setOverlay(filePath, document.getText());
    // Other documents may see this one through the project index: they are linted again once typing pauses. A
    // document opened as it is on disk changes nothing for them.
    const family = familyOf(document);
    if (family && !(first && filePath !== undefined && sameAsDisk(filePath, document.getText()))) {
      generations[family] += 1;
      scheduleDependents(family);
    }
    if (shuttingDown || !settings.enable) return;
    // A pulled document must not also show the workspace lint's pushed copy.
    if (first && client.pullDiagnostics && workspaceLint.covers(uri)) connection.sendDiagnostics({ uri, diagnostics: [] });
    if (client.pullDiagnostics) return; // the client asks when it wants them
    if (!first && settings.run === "onSave") return;
    scheduler.schedule(uri, first ? 0 : debounceFor(uri));
  });

  documents.onDidSave(({ document }) => {
    if (shuttingDown || !settings.enable || settings.run !== "onSave") return;
    if (client.pullDiagnostics) {
      savedSinceLint.add(document.uri);
      refreshPulled();
    } else {
      scheduler.schedule(document.uri, 0);
    }
  });

  documents.onDidClose(({ document }) => {
    const { uri } = document;
    scheduler.cancel(uri);
    typedLinting.cancel(uri);
    waitingPulls.get(uri)?.();
    seen.delete(uri);
    lastLintMs.delete(uri);
    lastChangeAt.delete(uri);
    changeGaps.delete(uri);
    results.delete(uri);
    savedSinceLint.delete(uri);
    const filePath = uriToPath(uri);
    if (filePath !== undefined) {
      setOverlay(filePath, undefined);
      forgetPythonTree(filePath);
      forgetTypescriptSourceFile(filePath);
    }
    const family = familyOf(document);
    if (family && !(filePath !== undefined && sameAsDisk(filePath, document.getText()))) {
      generations[family] += 1;
      scheduleDependents(family);
    }
    const wasPublished = published.delete(uri);
    if (shuttingDown) return;
    if (settings.enable && workspaceLint.covers(uri)) workspaceLint.relint(uri);
    else if (wasPublished || !client.pullDiagnostics) connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  function familyOf(document: Pick<TextDocument, "uri" | "languageId">): Family | undefined {
    const filePath = uriToPath(document.uri);
    return (filePath === undefined ? undefined : familyOfPath(filePath)) ?? (languageOf(document) === undefined ? undefined : familyOfLanguage(document.languageId));
  }

  /** Once typing pauses, lints the other open documents of the family again if they saw older unsaved text. */
  function scheduleDependents(family: Family): void {
    clearTimeout(dependentTimers.get(family));
    const timer = setTimeout(() => {
      dependentTimers.delete(family);
      if (shuttingDown || !settings.enable) return;
      const stale = documents.all().filter((document) => {
        const result = results.get(document.uri);
        return familyOf(document) === family && result !== undefined && result.dependencies !== generations[family];
      });
      if (stale.length === 0) return;
      if (client.pullDiagnostics) refreshPulled();
      else if (settings.run === "onType") for (const document of stale) if (!scheduler.pending(document.uri)) scheduler.schedule(document.uri, 0);
    }, DEPENDENTS_DELAY_MS);
    timer.unref?.();
    dependentTimers.set(family, timer);
  }

  /**
   * The pause before linting a changed document: the `debounceMs` setting, lengthened to the document's last lint
   * time (up to a limit) while changes come faster than it can be linted, so a burst of typing costs one lint.
   */
  function debounceFor(uri: string): number {
    const lintMs = lastLintMs.get(uri) ?? 0;
    const typingFast = (changeGaps.get(uri) ?? Infinity) < lintMs;
    return Math.max(settings.debounceMs, typingFast ? Math.min(lintMs, MAX_ADAPTIVE_DEBOUNCE_MS) : 0);
  }

  /** After a settings change: every open document gets fresh diagnostics. */
  function relintAll(): void {
    if (shuttingDown || !settings.enable) return;
    results.clear();
    if (client.pullDiagnostics) {
      refreshPulled();
      // Documents the settings no longer lint keep nothing pushed.
      for (const uri of published) connection.sendDiagnostics({ uri, diagnostics: [] });
      published.clear();
      return;
    }
    for (const document of documents.all()) scheduler.schedule(document.uri, 0);
  }

  /** Asks a pulling client to pull again (`workspace/diagnostic/refresh`). */
  function refreshPulled(): void {
    if (!client.pullDiagnostics || !client.diagnosticRefresh || shuttingDown) return;
    void connection.languages.diagnostics.refresh().catch((error: unknown) => warn(`Could not refresh diagnostics: ${describeError(error)}`));
  }

  function validates(document: Pick<TextDocument, "uri" | "languageId">): boolean {
    const language = languageOf(document);
    return language !== undefined && settings.validate.includes(language);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Linting.

  /** Push mode: lints the newest text of a document and publishes the result, unless the document moved on. */
  function lintNow(uri: string): void {
    const document = documents.get(uri);
    if (!document || shuttingDown || !settings.enable) return;
    const result = lintDocument(document);
    if (result === undefined) return;
    // Newest version wins: a result for a version that is no longer current is dropped.
    const current = documents.get(uri);
    if (!current || current.version !== result.version || shuttingDown || !settings.enable) return;
    publish(uri, result);
  }

  function publish(uri: string, result: LintResult): void {
    if (!result.linted) {
      // Not ours to lint (ignored, another language, not validated): nothing to show.
      if (published.delete(uri)) connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    connection.sendDiagnostics({ uri, version: result.version, diagnostics: result.diagnostics });
    published.add(uri);
  }

  /**
   * Lints a document's current text (untyped), stores and returns the result; asks for a typed lint of the same
   * version when that applies. Undefined when the document is not linted (the result then is empty) or linting failed.
   */
  function lintDocument(document: TextDocument): LintResult | undefined {
    const { uri } = document;
    const family = familyOf(document);
    const dependencies = family ? generations[family] : 0;
    const target = validates(document) ? lintTarget(document, linters) : undefined;
    if (!target) return storeResult(document, dependencies, [], false, false);
    const snapshot = snapshotOf(document);
    const messages = lintSnapshot(snapshot, target);
    if (messages === undefined) return undefined;
    const diagnostics = convert(snapshot, target, messages);
    if (diagnostics === undefined) return undefined;
    savedSinceLint.delete(uri);
    const result = storeResult(document, dependencies, diagnostics, false, true);
    if (settings.typescript.typed && languageOfTarget(target) === "javascript") {
      typedLinting.request({ uri, version: snapshot.version, root: linters.rootFor(target.filePath), filePath: target.filePath, text: snapshot.getText() });
    }
    return result;
  }

  function storeResult(document: TextDocument, dependencies: number, diagnostics: Diagnostic[], typed: boolean, linted: boolean): LintResult {
    const result: LintResult = { version: document.version, dependencies, diagnostics, typed, linted, resultId: `${document.version}:${++resultCounter}` };
    results.set(document.uri, result);
    return result;
  }

  function onTypedResult(job: TypedJob, outcome: TypedOutcome): void {
    const document = documents.get(job.uri);
    if (!document || document.version !== job.version || shuttingDown || !settings.enable || !settings.typescript.typed) return;
    if ("error" in outcome) {
      log.error(`${SOURCE}: typed linting of ${job.filePath} failed; its untyped diagnostics stay.\n${outcome.error}`);
      return;
    }
    if ("skipped" in outcome) return; // not in a TypeScript project: the untyped diagnostics are the answer
    const target = lintTarget(document, linters);
    if (!target) return;
    const snapshot = TextDocument.create(job.uri, document.languageId, job.version, job.text);
    const diagnostics = convert(snapshot, target, outcome.messages);
    if (diagnostics === undefined) return;
    const previous = results.get(job.uri);
    const result = storeResult(document, previous?.dependencies ?? 0, diagnostics, true, true);
    if (client.pullDiagnostics) refreshPulled();
    else publish(job.uri, result);
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

  /** Messages → diagnostics with the editor's rule overrides, or undefined (logged) if that fails. */
  function convert(snapshot: TextDocument, target: LintTarget, messages: readonly Linter.LintMessage[]): Diagnostic[] | undefined {
    return convertSafely(
      () => applyRuleOverrides(toDiagnostics(messages, snapshot, { language: languageOfTarget(target), editBudget: EDIT_BUDGET }), settings.rules),
      snapshot,
    );
  }

  function convertSafely(run: () => Diagnostic[], snapshot: TextDocument): Diagnostic[] | undefined {
    try {
      return run();
    } catch (error) {
      log.error(`${SOURCE}: converting the findings for ${snapshot.uri} (version ${snapshot.version}) failed.\n${describeError(error)}`);
      return undefined;
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Pull diagnostics.

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    const { uri } = params.textDocument;
    const previousResultId = params.previousResultId;
    const document = documents.get(uri);
    if (!document || shuttingDown || !settings.enable) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    let cached = results.get(uri);
    if (cached && isFresh(cached, document)) return report(cached, previousResultId);
    if (cached && settings.run === "onSave" && !savedSinceLint.has(uri)) {
      // Not linted until saved: the client keeps what it shows (moved along with the edits).
      return previousResultId !== undefined ? { kind: DocumentDiagnosticReportKind.Unchanged, resultId: previousResultId } : report(cached, undefined);
    }
    // Wait out the debounce; a newer pull of the same document or the client's cancellation ends the wait.
    const delay = cached === undefined || cached.version === document.version ? 0 : debounceFor(uri);
    waitingPulls.get(uri)?.();
    const superseded = await pause(delay, token, (cancel) => waitingPulls.set(uri, cancel));
    if (waitingPulls.get(uri) === superseded.cancel) waitingPulls.delete(uri);
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, "The pull was cancelled.");
    if (superseded.cancelled) throw new ResponseError(LSPErrorCodes.ServerCancelled, "A newer pull replaced this one.", { retriggerRequest: false });
    const current = documents.get(uri);
    if (!current || shuttingDown || !settings.enable) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    cached = results.get(uri);
    if (cached && isFresh(cached, current)) return report(cached, previousResultId);
    const result = lintDocument(current);
    if (result === undefined) {
      // Linting failed: the document keeps the diagnostics it has.
      if (previousResultId !== undefined) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: previousResultId };
      return { kind: DocumentDiagnosticReportKind.Full, items: cached?.diagnostics ?? [] };
    }
    return report(result, previousResultId);
  });

  function isFresh(result: LintResult, document: TextDocument): boolean {
    const family = familyOf(document);
    return result.version === document.version && (family === undefined || result.dependencies === generations[family]);
  }

  function report(result: LintResult, previousResultId: string | undefined): DocumentDiagnosticReport {
    if (previousResultId === result.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: result.resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: result.resultId, items: result.diagnostics };
  }

  // -------------------------------------------------------------------------------------------------------------
  // Code actions and commands.

  connection.onCodeAction((params: CodeActionParams): CodeAction[] => {
    const document = documents.get(params.textDocument.uri);
    if (!document || shuttingDown) return [];
    const showDocumentationCommand = client.commands.has(CLIENT_SHOW_DOCUMENTATION_COMMAND)
      ? CLIENT_SHOW_DOCUMENTATION_COMMAND
      : client.showDocument
        ? OPEN_DOCUMENTATION_COMMAND
        : undefined;
    const context: ActionContext = { document, documentChanges: client.documentChanges, showDocumentationCommand };
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
    const fresh = convertSafely(() => toDiagnosticsLike(missing, messages, snapshot, { language: languageOfTarget(target) }), snapshot) ?? [];
    return ours.map((diagnostic) => {
      if (!incomplete(diagnostic)) return diagnostic;
      const match = fresh.find((candidate) => candidate.message === diagnostic.message && sameRange(candidate.range, diagnostic.range));
      return match ? { ...diagnostic, data: match.data } : diagnostic;
    });
  }

  /** `source.fixAll.async-pitfalls`: ESLint's safe fixes only (never suggestions), except rules the editor turned off. */
  function fixAll(document: TextDocument, context: ActionContext): CodeAction | undefined {
    if (!settings.enable || !validates(document)) return undefined;
    const target = lintTarget(document, linters);
    if (!target) return undefined;
    const text = document.getText();
    const filter = fixAllowed(settings.rules);
    const { fixedText } = filter ? target.linter.fix(text, target.filePath, { fix: filter }) : target.linter.fix(text, target.filePath);
    return fixedText === undefined || fixedText === text ? undefined : fixAllAction(context, text, fixedText);
  }

  connection.onExecuteCommand(async (params, token) => {
    if (params.command === LINT_WORKSPACE_COMMAND) return lintWorkspace(token);
    if (params.command === OPEN_DOCUMENTATION_COMMAND) {
      const href = params.arguments?.[1];
      if (typeof href !== "string" || !/^https?:\/\//u.test(href)) return null;
      const shown = await connection.window.showDocument({ uri: href, external: true });
      return shown.success;
    }
    throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command: ${params.command}`);
  });

  async function lintWorkspace(token: CancellationToken): Promise<{ files: number; problems: number; cancelled: boolean }> {
    if (!settings.enable || shuttingDown) return { files: 0, problems: 0, cancelled: true };
    const progress = client.workDoneProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin("async-pitfalls: linting the workspace", 0, undefined, true);
    const started = performance.now();
    try {
      const result = await workspaceLint.lintAll(
        progress && {
          report: (done, total, message) => progress.report(total === 0 ? 100 : Math.floor((done / total) * 100), message),
        },
        () => token.isCancellationRequested || progress?.token.isCancellationRequested === true || shuttingDown,
      );
      log.info(`${SOURCE}: linted ${result.files} workspace files in ${Math.round(performance.now() - started)} ms: ${result.problems} problems${result.cancelled ? " (cancelled)" : ""}.`);
      return result;
    } finally {
      progress?.done();
    }
  }

  connection.onRequest(MEMORY_REQUEST, (params: unknown) => {
    // `{ gc: true }` collects garbage first when the server runs with --expose-gc (benchmarks).
    const gc = (globalThis as { gc?: () => void }).gc;
    if (isObject(params) && params["gc"] === true && gc) gc();
    return process.memoryUsage();
  });

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
    typedLinting.dispose();
    for (const timer of dependentTimers.values()) clearTimeout(timer);
    for (const cancel of waitingPulls.values()) cancel();
  });

  documents.listen(connection);
}

/** Whether the file on disk holds exactly `text` (small files only: a larger one counts as different). */
function sameAsDisk(filePath: string, text: string): boolean {
  try {
    const stats = statSync(filePath, { throwIfNoEntry: false });
    if (!stats?.isFile() || stats.size > 4_000_000 || stats.size < text.length) return false;
    return readFileSync(filePath, "utf8") === text;
  } catch {
    return false;
  }
}

/**
 * Waits `ms` (not at all for 0), ending early when the request is cancelled or `register`'s cancel function is
 * called (a newer pull for the same document).
 */
function pause(ms: number, token: CancellationToken, register: (cancel: () => void) => void): Promise<{ cancelled: boolean; cancel: () => void }> {
  return new Promise((resolve) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    let subscription: { dispose(): void } | undefined;
    const finish = (cancelled: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      subscription?.dispose();
      resolve({ cancelled, cancel });
    };
    const cancel = (): void => finish(true);
    register(cancel);
    if (token.isCancellationRequested) return finish(true);
    subscription = token.onCancellationRequested(() => finish(true));
    if (ms <= 0) setImmediate(() => finish(false));
    else timer = setTimeout(() => finish(false), ms);
  });
}

function initialFolders(params: InitializeParams): string[] {
  if (params.workspaceFolders) return params.workspaceFolders.map((folder) => uriToPath(folder.uri)).filter(isDefined);
  if (params.rootUri) return [uriToPath(params.rootUri)].filter(isDefined);
  return params.rootPath ? [params.rootPath] : [];
}

/** The `configFile` setting as an absolute path: relative paths are taken from the outermost workspace folder. */
function resolveConfigFile(configFile: string | undefined, folders: readonly string[]): string | undefined {
  if (configFile === undefined) return undefined;
  const expanded = configFile.replace(/^~(?=$|[\\/])/u, process.env["HOME"] ?? "~");
  return path.isAbsolute(expanded) ? path.normalize(expanded) : path.resolve(folders.at(-1) ?? process.cwd(), expanded);
}

/** The document's language among those `validate` names: its language id, else the one of its file extension. */
function languageOf(document: Pick<TextDocument, "uri" | "languageId">): string | undefined {
  if ((LANGUAGES as readonly string[]).includes(document.languageId)) return document.languageId;
  const filePath = uriToPath(document.uri);
  return filePath === undefined ? undefined : languageIdOfPath(filePath);
}

function familyOfLanguage(languageId: string): Family {
  return languageId === "python" ? "python" : "javascript";
}

function languageOfTarget(target: LintTarget): LanguageFamily {
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
