/**
 * Layer 4: the built language server over stdio, driven by a real LSP client. Diagnostics, incremental sync,
 * code actions, versions, non-ASCII positions, TS/JS files, closing, settings and unknown messages.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  CodeActionKind,
  DiagnosticSeverity,
  DiagnosticTag,
  ErrorCodes,
  type Diagnostic,
  type PublishDiagnosticsParams,
  ResponseError,
  TextDocumentSyncKind,
} from "vscode-languageserver-protocol/node";
import { docsUrl } from "../../rules/catalog.js";
import { applyWorkspaceEdit, editsFor, ensureBuilt, fileUri, LspClient, makeWorkspace, repoRoot } from "./harness.js";

/** Whether the TypeScript half of a rule is registered yet (the rules are written alongside the server). */
const hasTypescriptRule = (id: string) => readFileSync(path.join(repoRoot, "rules/typescript/rules.ts"), "utf8").includes(`"${id}"`);

const SLEEPY = "import time\n\nasync def handler():\n    time.sleep(1)\n";
const SLEEP_RANGE = { start: { line: 3, character: 4 }, end: { line: 3, character: 17 } };

let client: LspClient;
let workspace: string;
let initializeResult: Awaited<ReturnType<LspClient["initialize"]>>;

beforeAll(async () => {
  ensureBuilt();
  workspace = makeWorkspace();
  client = await LspClient.start({ cwd: workspace });
  initializeResult = await client.initialize({ rootPath: workspace });
}, 240_000);

afterAll(async () => {
  await client?.stop();
});

function codeActionParams(uri: string, diagnostics: Diagnostic[], only?: string[]) {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } };
}

function sleepDiagnostic(params: PublishDiagnosticsParams): Diagnostic {
  const found = params.diagnostics.find((diagnostic) => diagnostic.code === "no-blocking-sleep");
  if (!found) throw new Error(`no no-blocking-sleep diagnostic in ${JSON.stringify(params.diagnostics)}`);
  return found;
}

describe("initialize", () => {
  it("announces incremental sync, quick fixes and UTF-16 positions", () => {
    const { capabilities, serverInfo } = initializeResult;
    expect(capabilities.textDocumentSync).toMatchObject({ openClose: true, change: TextDocumentSyncKind.Incremental });
    expect(capabilities.codeActionProvider).toMatchObject({ codeActionKinds: expect.arrayContaining([CodeActionKind.QuickFix]) });
    expect(capabilities.positionEncoding).toBe("utf-16");
    expect(serverInfo?.name).toBe("async-pitfalls-lsp");
  });
});

describe("Python diagnostics", () => {
  it("reports time.sleep inside async def with exact range, code, link and severity", async () => {
    const uri = fileUri(workspace, "app.py");
    await client.open(uri, "python", SLEEPY, 1);
    const params = await client.diagnosticsAt(uri, 1);
    expect(params.diagnostics).toHaveLength(1);
    expect(params.diagnostics[0]).toMatchObject({
      range: SLEEP_RANGE,
      code: "no-blocking-sleep",
      codeDescription: { href: docsUrl("no-blocking-sleep") },
      source: "async-pitfalls",
      severity: DiagnosticSeverity.Warning,
      message: expect.stringContaining("time.sleep()"),
    });
    await client.close(uri);
  });

  it("follows incremental changes: removing the call clears, a syntax error elsewhere does not hide it", async () => {
    const uri = fileUri(workspace, "incremental.py");
    await client.open(uri, "python", SLEEPY, 1);
    expect((await client.diagnosticsAt(uri, 1)).diagnostics).toHaveLength(1);

    // Replace `time.sleep(1)` with `pass`.
    await client.change(uri, 2, [{ range: SLEEP_RANGE, text: "pass" }]);
    expect((await client.diagnosticsAt(uri, 2)).diagnostics).toEqual([]);

    // Bring it back, then break the file further down while the sleep stays.
    await client.change(uri, 3, [{ range: { start: { line: 3, character: 4 }, end: { line: 3, character: 8 } }, text: "time.sleep(1)" }]);
    expect((await client.diagnosticsAt(uri, 3)).diagnostics).toHaveLength(1);
    await client.change(uri, 4, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: "\ndef broken(:\n" }]);
    const broken = await client.diagnosticsAt(uri, 4);
    expect(broken.diagnostics.map((diagnostic) => diagnostic.code)).toContain("no-blocking-sleep");
    expect(sleepDiagnostic(broken).range).toEqual(SLEEP_RANGE);
    await client.close(uri);
  });

  it("counts columns in UTF-16 code units after non-ASCII text", async () => {
    const uri = fileUri(workspace, "unicode.py");
    const line = '    note = "héllo 😀 世界"; time.sleep(2)';
    const text = `import time\n\nasync def handler():\n${line}\n`;
    await client.open(uri, "python", text, 1);
    const diagnostic = sleepDiagnostic(await client.diagnosticsAt(uri, 1));
    const start = line.indexOf("time.sleep"); // JavaScript string indices are UTF-16 code units
    expect(start).toBe(26); // 25 code points: the emoji counts twice
    expect(diagnostic.range).toEqual({ start: { line: 3, character: start }, end: { line: 3, character: start + "time.sleep(2)".length } });
    await client.close(uri);
  });

  it("lints unsaved text, not the file on disk", async () => {
    writeFileSync(path.join(workspace, "on-disk.py"), "print('clean')\n");
    const uri = fileUri(workspace, "on-disk.py");
    await client.open(uri, "python", SLEEPY, 1);
    expect((await client.diagnosticsAt(uri, 1)).diagnostics).toHaveLength(1);
    await client.close(uri);
  });

  it("lints an untitled Python buffer by its language", async () => {
    const uri = "untitled:Untitled-1";
    await client.open(uri, "python", SLEEPY, 1);
    expect(sleepDiagnostic(await client.diagnosticsAt(uri, 1)).range).toEqual(SLEEP_RANGE);
    await client.close(uri);
  });

  it("leaves files in ignored folders and other languages alone", async () => {
    const ignored = fileUri(workspace, "node_modules", "pkg", "mod.py");
    const markdown = fileUri(workspace, "README.md");
    const before = client.published.length;
    await client.open(ignored, "python", SLEEPY, 1);
    await client.open(markdown, "markdown", "# time.sleep(1)\n", 1);
    // A file that is linted, opened afterwards, gets its diagnostics; the two before it got none.
    const probe = fileUri(workspace, "probe.py");
    await client.open(probe, "python", SLEEPY, 1);
    await client.diagnosticsAt(probe, 1);
    expect(client.published.slice(before).filter((params) => params.uri === ignored || params.uri === markdown)).toEqual([]);
    for (const uri of [ignored, markdown, probe]) await client.close(uri);
  });

  it("clears the diagnostics of a closed document", async () => {
    const uri = fileUri(workspace, "closing.py");
    await client.open(uri, "python", SLEEPY, 1);
    await client.diagnosticsAt(uri, 1);
    const since = client.published.length;
    await client.close(uri);
    const cleared = await client.diagnostics(uri, () => true, { since });
    expect(cleared.diagnostics).toEqual([]);
  });

  it("publishes only the newest version after a burst of changes", async () => {
    const uri = fileUri(workspace, "burst.py");
    await client.open(uri, "python", "import time\n\nasync def handler():\n    pass\n", 1);
    await client.diagnosticsAt(uri, 1);
    const since = client.published.length;
    // Type `time.sleep(1)` one character at a time, faster than the debounce.
    const typed = "time.sleep(1)";
    for (let i = 0; i < typed.length; i++) {
      const at = { line: 3, character: 4 + i };
      // The first keystroke replaces `pass`; the others insert after what was typed so far.
      const range = i === 0 ? { start: at, end: { line: 3, character: 8 } } : { start: at, end: at };
      await client.change(uri, 2 + i, [{ range, text: typed[i]! }]);
    }
    const last = 2 + typed.length - 1;
    const final = await client.diagnosticsAt(uri, last);
    expect(final.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["no-blocking-sleep"]);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const versions = client.published.slice(since).filter((params) => params.uri === uri).map((params) => params.version);
    expect(versions).toEqual([last]);
    await client.close(uri);
  });
});

describe("code actions", () => {
  it("offers the fix, applied here it gives `await asyncio.sleep(1)` and `import asyncio`", async () => {
    const uri = fileUri(workspace, "fixable.py");
    await client.open(uri, "python", SLEEPY, 1);
    const params = await client.diagnosticsAt(uri, 1);
    const diagnostic = sleepDiagnostic(params);
    const actions = await client.codeActions(codeActionParams(uri, [diagnostic]));
    const fix = actions.find((action) => action.isPreferred);
    expect(fix).toMatchObject({
      title: "Fix: replace with 'await asyncio.sleep(1)'",
      kind: CodeActionKind.QuickFix,
      isPreferred: true,
      diagnostics: [diagnostic],
    });
    const fixed = applyWorkspaceEdit(SLEEPY, fix!.edit, uri);
    expect(fixed).toBe("import asyncio\nimport time\n\nasync def handler():\n    await asyncio.sleep(1)\n");
    // The edits are the small ones, not the whole span between the import and the call.
    const edits = editsFor(fix!.edit, uri);
    expect(edits.every((edit) => edit.newText.length <= "import asyncio\n".length)).toBe(true);
    // The edit names the document version it was computed for.
    expect(fix!.edit!.documentChanges![0]).toMatchObject({ textDocument: { uri, version: 1 } });

    // The edit, applied by the client, makes the finding go away.
    await client.change(uri, 2, [{ text: fixed }]);
    expect((await client.diagnosticsAt(uri, 2)).diagnostics).toEqual([]);
    await client.close(uri);
  });

  it("keeps the fix on its line when the call is nested and after non-ASCII text", async () => {
    const uri = fileUri(workspace, "nested.py");
    const text = "import time\n\nasync def handler():\n    print('ü', time.sleep(0.5))\n";
    await client.open(uri, "python", text, 1);
    const diagnostic = sleepDiagnostic(await client.diagnosticsAt(uri, 1));
    const [fix] = await client.codeActions(codeActionParams(uri, [diagnostic]));
    expect(fix?.title).toBe("Fix: replace with 'await asyncio.sleep(0.5)'");
    expect(applyWorkspaceEdit(text, fix!.edit, uri)).toBe("import asyncio\nimport time\n\nasync def handler():\n    print('ü', await asyncio.sleep(0.5))\n");
    await client.close(uri);
  });

  it("refuses to act on a diagnostic computed for an older version", async () => {
    const uri = fileUri(workspace, "stale.py");
    await client.open(uri, "python", SLEEPY, 1);
    const old = sleepDiagnostic(await client.diagnosticsAt(uri, 1));
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "# moved\n" }]);
    const current = sleepDiagnostic(await client.diagnosticsAt(uri, 2));
    expect(await client.codeActions(codeActionParams(uri, [old]))).toEqual([]);
    // The current one still works.
    const actions = await client.codeActions(codeActionParams(uri, [current]));
    expect(actions.some((action) => action.isPreferred)).toBe(true);
    await client.close(uri);
  });

  it("offers 'Disable … for this line', which silences the finding", async () => {
    const uri = fileUri(workspace, "disable.py");
    await client.open(uri, "python", SLEEPY, 1);
    const diagnostic = sleepDiagnostic(await client.diagnosticsAt(uri, 1));
    const actions = await client.codeActions(codeActionParams(uri, [diagnostic]));
    const disable = actions.find((action) => action.title === "Disable async-pitfalls/no-blocking-sleep for this line");
    expect(disable?.kind).toBe(CodeActionKind.QuickFix);
    const disabled = applyWorkspaceEdit(SLEEPY, disable!.edit, uri);
    expect(disabled).toBe("import time\n\nasync def handler():\n    time.sleep(1)  # async-pitfalls: disable=no-blocking-sleep\n");
    await client.change(uri, 2, [{ text: disabled }]);
    expect((await client.diagnosticsAt(uri, 2)).diagnostics).toEqual([]);
    await client.close(uri);
  });

  it("recovers the edits of a diagnostic whose data the client dropped", async () => {
    const uri = fileUri(workspace, "no-data.py");
    await client.open(uri, "python", SLEEPY, 1);
    const { data: _dropped, ...withoutData } = sleepDiagnostic(await client.diagnosticsAt(uri, 1));
    const actions = await client.codeActions(codeActionParams(uri, [withoutData]));
    const fix = actions.find((action) => action.isPreferred);
    expect(fix?.title).toBe("Fix: replace with 'await asyncio.sleep(1)'");
    expect(applyWorkspaceEdit(SLEEPY, fix!.edit, uri)).toContain("    await asyncio.sleep(1)\n");
    await client.close(uri);
  });

  it("adds the rule to an eslint-disable-next-line comment already above the line", async () => {
    const uri = fileUri(workspace, "disable-more.py");
    const text = "import time\n\nasync def handler():\n    # eslint-disable-next-line async-pitfalls/no-blocking-call -- legacy\n    time.sleep(1)\n";
    await client.open(uri, "python", text, 1);
    const diagnostic = sleepDiagnostic(await client.diagnosticsAt(uri, 1));
    const actions = await client.codeActions(codeActionParams(uri, [diagnostic]));
    const disable = actions.find((action) => action.title.startsWith("Disable async-pitfalls/no-blocking-sleep"));
    expect(applyWorkspaceEdit(text, disable!.edit, uri)).toBe(
      "import time\n\nasync def handler():\n    # eslint-disable-next-line async-pitfalls/no-blocking-call, async-pitfalls/no-blocking-sleep -- legacy\n    time.sleep(1)\n",
    );
    await client.close(uri);
  });

  it("reports an unused directive without a link, and removes it", async () => {
    const uri = fileUri(workspace, "unused.py");
    const text = "import asyncio\n\nasync def handler():\n    await asyncio.sleep(1)  # eslint-disable-line async-pitfalls/no-blocking-sleep\n";
    await client.open(uri, "python", text, 1);
    const params = await client.diagnosticsAt(uri, 1);
    expect(params.diagnostics).toHaveLength(1);
    const [diagnostic] = params.diagnostics;
    expect(diagnostic).toMatchObject({ code: "unused-directive", source: "async-pitfalls", tags: [DiagnosticTag.Unnecessary] });
    expect(diagnostic!.codeDescription).toBeUndefined();
    const actions = await client.codeActions(codeActionParams(uri, [diagnostic!]));
    expect(actions.map((action) => action.title)).toEqual(["Remove unused directive"]);
    const cleaned = applyWorkspaceEdit(text, actions[0]!.edit, uri);
    expect(cleaned.replace(/[ \t]+$/gmu, "")).toBe("import asyncio\n\nasync def handler():\n    await asyncio.sleep(1)\n");
    await client.close(uri);
  });

  it("fixes a whole document with source.fixAll.async-pitfalls", async () => {
    const uri = fileUri(workspace, "fix-all.py");
    const text = "import time\n\nasync def a():\n    time.sleep(1)\n\nasync def b():\n    time.sleep(2)\n";
    await client.open(uri, "python", text, 1);
    await client.diagnosticsAt(uri, 1);
    const actions = await client.codeActions(codeActionParams(uri, [], [CodeActionKind.SourceFixAll]));
    expect(actions.map((action) => action.kind)).toEqual(["source.fixAll.async-pitfalls"]);
    expect(applyWorkspaceEdit(text, actions[0]!.edit, uri)).toBe(
      "import asyncio\nimport time\n\nasync def a():\n    await asyncio.sleep(1)\n\nasync def b():\n    await asyncio.sleep(2)\n",
    );
    // Without an explicit request for source actions, none is offered.
    expect((await client.codeActions(codeActionParams(uri, []))).filter((action) => action.kind?.startsWith("source"))).toEqual([]);
    await client.close(uri);
  });

  it("answers for documents it does not know with no actions", async () => {
    const uri = fileUri(workspace, "never-opened.py");
    expect(await client.codeActions(codeActionParams(uri, []))).toEqual([]);
  });
});

describe("TypeScript and JavaScript", () => {
  it("accepts a clean TS file and publishes empty diagnostics without errors", async () => {
    const uri = fileUri(workspace, "clean.ts");
    const errorsBefore = client.logs.filter((log) => log.type === 1).length;
    await client.open(uri, "typescript", "export async function main(): Promise<number> {\n  const value = await Promise.resolve(1);\n  return value;\n}\n", 1);
    expect((await client.diagnosticsAt(uri, 1)).diagnostics).toEqual([]);
    expect(client.logs.filter((log) => log.type === 1).length).toBe(errorsBefore);
    await client.close(uri);
  });

  it.runIf(hasTypescriptRule("no-blocking-sleep"))("reports a TS finding and offers its suggestion", async () => {
    const uri = fileUri(workspace, "sleepy.ts");
    const text = 'import { execSync } from "node:child_process";\n\nexport async function main(): Promise<void> {\n  execSync("sleep 2");\n}\n';
    await client.open(uri, "typescript", text, 1);
    const params = await client.diagnosticsAt(uri, 1);
    const diagnostic = params.diagnostics.find((candidate) => candidate.code === "no-blocking-sleep");
    expect(diagnostic).toMatchObject({
      range: { start: { line: 3, character: 2 }, end: { line: 3, character: 21 } },
      codeDescription: { href: docsUrl("no-blocking-sleep") },
    });
    const actions = await client.codeActions(codeActionParams(uri, [diagnostic!]));
    const suggestion = actions.find((action) => action.title.startsWith("Replace with 'await setTimeout(2000)'"));
    expect(suggestion).toMatchObject({ kind: CodeActionKind.QuickFix });
    expect(suggestion!.isPreferred).toBeUndefined();
    const fixed = applyWorkspaceEdit(text, suggestion!.edit, uri, "typescript");
    expect(fixed).toContain('import { setTimeout } from "node:timers/promises";');
    expect(fixed).toContain("  await setTimeout(2000);");
    expect(actions.map((action) => action.title)).toContain("Disable async-pitfalls/no-blocking-sleep for this line");
    const disabled = applyWorkspaceEdit(text, actions.find((action) => action.title.startsWith("Disable"))!.edit, uri, "typescript");
    expect(disabled).toContain('  // eslint-disable-next-line async-pitfalls/no-blocking-sleep\n  execSync("sleep 2");');
    await client.close(uri);
  });

  it("shows a parse error as one Error diagnostic at its position, also after U+2028 in a string", async () => {
    const uri = fileUri(workspace, "broken.js");
    // JavaScript counts U+2028 as a line break, LSP does not: the error is on LSP line 1.
    const text = "const s = '\u2028';\nconst x = ;\n";
    await client.open(uri, "javascript", text, 1);
    const params = await client.diagnosticsAt(uri, 1);
    expect(params.diagnostics).toHaveLength(1);
    expect(params.diagnostics[0]).toMatchObject({
      severity: DiagnosticSeverity.Error,
      source: "async-pitfalls",
      range: { start: { line: 1, character: 10 } },
    });
    await client.close(uri);
  });
});

describe("settings and unknown messages", () => {
  it("ignores an unknown setting with a log line, and honours `enable`", async () => {
    const uri = fileUri(workspace, "settings.py");
    await client.open(uri, "python", SLEEPY, 1);
    await client.diagnosticsAt(uri, 1);
    let since = client.published.length;
    await client.configure({ asyncPitfalls: { enable: false, colour: "blue" } });
    await client.waitFor(() => client.logs.find((log) => log.message.includes("unknown setting asyncPitfalls.colour")), 10_000, "the log line");
    expect((await client.diagnostics(uri, () => true, { since })).diagnostics).toEqual([]);

    since = client.published.length;
    await client.configure({ asyncPitfalls: { enable: true } });
    expect((await client.diagnostics(uri, () => true, { since })).diagnostics).toHaveLength(1);
    await client.close(uri);
  });

  it("answers an unknown request with MethodNotFound and keeps serving", async () => {
    const error = await client.connection.sendRequest("asyncPitfalls/doSomethingNew", { what: 1 }).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(ResponseError);
    expect((error as ResponseError<unknown>).code).toBe(ErrorCodes.MethodNotFound);
    await client.connection.sendNotification("asyncPitfalls/somethingElse", { x: 1 });
    await client.waitFor(() => client.logs.find((log) => log.message.includes("asyncPitfalls/somethingElse")), 10_000, "the log line");

    // Unknown fields in known requests are ignored.
    const uri = fileUri(workspace, "after-unknown.py");
    await client.open(uri, "python", SLEEPY, 1);
    const diagnostic = sleepDiagnostic(await client.diagnosticsAt(uri, 1));
    const params = { ...codeActionParams(uri, [diagnostic]), futureField: { nested: true } };
    expect((await client.codeActions(params)).some((action) => action.isPreferred)).toBe(true);
    await client.close(uri);
  });
});
