/**
 * Layer 4, the editor experience: the code actions on each diagnostic (fix, suggestions, disable for this line and
 * for this file in each language's comment syntax, documentation), fix-all, the editor settings (`validate`,
 * `rules`, `typescript.typed`), pull diagnostics with cancellation, unsaved text of other modules, several workspace
 * folders, and "Lint Whole Workspace". The built server over stdio, driven by a real LSP client.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  CancellationTokenSource,
  type CodeAction,
  CodeActionKind,
  type Diagnostic,
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  type FullDocumentDiagnosticReport,
  LSPErrorCodes,
  ResponseError,
} from "vscode-languageserver-protocol/node";
import { docsUrl } from "../../rules/catalog.js";
import { applyWorkspaceEdit, ensureBuilt, fileUri, LspClient, makeWorkspace } from "./harness.js";

const SLEEPY = "import time\n\nasync def handler():\n    time.sleep(1)\n";
const TS_SLEEPY = "export async function main(flag: boolean): Promise<void> {\n  if (flag) {\n    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);\n  }\n}\n";
const SHOW_DOCUMENTATION = "asyncPitfalls.showDocumentation";

let client: LspClient;
let workspace: string;
let counter = 0;

beforeAll(async () => {
  ensureBuilt();
  workspace = makeWorkspace("ap-editor-");
  client = await LspClient.start({ cwd: workspace });
  await client.initialize({ rootPath: workspace, initializationOptions: { clientCommands: [SHOW_DOCUMENTATION] } });
}, 240_000);

afterAll(async () => {
  await client?.stop();
});

function codeActionParams(uri: string, diagnostics: Diagnostic[], only?: string[]) {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } };
}

function languageOf(name: string): string {
  return name.endsWith(".py") ? "python" : name.endsWith(".ts") ? "typescript" : "javascript";
}

/** Opens a fresh document, waits for its diagnostics and returns the actions for the one with `code`. */
async function actionsFor(name: string, text: string, code: string, on: LspClient = client, root = workspace) {
  const uri = fileUri(root, `${counter++}-${name}`);
  await on.open(uri, languageOf(name), text, 1);
  const published = await on.diagnosticsAt(uri, 1);
  const diagnostic = published.diagnostics.find((candidate) => candidate.code === code);
  if (!diagnostic) throw new Error(`no ${code} in ${JSON.stringify(published.diagnostics)}`);
  const actions = await on.codeActions(codeActionParams(uri, [diagnostic]));
  return { uri, diagnostic, actions };
}

/** Applies an action's edit as the client would, and returns the new text and its diagnostics' codes. */
async function apply(uri: string, text: string, action: CodeAction | undefined, version = 2, on: LspClient = client) {
  if (!action) throw new Error("no such action");
  const languageId = languageOf(uri);
  const edited = applyWorkspaceEdit(text, action.edit, uri, languageId);
  await on.change(uri, version, [{ text: edited }]);
  const codes = (await on.diagnosticsAt(uri, version)).diagnostics.map((diagnostic) => diagnostic.code);
  await on.close(uri);
  return { edited, codes };
}

const byTitle = (actions: CodeAction[], prefix: string) => actions.find((action) => action.title.startsWith(prefix));

describe("the actions of one diagnostic", () => {
  it("come in order: fix (preferred), disable for the line, disable for the file, documentation", async () => {
    const { uri, diagnostic, actions } = await actionsFor("order.py", SLEEPY, "no-blocking-sleep");
    expect(actions.map((action) => action.title)).toEqual([
      "Fix: replace with 'await asyncio.sleep(1)'",
      "Disable async-pitfalls/no-blocking-sleep for this line",
      "Disable async-pitfalls/no-blocking-sleep for this file",
      "Show documentation for async-pitfalls/no-blocking-sleep",
    ]);
    expect(actions[0]!.isPreferred).toBe(true);
    expect(actions.every((action) => action.kind === CodeActionKind.QuickFix)).toBe(true);
    expect(actions[3]).toMatchObject({
      diagnostics: [diagnostic],
      command: { command: SHOW_DOCUMENTATION, arguments: ["no-blocking-sleep", docsUrl("no-blocking-sleep")] },
    });
    expect(actions[3]!.edit).toBeUndefined();
    await client.close(uri);
  });

  it("offers suggestions (not preferred) between the fix and the disable actions", async () => {
    const text = 'import { execSync } from "node:child_process";\n\nexport async function main(): Promise<void> {\n  execSync("sleep 2");\n}\n';
    const { uri, actions } = await actionsFor("suggest.ts", text, "no-blocking-sleep");
    const titles = actions.map((action) => action.title);
    expect(titles[0]).toMatch(/^Replace with 'await setTimeout\(2000\)'/u);
    expect(actions[0]!.isPreferred).toBeUndefined();
    expect(titles.slice(-3)).toEqual([
      "Disable async-pitfalls/no-blocking-sleep for this line",
      "Disable async-pitfalls/no-blocking-sleep for this file",
      "Show documentation for async-pitfalls/no-blocking-sleep",
    ]);
    await client.close(uri);
  });
});

describe("Disable for this line, Python", () => {
  it("appends `# async-pitfalls: disable=<rule>` to the line", async () => {
    const { uri, actions } = await actionsFor("line.py", SLEEPY, "no-blocking-sleep");
    const { edited, codes } = await apply(uri, SLEEPY, byTitle(actions, "Disable async-pitfalls/no-blocking-sleep for this line"));
    expect(edited).toBe("import time\n\nasync def handler():\n    time.sleep(1)  # async-pitfalls: disable=no-blocking-sleep\n");
    expect(codes).toEqual([]);
  });

  it("adds the rule to an `# async-pitfalls: disable=` comment already on the line", async () => {
    const text = "import time\n\nasync def handler():\n    time.sleep(1)  # async-pitfalls: disable=no-blocking-call -- legacy\n";
    const { uri, actions } = await actionsFor("merge-own.py", text, "no-blocking-sleep");
    const { edited, codes } = await apply(uri, text, byTitle(actions, "Disable async-pitfalls/no-blocking-sleep for this line"));
    expect(edited).toContain("    time.sleep(1)  # async-pitfalls: disable=no-blocking-call,no-blocking-sleep -- legacy\n");
    expect(codes).not.toContain("no-blocking-sleep");
  });

  it("puts the directive above a line that already ends in another comment, keeping that comment", async () => {
    const text = "import time\n\nasync def handler():\n    time.sleep(1)  # type: ignore[misc]  # noqa: E501\n";
    const { uri, actions } = await actionsFor("foreign-comment.py", text, "no-blocking-sleep");
    const { edited, codes } = await apply(uri, text, byTitle(actions, "Disable async-pitfalls/no-blocking-sleep for this line"));
    expect(edited).toBe(
      "import time\n\nasync def handler():\n    # eslint-disable-next-line async-pitfalls/no-blocking-sleep\n    time.sleep(1)  # type: ignore[misc]  # noqa: E501\n",
    );
    expect(codes).toEqual([]);
  });

  it("puts the directive above a line that ends inside a triple-quoted string or with a backslash", async () => {
    const text = 'import time\n\nasync def handler():\n    time.sleep(1); note = """a # b\n    c"""\n    time.sleep(2) + \\\n        1\n';
    const { uri, actions, diagnostic } = await actionsFor("in-string.py", text, "no-blocking-sleep");
    expect(diagnostic.range.start.line).toBe(3);
    const { edited } = await apply(uri, text, byTitle(actions, "Disable async-pitfalls/no-blocking-sleep for this line"));
    expect(edited).toContain('    # eslint-disable-next-line async-pitfalls/no-blocking-sleep\n    time.sleep(1); note = """a # b\n');
    // The second call ends its line with a backslash continuation.
    const second = fileUri(workspace, `${counter++}-continued.py`);
    await client.open(second, "python", text, 1);
    const found = (await client.diagnosticsAt(second, 1)).diagnostics.find((candidate) => candidate.range.start.line === 5)!;
    const actions2 = await client.codeActions(codeActionParams(second, [found]));
    const after = applyWorkspaceEdit(text, byTitle(actions2, "Disable async-pitfalls/no-blocking-sleep for this line")!.edit, second);
    expect(after).toContain("    # eslint-disable-next-line async-pitfalls/no-blocking-sleep\n    time.sleep(2) + \\\n");
    await client.close(second);
  });

  it("keeps CRLF line endings", async () => {
    const text = SLEEPY.replaceAll("\n", "\r\n");
    const { uri, actions } = await actionsFor("crlf.py", text, "no-blocking-sleep");
    const { edited, codes } = await apply(uri, text, byTitle(actions, "Disable async-pitfalls/no-blocking-sleep for this line"));
    expect(edited).toBe("import time\r\n\r\nasync def handler():\r\n    time.sleep(1)  # async-pitfalls: disable=no-blocking-sleep\r\n");
    expect(codes).toEqual([]);
  });
});

describe("Disable for this line, TypeScript", () => {
  it("puts `// eslint-disable-next-line` above the line with its indentation", async () => {
    const { uri, actions } = await actionsFor("line.ts", TS_SLEEPY, "no-blocking-sleep");
    const { edited, codes } = await apply(uri, TS_SLEEPY, byTitle(actions, "Disable async-pitfalls/no-blocking-sleep for this line"));
    expect(edited).toContain("  if (flag) {\n    // eslint-disable-next-line async-pitfalls/no-blocking-sleep\n    Atomics.wait(");
    expect(codes).toEqual([]);
  });

  it("adds the rule to an `eslint-disable-next-line` comment already above", async () => {
    const text = TS_SLEEPY.replace("    Atomics", "    // eslint-disable-next-line async-pitfalls/no-blocking-call -- reason\n    Atomics");
    const { uri, actions } = await actionsFor("merge.ts", text, "no-blocking-sleep");
    const { edited, codes } = await apply(uri, text, byTitle(actions, "Disable async-pitfalls/no-blocking-sleep for this line"));
    expect(edited).toContain("    // eslint-disable-next-line async-pitfalls/no-blocking-call, async-pitfalls/no-blocking-sleep -- reason\n    Atomics");
    expect(codes).not.toContain("no-blocking-sleep");
  });
});

describe("Disable for this file", () => {
  it("Python: after the shebang and the encoding line, before the docstring", async () => {
    const text = `#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\n"""Module doc."""\n${SLEEPY}`;
    const { uri, actions } = await actionsFor("file.py", text, "no-blocking-sleep");
    const { edited, codes } = await apply(uri, text, byTitle(actions, "Disable async-pitfalls/no-blocking-sleep for this file"));
    expect(edited).toBe(`#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\n# eslint-disable async-pitfalls/no-blocking-sleep\n"""Module doc."""\n${SLEEPY}`);
    expect(codes).toEqual([]);
  });

  it("Python: adds the rule to an `# eslint-disable` directive among the leading comments", async () => {
    const text = `# Copyright\n# eslint-disable async-pitfalls/no-blocking-call\n${SLEEPY}`;
    const { uri, actions } = await actionsFor("file-merge.py", text, "no-blocking-sleep");
    const { edited, codes } = await apply(uri, text, byTitle(actions, "Disable async-pitfalls/no-blocking-sleep for this file"));
    expect(edited).toBe(`# Copyright\n# eslint-disable async-pitfalls/no-blocking-call, async-pitfalls/no-blocking-sleep\n${SLEEPY}`);
    expect(codes).not.toContain("no-blocking-sleep");
  });

  it("TypeScript: `/* eslint-disable … */` after a shebang", async () => {
    const text = `#!/usr/bin/env node\n${TS_SLEEPY}`;
    const { uri, actions } = await actionsFor("file.ts", text, "no-blocking-sleep");
    const { edited, codes } = await apply(uri, text, byTitle(actions, "Disable async-pitfalls/no-blocking-sleep for this file"));
    expect(edited).toBe(`#!/usr/bin/env node\n/* eslint-disable async-pitfalls/no-blocking-sleep */\n${TS_SLEEPY}`);
    expect(codes).toEqual([]);
  });

  it("TypeScript: adds the rule to a file-level block directive already there", async () => {
    const text = `// Copyright\n/* eslint-disable async-pitfalls/no-blocking-call -- generated */\n${TS_SLEEPY}`;
    const { uri, actions } = await actionsFor("file-merge.ts", text, "no-blocking-sleep");
    const { edited, codes } = await apply(uri, text, byTitle(actions, "Disable async-pitfalls/no-blocking-sleep for this file"));
    expect(edited).toBe(`// Copyright\n/* eslint-disable async-pitfalls/no-blocking-call, async-pitfalls/no-blocking-sleep -- generated */\n${TS_SLEEPY}`);
    expect(codes).not.toContain("no-blocking-sleep");
  });
});

describe("documentation for clients without a command of their own", () => {
  it("uses the server's command, which asks the client to show the page (window/showDocument)", async () => {
    const dir = makeWorkspace("ap-docs-");
    const other = await LspClient.start({ cwd: dir });
    await other.initialize({
      rootPath: dir,
      capabilities: { textDocument: { publishDiagnostics: {} }, window: { showDocument: { support: true } } },
    });
    const { actions, uri } = await actionsFor("docs.py", SLEEPY, "no-blocking-sleep", other, dir);
    const docs = byTitle(actions, "Show documentation");
    expect(docs?.command).toMatchObject({ command: "asyncPitfalls.openDocumentation", arguments: ["no-blocking-sleep", docsUrl("no-blocking-sleep")] });
    expect(await other.executeCommand(docs!.command!.command, docs!.command!.arguments)).toBe(true);
    expect(other.shownDocuments).toEqual([{ uri: docsUrl("no-blocking-sleep"), external: true }]);
    await other.close(uri);
    expect(await other.stop()).toBe(0);
  });

  it("offers no documentation action to a client that can show nothing", async () => {
    const dir = makeWorkspace("ap-docs-");
    const other = await LspClient.start({ cwd: dir });
    await other.initialize({ rootPath: dir, capabilities: { textDocument: { publishDiagnostics: {} } } });
    const { actions } = await actionsFor("nodocs.py", SLEEPY, "no-blocking-sleep", other, dir);
    expect(byTitle(actions, "Show documentation")).toBeUndefined();
    expect(await other.stop()).toBe(0);
  });
});

describe("fix all", () => {
  it("applies fixes but never suggestions", async () => {
    const text = 'import { execSync } from "node:child_process";\n\nexport async function main(): Promise<void> {\n  execSync("sleep 2");\n}\n';
    const uri = fileUri(workspace, "fix-all-suggestions.ts");
    await client.open(uri, "typescript", text, 1);
    await client.diagnosticsAt(uri, 1);
    expect(await client.codeActions(codeActionParams(uri, [], ["source.fixAll.async-pitfalls"]))).toEqual([]);
    await client.close(uri);
  });
});

describe("settings", () => {
  afterEach(async () => {
    await client.configure({ asyncPitfalls: {} });
  });

  it("`rules` sets the editor's severity per rule; `off` also keeps the rule's fixes out of fix-all", async () => {
    const uri = fileUri(workspace, "severity.py");
    await client.open(uri, "python", SLEEPY, 1);
    expect((await client.diagnosticsAt(uri, 1)).diagnostics[0]!.severity).toBe(DiagnosticSeverity.Warning);
    for (const [setting, severity] of [
      ["error", DiagnosticSeverity.Error],
      ["info", DiagnosticSeverity.Information],
    ] as const) {
      const since = client.published.length;
      await client.configure({ asyncPitfalls: { rules: { "no-blocking-sleep": setting } } });
      const params = await client.diagnostics(uri, () => true, { since });
      expect(params.diagnostics.map((diagnostic) => diagnostic.severity)).toEqual([severity]);
    }
    const since = client.published.length;
    await client.configure({ asyncPitfalls: { rules: { "async-pitfalls/no-blocking-sleep": "off" } } });
    expect((await client.diagnostics(uri, () => true, { since })).diagnostics).toEqual([]);
    expect(await client.codeActions(codeActionParams(uri, [], ["source.fixAll"]))).toEqual([]);
    await client.close(uri);
  });

  it("`validate` picks the languages linted", async () => {
    const py = fileUri(workspace, "validate.py");
    const ts = fileUri(workspace, "validate.ts");
    await client.open(py, "python", SLEEPY, 1);
    await client.open(ts, "typescript", TS_SLEEPY, 1);
    await client.diagnosticsAt(py, 1);
    expect((await client.diagnosticsAt(ts, 1)).diagnostics).toHaveLength(1);
    const since = client.published.length;
    await client.configure({ asyncPitfalls: { validate: ["python"] } });
    expect((await client.diagnostics(ts, () => true, { since })).diagnostics).toEqual([]);
    expect((await client.diagnostics(py, () => true, { since })).diagnostics).toHaveLength(1);
    // Edits of an excluded language publish nothing more.
    const after = client.published.length;
    await client.change(ts, 2, [{ text: `${TS_SLEEPY}\n` }]);
    await client.change(py, 2, [{ text: `${SLEEPY}\n` }]);
    await client.diagnosticsAt(py, 2);
    expect(client.published.slice(after).filter((params) => params.uri === ts)).toEqual([]);
    await client.close(py);
    await client.close(ts);
  });

  it("logs malformed values and keeps the others", async () => {
    await client.configure({ asyncPitfalls: { validate: ["python", "cobol"], rules: { "no-such-rule": "off", "no-blocking-call": "loud" } } });
    await client.waitFor(() => client.logs.find((log) => log.message.includes('"cobol" in asyncPitfalls.validate')), 10_000, "the validate log line");
    await client.waitFor(() => client.logs.find((log) => log.message.includes('"no-such-rule": no such rule')), 10_000, "the rules log line");
    await client.waitFor(() => client.logs.find((log) => log.message.includes('"no-blocking-call": expected "off"')), 10_000, "the severity log line");
  });
});

describe("typed TypeScript linting", () => {
  it("publishes untyped diagnostics first, then the typed ones for the same version", async () => {
    const dir = makeWorkspace("ap-typed-");
    mkdirSync(path.join(dir, "src"));
    writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, module: "nodenext", noEmit: true }, include: ["src"] }));
    // Only the checker knows `repo.save()` is a promise: a method of an interface, reached through a factory.
    writeFileSync(path.join(dir, "src", "repo.ts"), "export interface Repo {\n  save(): Promise<void>;\n}\nexport function makeRepo(): Repo {\n  return { save: () => Promise.resolve() };\n}\n");
    const text = 'import { makeRepo } from "./repo.js";\n\nexport function main(): void {\n  const repo = makeRepo();\n  repo.save();\n}\n';
    writeFileSync(path.join(dir, "src", "main.ts"), text);
    const other = await LspClient.start({ cwd: dir });
    await other.initialize({ rootPath: dir, initializationOptions: { asyncPitfalls: { typescript: { typed: true } } } });
    const uri = fileUri(dir, "src", "main.ts");
    await other.open(uri, "typescript", text, 1);
    const first = await other.diagnosticsAt(uri, 1);
    expect(first.diagnostics).toEqual([]);
    const typed = await other.diagnostics(uri, (params) => params.version === 1 && params.diagnostics.length > 0, { timeoutMs: 60_000 });
    expect(typed.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line])).toEqual([["no-floating-promise", 4]]);
    // A file outside the tsconfig keeps its untyped diagnostics, and nothing fails.
    const loose = fileUri(dir, "loose.ts");
    await other.open(loose, "typescript", text, 1);
    expect((await other.diagnosticsAt(loose, 1)).diagnostics).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(other.published.filter((params) => params.uri === loose && params.diagnostics.length > 0)).toEqual([]);
    expect(other.logs.filter((log) => log.type === 1)).toEqual([]);
    expect(await other.stop()).toBe(0);
  }, 90_000);
});

describe("pull diagnostics", () => {
  let puller: LspClient;
  let dir: string;

  beforeAll(async () => {
    dir = makeWorkspace("ap-pull-");
    puller = await LspClient.start({ cwd: dir });
    const result = await puller.initialize({
      rootPath: dir,
      initializationOptions: { debounceMs: 1500 },
      capabilities: {
        textDocument: { diagnostic: { dynamicRegistration: false }, codeAction: { dataSupport: true } },
        workspace: { diagnostics: { refreshSupport: true }, workspaceEdit: { documentChanges: true } },
      },
    });
    expect(result.capabilities.diagnosticProvider).toMatchObject({ interFileDependencies: false, workspaceDiagnostics: false });
  }, 60_000);

  afterAll(async () => {
    await puller?.stop();
  });

  it("answers pulls instead of pushing, and says `unchanged` for the same result", async () => {
    const uri = fileUri(dir, "pulled.py");
    await puller.open(uri, "python", SLEEPY, 1);
    const report = (await puller.pull(uri)) as FullDocumentDiagnosticReport;
    expect(report.kind).toBe(DocumentDiagnosticReportKind.Full);
    expect(report.items.map((diagnostic) => diagnostic.code)).toEqual(["no-blocking-sleep"]);
    expect(await puller.pull(uri, report.resultId)).toEqual({ kind: DocumentDiagnosticReportKind.Unchanged, resultId: report.resultId });
    // Quick fixes work from pulled diagnostics too.
    const actions = await puller.codeActions(codeActionParams(uri, report.items));
    expect(actions.find((action) => action.isPreferred)?.title).toBe("Fix: replace with 'await asyncio.sleep(1)'");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(puller.published.filter((params) => params.uri === uri)).toEqual([]);
    await puller.close(uri);
    expect(await puller.pull(uri)).toEqual({ kind: DocumentDiagnosticReportKind.Full, items: [] });
  });

  it("cancels a pull that waits out its debounce when the client cancels it or pulls again", async () => {
    const uri = fileUri(dir, "cancel.py");
    await puller.open(uri, "python", SLEEPY, 1);
    const first = (await puller.pull(uri)) as FullDocumentDiagnosticReport;
    await puller.change(uri, 2, [{ text: `${SLEEPY}\n` }]);
    const source = new CancellationTokenSource();
    const started = Date.now();
    const cancelled = puller.pull(uri, first.resultId, source.token).then(
      () => undefined,
      (error: unknown) => error,
    );
    setTimeout(() => source.cancel(), 100);
    const error = await cancelled;
    expect(error).toBeInstanceOf(ResponseError);
    expect((error as ResponseError<unknown>).code).toBe(LSPErrorCodes.RequestCancelled);
    expect(Date.now() - started).toBeLessThan(1200);

    // A second pull for the same document supersedes the waiting one.
    const older = puller.pull(uri, first.resultId).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const newer = puller.pull(uri, first.resultId);
    const superseded = await older;
    expect((superseded as ResponseError<unknown>).code).toBe(LSPErrorCodes.ServerCancelled);
    expect((superseded as ResponseError<{ retriggerRequest: boolean }>).data).toEqual({ retriggerRequest: false });
    const report = (await newer) as FullDocumentDiagnosticReport;
    expect(report.kind).toBe(DocumentDiagnosticReportKind.Full);
    expect(report.resultId).not.toBe(first.resultId);
    await puller.close(uri);
  });

  it("asks the client to pull again when settings change", async () => {
    const before = puller.refreshes;
    await puller.configure({ asyncPitfalls: { rules: { "no-blocking-sleep": "error" } } });
    await puller.waitFor(() => (puller.refreshes > before ? true : undefined), 10_000, "a diagnostic refresh");
    const uri = fileUri(dir, "refreshed.py");
    await puller.open(uri, "python", SLEEPY, 1);
    const report = (await puller.pull(uri)) as FullDocumentDiagnosticReport;
    expect(report.items.map((diagnostic) => diagnostic.severity)).toEqual([DiagnosticSeverity.Error]);
    await puller.close(uri);
    await puller.configure({ asyncPitfalls: {} });
  });
});

describe("unsaved text of other modules", () => {
  it("Python: an `async def` typed (unsaved) in one module counts in another; closing it withdraws it", async () => {
    const dir = makeWorkspace("ap-overlay-");
    writeFileSync(path.join(dir, "pyproject.toml"), "[project]\nname = 'x'\n");
    writeFileSync(path.join(dir, "repo.py"), "def save():\n    pass\n");
    const main = "from repo import save\n\n\nasync def handler():\n    save()\n";
    writeFileSync(path.join(dir, "main.py"), main);
    const other = await LspClient.start({ cwd: dir });
    await other.initialize({ rootPath: dir });
    const mainUri = fileUri(dir, "main.py");
    const repoUri = fileUri(dir, "repo.py");
    await other.open(mainUri, "python", main, 1);
    expect((await other.diagnosticsAt(mainUri, 1)).diagnostics).toEqual([]);

    // The repository module becomes async in the editor only: main.py is linted again once typing pauses.
    await other.open(repoUri, "python", "def save():\n    pass\n", 1);
    let since = other.published.length;
    await other.change(repoUri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "async " }]);
    const relinted = await other.diagnostics(mainUri, (params) => params.diagnostics.length > 0, { since, timeoutMs: 10_000 });
    expect(relinted.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["no-unawaited-coroutine"]);

    // Closing the module without saving: the disk (a plain `def`) counts again.
    since = other.published.length;
    await other.close(repoUri);
    const back = await other.diagnostics(mainUri, (params) => params.diagnostics.length === 0, { since, timeoutMs: 10_000 });
    expect(back.diagnostics).toEqual([]);
    expect(await other.stop()).toBe(0);
  });

  it("TypeScript: an `async` function typed in one module makes an un-awaited call in another a floating promise", async () => {
    const dir = makeWorkspace("ap-overlay-ts-");
    writeFileSync(path.join(dir, "repo.ts"), "export function save(): void {}\n");
    const main = 'import { save } from "./repo.js";\n\nexport async function main(): Promise<void> {\n  save();\n}\n';
    const other = await LspClient.start({ cwd: dir });
    await other.initialize({ rootPath: dir });
    const repoUri = fileUri(dir, "repo.ts");
    await other.open(repoUri, "typescript", "export async function save(): Promise<void> {}\n", 1);
    const mainUri = fileUri(dir, "main.ts");
    await other.open(mainUri, "typescript", main, 1);
    expect((await other.diagnosticsAt(mainUri, 1)).diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["no-floating-promise"]);
    expect(await other.stop()).toBe(0);
  });
});

describe("several workspace folders", () => {
  it("lints each file with its own folder's linter and project index", async () => {
    const outer = makeWorkspace("ap-roots-");
    const first = path.join(outer, "service-a");
    const second = path.join(outer, "service-b");
    const nested = path.join(first, "packages", "inner");
    for (const folder of [first, second, nested]) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, "pyproject.toml"), "[project]\nname = 'x'\n");
    }
    const main = "from helpers import work\n\n\nasync def handler():\n    work()\n";
    writeFileSync(path.join(first, "helpers.py"), "async def work():\n    pass\n");
    writeFileSync(path.join(second, "helpers.py"), "def work():\n    pass\n");
    writeFileSync(path.join(nested, "helpers.py"), "async def work():\n    pass\n");
    const other = await LspClient.start({ cwd: outer });
    await other.initialize({ folders: [first, second, nested] });
    const codes = async (...segments: string[]) => {
      const uri = fileUri(...segments);
      await other.open(uri, "python", main, 1);
      return (await other.diagnosticsAt(uri, 1)).diagnostics.map((diagnostic) => diagnostic.code);
    };
    expect(await codes(first, "main.py")).toEqual(["no-unawaited-coroutine"]);
    expect(await codes(second, "main.py")).toEqual([]);
    expect(await codes(nested, "main.py")).toEqual(["no-unawaited-coroutine"]);
    // Each folder's ignores are its own: `build/` inside the second folder is ignored there.
    const ignored = fileUri(second, "build", "gen.py");
    await other.open(ignored, "python", SLEEPY, 1);
    expect(await codes(second, "ok.py")).toEqual([]);
    expect(other.published.filter((params) => params.uri === ignored)).toEqual([]);
    expect(await other.stop()).toBe(0);
  });
});

describe("Lint Whole Workspace", () => {
  it("publishes the findings of files that are not open, with the CLI's ignores; keeps them when a file is closed", async () => {
    const dir = makeWorkspace("ap-whole-");
    mkdirSync(path.join(dir, "src", "sub"), { recursive: true });
    mkdirSync(path.join(dir, "node_modules", "pkg"), { recursive: true });
    mkdirSync(path.join(dir, "generated"), { recursive: true });
    writeFileSync(path.join(dir, ".gitignore"), "generated/\n");
    writeFileSync(path.join(dir, "src", "a.py"), SLEEPY);
    writeFileSync(path.join(dir, "src", "sub", "b.ts"), TS_SLEEPY);
    writeFileSync(path.join(dir, "src", "clean.py"), "print('ok')\n");
    writeFileSync(path.join(dir, "node_modules", "pkg", "dep.py"), SLEEPY);
    writeFileSync(path.join(dir, "generated", "gen.py"), SLEEPY);
    const other = await LspClient.start({ cwd: dir });
    await other.initialize({ rootPath: dir });

    const result = await other.executeCommand("asyncPitfalls.lintWorkspace");
    expect(result).toEqual({ files: 3, problems: 2, cancelled: false });
    const a = fileUri(dir, "src", "a.py");
    const b = fileUri(dir, "src", "sub", "b.ts");
    const latest = (uri: string) => other.published.filter((params) => params.uri === uri).at(-1);
    expect(latest(a)?.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["no-blocking-sleep"]);
    expect(latest(b)?.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["no-blocking-sleep"]);
    expect(latest(fileUri(dir, "src", "clean.py"))?.diagnostics).toEqual([]);
    for (const uri of [fileUri(dir, "node_modules", "pkg", "dep.py"), fileUri(dir, "generated", "gen.py")]) expect(latest(uri)).toBeUndefined();

    // Open, edit without saving, close: the file's saved state is what the Problems panel shows again.
    await other.open(a, "python", SLEEPY, 1);
    await other.change(a, 2, [{ text: "print('edited')\n" }]);
    expect((await other.diagnosticsAt(a, 2)).diagnostics).toEqual([]);
    const since = other.published.length;
    await other.close(a);
    expect((await other.diagnostics(a, () => true, { since })).diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["no-blocking-sleep"]);

    // The next run clears files that are gone.
    rmSync(path.join(dir, "src", "sub", "b.ts"));
    expect(await other.executeCommand("asyncPitfalls.lintWorkspace")).toEqual({ files: 2, problems: 1, cancelled: false });
    expect(latest(b)?.diagnostics).toEqual([]);
    expect(await other.stop()).toBe(0);
  });
});

describe("memory", () => {
  it("answers asyncPitfalls/memoryUsage with process.memoryUsage()", async () => {
    const usage = (await client.connection.sendRequest("asyncPitfalls/memoryUsage")) as NodeJS.MemoryUsage;
    expect(usage.rss).toBeGreaterThan(10_000_000);
    expect(usage.heapUsed).toBeGreaterThan(0);
  });
});
