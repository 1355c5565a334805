/**
 * Layer 4, robustness: huge files, binary garbage, lone surrogates, a rule that throws. The server must keep
 * serving through all of it.
 */
import path from "node:path";
import { MessageType, type Diagnostic } from "vscode-languageserver-protocol/node";
import { ensureBuilt, fileUri, fixturesDir, LspClient, makeWorkspace } from "./harness.js";

const SLEEPY = "import time\n\nasync def handler():\n    time.sleep(1)\n";

/** A deterministic pseudo-random generator, so a failure can be reproduced. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

async function stillServing(client: LspClient, workspace: string): Promise<void> {
  const uri = fileUri(workspace, `alive-${client.published.length}.py`);
  await client.open(uri, "python", SLEEPY, 1);
  const params = await client.diagnosticsAt(uri, 1);
  expect(params.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["no-blocking-sleep"]);
  await client.close(uri);
}

describe("the real server", () => {
  let client: LspClient;
  let workspace: string;

  beforeAll(async () => {
    ensureBuilt();
    workspace = makeWorkspace();
    client = await LspClient.start({ cwd: workspace });
    await client.initialize({ rootPath: workspace });
  }, 240_000);

  afterAll(async () => {
    await client?.stop();
  });

  it("lints a 50,000-line file with thousands of findings and keeps answering", async () => {
    const uri = fileUri(workspace, "huge.py");
    const parts = ["import time\n"];
    let functions = 0;
    for (let lineCount = 1; lineCount < 50_000; lineCount += 10) {
      parts.push(`async def handler_${functions}(x):\n    y = x + ${functions}\n    if y:\n        time.sleep(${functions % 7})\n    return [z for z in range(y)]\n\n\n\n\n\n`);
      functions += 1;
    }
    const text = parts.join("");
    expect(text.split("\n").length).toBeGreaterThanOrEqual(50_000);
    const started = Date.now();
    await client.open(uri, "python", text, 1);
    const params = await client.diagnosticsAt(uri, 1, 120_000);
    const elapsed = Date.now() - started;
    console.info(`50,000 lines, ${functions} findings: diagnostics after ${elapsed} ms`);
    expect(params.diagnostics).toHaveLength(functions);
    expect(elapsed).toBeLessThan(120_000);
    // Every fix is carried as its two small edits, not as the text between the import and the call.
    const largest = Math.max(...params.diagnostics.map((diagnostic) => JSON.stringify(diagnostic.data).length));
    expect(largest).toBeLessThan(1_000);

    // The last finding is where it should be, and its fix is offered.
    const last = params.diagnostics.at(-1)!;
    const lines = text.split("\n");
    const lastLine = lines.findLastIndex((line) => line.includes("time.sleep("));
    expect(last.range.start).toEqual({ line: lastLine, character: 8 });
    const actions = await client.codeActions({ textDocument: { uri }, range: last.range, context: { diagnostics: [last] } });
    expect(actions[0]?.title).toMatch(/^Fix: replace with 'await asyncio\.sleep\(\d\)'$/u);

    // An incremental edit at the end of the huge document is linted too.
    await client.change(uri, 2, [{ range: { start: { line: lines.length - 1, character: 0 }, end: { line: lines.length - 1, character: 0 } }, text: "async def one_more():\n    time.sleep(9)\n" }]);
    expect((await client.diagnosticsAt(uri, 2, 120_000)).diagnostics).toHaveLength(functions + 1);
    await client.close(uri);
    await stillServing(client, workspace);
  }, 300_000);

  it("survives binary garbage in Python, TypeScript and JavaScript documents", async () => {
    const next = random(42);
    const garbage = (length: number) => Array.from({ length }, () => String.fromCharCode(Math.floor(next() * 256))).join("");
    const documents = [
      [fileUri(workspace, "garbage.py"), "python"],
      [fileUri(workspace, "garbage.ts"), "typescript"],
      [fileUri(workspace, "garbage.js"), "javascript"],
    ] as const;
    for (const [uri, languageId] of documents) {
      await client.open(uri, languageId, `\0\x01\x02${garbage(20_000)}\0`, 1);
      await client.diagnosticsAt(uri, 1, 60_000);
      await client.change(uri, 2, [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 3 } }, text: garbage(500) }]);
      await client.diagnosticsAt(uri, 2, 60_000);
      await client.close(uri);
    }
    expect(client.child.exitCode).toBeNull();
    await stillServing(client, workspace);
  }, 120_000);

  it("keeps positions right around lone UTF-16 surrogate halves", async () => {
    const uri = fileUri(workspace, "surrogates.py");
    const text = `# broken: \ud800 and \udfff\nimport time\n\nasync def handler():\n    s = "\udc00"; time.sleep(3)\n`;
    await client.open(uri, "python", text, 1);
    const params = await client.diagnosticsAt(uri, 1);
    const sleep = params.diagnostics.find((diagnostic) => diagnostic.code === "no-blocking-sleep");
    const line = text.split("\n")[4]!;
    expect(sleep?.range).toEqual({ start: { line: 4, character: line.indexOf("time.sleep") }, end: { line: 4, character: line.length } });
    // Edits that cut a surrogate pair in half are fine too.
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 10 }, end: { line: 0, character: 10 } }, text: "\ud83d" }]);
    await client.diagnosticsAt(uri, 2);
    await client.close(uri);
    await stillServing(client, workspace);
  });

  it("survives a 2 MB single line and a document without any line break", async () => {
    const uri = fileUri(workspace, "long-line.js");
    await client.open(uri, "javascript", `const s = "${"x".repeat(2_000_000)}";`, 1);
    expect((await client.diagnosticsAt(uri, 1, 60_000)).diagnostics).toEqual([]);
    await client.close(uri);
    await stillServing(client, workspace);
  }, 120_000);
});

describe("a rule that throws", () => {
  let client: LspClient;
  let workspace: string;

  beforeAll(async () => {
    ensureBuilt();
    workspace = makeWorkspace();
    client = await LspClient.start({ cwd: workspace, script: path.join(fixturesDir, "throwing-server.mjs") });
    await client.initialize({ rootPath: workspace });
  }, 240_000);

  afterAll(async () => {
    await client?.stop();
  });

  it("is logged as an error; the document keeps its diagnostics and the server keeps serving", async () => {
    const uri = fileUri(workspace, "explosive.py");
    await client.open(uri, "python", SLEEPY, 1);
    const before = await client.diagnosticsAt(uri, 1);
    expect(before.diagnostics.map((diagnostic: Diagnostic) => diagnostic.code)).toEqual(["no-blocking-sleep"]);

    const publishedBefore = client.published.length;
    await client.change(uri, 2, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: "explode()\n" }]);
    const error = await client.waitFor(
      () => client.logs.find((log) => log.type === MessageType.Error && log.message.includes("rule exploded on purpose")),
      20_000,
      "the error log",
    );
    expect(error.message).toContain("explosive.py");
    // The client is told, so it can show its status item.
    const failed = await client.waitFor(() => client.statuses.find((status) => !status.ok), 20_000, "a failure status");
    expect(failed).toMatchObject({ ok: false, uri });
    expect(failed.message).toContain("rule exploded on purpose");
    // Nothing was published for the version whose lint failed: the client keeps showing the previous diagnostics.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(client.published.slice(publishedBefore).filter((params) => params.uri === uri)).toEqual([]);

    // Still serving: a code action request is answered (nothing: the diagnostic is for version 1), and the next
    // version without the bomb is linted again.
    expect(await client.codeActions({ textDocument: { uri }, range: before.diagnostics[0]!.range, context: { diagnostics: before.diagnostics } })).toEqual([]);
    await client.change(uri, 3, [{ range: { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } }, text: "" }]);
    expect((await client.diagnosticsAt(uri, 3)).diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["no-blocking-sleep"]);
    expect(client.statuses.at(-1)).toEqual({ ok: true });
    expect(client.child.exitCode).toBeNull();
    await client.close(uri);
  });
});
