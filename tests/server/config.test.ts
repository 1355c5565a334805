/**
 * Layer 4: configuration files in the language server, over a real LSP connection. Each file gets its nearest
 * configuration (multi-root, sub-projects), changes are picked up through `workspace/didChangeWatchedFiles`, an
 * invalid file gets one diagnostic on itself while linting goes on with the defaults, and a project's
 * `eslint.config.*` is executed only in a trusted workspace.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DiagnosticSeverity, FileChangeType, type PublishDiagnosticsParams } from "vscode-languageserver-protocol/node";
import { ensureBuilt, fileUri, LspClient, makeWorkspace } from "./harness.js";

const SLEEPY = "import time\n\nasync def handler():\n    time.sleep(1)\n";

/** The diagnostics' severities and codes, e.g. ["error no-blocking-sleep"]. */
function summary(params: PublishDiagnosticsParams): string[] {
  const names: Record<number, string> = { 1: "error", 2: "warning", 3: "information", 4: "hint" };
  return params.diagnostics.map((diagnostic) => `${names[diagnostic.severity ?? 1]} ${String(diagnostic.code)}`);
}

function write(dir: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
}

interface Registration {
  method: string;
  registerOptions?: { watchers?: Array<{ globPattern: string }> };
}

async function start(
  workspace: string,
  initializationOptions: unknown = undefined,
): Promise<{ client: LspClient; registrations: Registration[] }> {
  const client = await LspClient.start({ cwd: workspace });
  const registrations: Registration[] = [];
  client.connection.onRequest("client/registerCapability", (params: { registrations: Registration[] }) => {
    registrations.push(...params.registrations);
    return null;
  });
  await client.initialize({
    rootPath: workspace,
    initializationOptions,
    capabilities: {
      textDocument: { publishDiagnostics: { dataSupport: true }, codeAction: { dataSupport: true } },
      workspace: { workspaceEdit: { documentChanges: true }, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
    },
  });
  return { client, registrations };
}

async function filesChanged(client: LspClient, ...files: string[]): Promise<void> {
  await client.connection.sendNotification("workspace/didChangeWatchedFiles", {
    changes: files.map((file) => ({ uri: fileUri(file), type: existsSync(file) ? FileChangeType.Changed : FileChangeType.Deleted })),
  });
}

beforeAll(() => {
  ensureBuilt();
}, 240_000);

describe("declarative configuration files", () => {
  let client: LspClient;
  let registrations: Registration[];
  let workspace: string;
  let other: string;

  beforeAll(async () => {
    workspace = makeWorkspace("ap-lsp-config-");
    other = makeWorkspace("ap-lsp-config-other-");
    write(workspace, {
      "pyproject.toml": '[project]\nname = "monorepo"\n\n[tool.async-pitfalls]\nignores = ["generated/**"]\n\n[tool.async-pitfalls.rules]\nno-blocking-sleep = "error"\n',
      "services/api/async-pitfalls.json": '{ "rules": { "require-timeout": "off" } }',
      "services/worker/pyproject.toml": '[project]\nname = "worker"\n',
    });
    ({ client, registrations } = await start(workspace));
    // A second workspace folder, without any configuration.
    await client.connection.sendNotification("workspace/didChangeWorkspaceFolders", {
      event: { added: [{ uri: fileUri(other), name: "other" }], removed: [] },
    });
  }, 240_000);

  afterAll(async () => {
    await client?.stop();
  });

  it("asks the client to watch configuration files", async () => {
    const watchers = await client.waitFor(
      () => registrations.find((registration) => registration.method === "workspace/didChangeWatchedFiles")?.registerOptions?.watchers,
      10_000,
      "the file watcher registration",
    );
    expect(watchers.map((watcher) => watcher.globPattern)).toEqual(expect.arrayContaining(["**/pyproject.toml", "**/async-pitfalls.json"]));
  });

  it("each file gets its nearest configuration: the root's, a sub-project's own, another folder's defaults", async () => {
    const cases: Array<[string, string[]]> = [
      [path.join(workspace, "app.py"), ["error no-blocking-sleep"]],
      // services/api has its own configuration: the root's severity does not apply there.
      [path.join(workspace, "services/api/handler.py"), ["warning no-blocking-sleep"]],
      // services/worker's pyproject.toml has no [tool.async-pitfalls]: the root's configuration governs it.
      [path.join(workspace, "services/worker/job.py"), ["error no-blocking-sleep"]],
      [path.join(other, "app.py"), ["warning no-blocking-sleep"]],
    ];
    for (const [file] of cases) await client.open(fileUri(file), "python", SLEEPY);
    for (const [file, expected] of cases) {
      expect(summary(await client.diagnosticsAt(fileUri(file), 1)), file).toEqual(expected);
    }
    for (const [file] of cases) await client.close(fileUri(file));
  });

  it("files matching the configuration's ignores are not linted", async () => {
    const ignored = fileUri(workspace, "generated/client.py");
    const linted = fileUri(workspace, "kept.py");
    await client.open(ignored, "python", SLEEPY);
    await client.open(linted, "python", SLEEPY);
    await client.diagnosticsAt(linted, 1);
    expect(client.published.filter((params) => params.uri === ignored && params.diagnostics.length > 0)).toEqual([]);
    await client.close(ignored);
    await client.close(linted);
  });

  it("a changed configuration file applies to open documents at once", async () => {
    const uri = fileUri(workspace, "services/api/reload.py");
    await client.open(uri, "python", SLEEPY);
    expect(summary(await client.diagnosticsAt(uri, 1))).toEqual(["warning no-blocking-sleep"]);
    const since = client.published.length;
    const config = path.join(workspace, "services/api/async-pitfalls.json");
    writeFileSync(config, '{ "rules": { "no-blocking-sleep": "off" } }');
    await filesChanged(client, config);
    await client.diagnostics(uri, (params) => params.diagnostics.length === 0, { since });
    writeFileSync(config, '{ "rules": { "require-timeout": "off" } }');
    await filesChanged(client, config);
    await client.close(uri);
  });

  it("an invalid configuration: one diagnostic on the file at the offending key, defaults meanwhile; fixing it clears it", async () => {
    const config = path.join(workspace, "pyproject.toml");
    const configUri = fileUri(config);
    const uri = fileUri(workspace, "invalid.py");
    await client.open(uri, "python", SLEEPY);
    expect(summary(await client.diagnosticsAt(uri, 1))).toEqual(["error no-blocking-sleep"]);

    let since = client.published.length;
    writeFileSync(config, '[project]\nname = "monorepo"\n\n[tool.async-pitfalls.rules]\nno-blocking-sleep = "loud"\n');
    await filesChanged(client, config);
    const problem = await client.diagnostics(configUri, (params) => params.diagnostics.length > 0, { since });
    expect(problem.diagnostics).toHaveLength(1);
    expect(problem.diagnostics[0]).toMatchObject({
      range: { start: { line: 4, character: 0 }, end: { line: 4, character: "no-blocking-sleep".length } },
      severity: DiagnosticSeverity.Error,
      source: "async-pitfalls",
      message: 'rule "no-blocking-sleep": severity must be "off", "warn" or "error" (or 0, 1, 2), got "loud"',
    });
    // The document is linted with the defaults meanwhile.
    expect(summary(await client.diagnostics(uri, (params) => summary(params).join() === "warning no-blocking-sleep", { since }))).toEqual([
      "warning no-blocking-sleep",
    ]);
    // Only one diagnostic for the configuration file, however many lints hit the problem.
    const other = fileUri(workspace, "invalid-too.py");
    await client.open(other, "python", SLEEPY);
    await client.diagnosticsAt(other, 1);
    expect(client.published.slice(since).filter((params) => params.uri === configUri)).toHaveLength(1);

    since = client.published.length;
    writeFileSync(config, '[project]\nname = "monorepo"\n\n[tool.async-pitfalls]\nignores = ["generated/**"]\n\n[tool.async-pitfalls.rules]\nno-blocking-sleep = "error"\n');
    await filesChanged(client, config);
    await client.diagnostics(configUri, (params) => params.diagnostics.length === 0, { since });
    await client.diagnostics(uri, (params) => summary(params).join() === "error no-blocking-sleep", { since });
    await client.close(uri);
    await client.close(other);
  });

  it("an invalid JSON configuration found on the first lint is reported with its position", async () => {
    write(workspace, { "broken/async-pitfalls.json": '{\n  "rules": {\n    "no-blocking-sleep": "error",\n  }\n}\n' });
    const since = client.published.length;
    const uri = fileUri(workspace, "broken/app.py");
    await client.open(uri, "python", SLEEPY);
    const problem = await client.diagnostics(fileUri(workspace, "broken/async-pitfalls.json"), (params) => params.diagnostics.length > 0, { since });
    expect(problem.diagnostics).toMatchObject([
      { range: { start: { line: 3, character: 2 } }, message: "invalid JSON: trailing commas are not allowed in JSON" },
    ]);
    expect(summary(await client.diagnosticsAt(uri, 1))).toEqual(["warning no-blocking-sleep"]);
    await client.close(uri);
  });
});

describe("a project's eslint.config.js: executed only in a trusted workspace", () => {
  // Executing this file leaves a marker next to it; when used, it makes no-blocking-sleep an error.
  const ESLINT_CONFIG = [
    'require("node:fs").writeFileSync(require("node:path").join(__dirname, "marker.txt"), "executed");',
    "module.exports = [",
    '  { files: ["**/*.py"], language: "async-pitfalls/python", rules: { "async-pitfalls/no-blocking-sleep": "error" } },',
    "];",
    "",
  ].join("\n");

  function trustWorkspace(): { workspace: string; marker: string } {
    const workspace = makeWorkspace("ap-lsp-trust-");
    write(workspace, { "eslint.config.js": ESLINT_CONFIG, "async-pitfalls.json": '{ "rules": { "require-timeout": "off" } }' });
    return { workspace, marker: path.join(workspace, "marker.txt") };
  }

  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it("untrusted (the default): never executed; trusting the workspace later loads and uses it", async () => {
    const { workspace, marker } = trustWorkspace();
    ({ client } = await start(workspace));
    const uri = fileUri(workspace, "app.py");
    await client.open(uri, "python", SLEEPY);
    expect(summary(await client.diagnosticsAt(uri, 1))).toEqual(["warning no-blocking-sleep"]);
    await client.change(uri, 2, [{ text: `${SLEEPY}\n` }]);
    expect(summary(await client.diagnosticsAt(uri, 2))).toEqual(["warning no-blocking-sleep"]);
    expect(existsSync(marker)).toBe(false);

    const since = client.published.length;
    await client.connection.sendNotification("asyncPitfalls/workspaceTrusted");
    expect(summary(await client.diagnostics(uri, (params) => params.diagnostics.length > 0, { since }))).toEqual(["error no-blocking-sleep"]);
    expect(existsSync(marker)).toBe(true);
  });

  it("initializationOptions.workspaceTrusted: false is the same as not saying", async () => {
    const { workspace, marker } = trustWorkspace();
    ({ client } = await start(workspace, { workspaceTrusted: false }));
    const uri = fileUri(workspace, "app.py");
    await client.open(uri, "python", SLEEPY);
    expect(summary(await client.diagnosticsAt(uri, 1))).toEqual(["warning no-blocking-sleep"]);
    expect(existsSync(marker)).toBe(false);
  });

  it("trusted: used for the files it configures", async () => {
    const { workspace, marker } = trustWorkspace();
    ({ client } = await start(workspace, { workspaceTrusted: true }));
    const uri = fileUri(workspace, "app.py");
    await client.open(uri, "python", SLEEPY);
    expect(summary(await client.diagnosticsAt(uri, 1))).toEqual(["error no-blocking-sleep"]);
    expect(existsSync(marker)).toBe(true);
    // A TS file it does not configure gets async-pitfalls' own configuration.
    const ts = fileUri(workspace, "app.ts");
    await client.open(ts, "typescript", "export async function f() {\n  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);\n}\n");
    expect(summary(await client.diagnosticsAt(ts, 1))).toEqual(["warning no-blocking-sleep"]);
  });

  it('trusted but asyncPitfalls.useEslintConfig = "never": not executed', async () => {
    const { workspace, marker } = trustWorkspace();
    ({ client } = await start(workspace, { workspaceTrusted: true, asyncPitfalls: { useEslintConfig: "never" } }));
    const uri = fileUri(workspace, "app.py");
    await client.open(uri, "python", SLEEPY);
    expect(summary(await client.diagnosticsAt(uri, 1))).toEqual(["warning no-blocking-sleep"]);
    expect(existsSync(marker)).toBe(false);
  });
});
