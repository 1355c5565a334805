/**
 * Layer 4: how the server is started and stopped. Node IPC (as the VS Code client forks it), a socket, stdio exit
 * codes, the usage message; and start-up settings, workspace folders and files outside them.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { TextDocumentSyncKind } from "vscode-languageserver-protocol/node";
import { ensureBuilt, fileUri, LspClient, makeWorkspace, serverBin } from "./harness.js";

const SLEEPY = "import time\n\nasync def handler():\n    time.sleep(1)\n";

beforeAll(() => {
  ensureBuilt();
}, 240_000);

describe("transports", () => {
  it.each(["ipc", "socket"] as const)("serves over %s: initialize, diagnostics, shutdown, exit code 0", async (transport) => {
    const workspace = makeWorkspace();
    const client = await LspClient.start({ transport, cwd: workspace });
    const result = await client.initialize({ rootPath: workspace });
    expect(result.capabilities.textDocumentSync).toMatchObject({ change: TextDocumentSyncKind.Incremental });
    const uri = fileUri(workspace, "app.py");
    await client.open(uri, "python", SLEEPY, 1);
    const params = await client.diagnosticsAt(uri, 1);
    expect(params.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["no-blocking-sleep"]);
    expect(await client.stop()).toBe(0);
  });

  it("serves on the IPC channel of a parent that forked it without a flag", async () => {
    const workspace = makeWorkspace();
    const client = await LspClient.start({ transport: "ipc", args: [], cwd: workspace });
    await client.initialize({ rootPath: workspace });
    const uri = fileUri(workspace, "forked.py");
    await client.open(uri, "python", SLEEPY, 1);
    expect((await client.diagnosticsAt(uri, 1)).diagnostics).toHaveLength(1);
    expect(await client.stop()).toBe(0);
  });
});

describe("lifecycle", () => {
  it("exits with 0 after shutdown and exit", async () => {
    const client = await LspClient.start();
    await client.initialize();
    expect(await client.stop(true)).toBe(0);
  });

  it("exits with 1 on exit without shutdown", async () => {
    const client = await LspClient.start();
    await client.initialize();
    expect(await client.stop(false)).toBe(1);
  });

  it("exits when its client goes away (stdin closed)", async () => {
    const client = await LspClient.start();
    await client.initialize();
    client.child.stdin!.end();
    expect(await client.exited).toBe(1);
    client.connection.dispose();
  });

  it("prints its usage and exits with 2 when started by hand without a transport", () => {
    const result = spawnSync(process.execPath, [serverBin], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 20_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^Usage: async-pitfalls-lsp --stdio/u);
    expect(result.stdout).toBe("");
  });

  it("prints help and its version", () => {
    const help = spawnSync(process.execPath, [serverBin, "--help"], { encoding: "utf8", timeout: 20_000 });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--node-ipc");
    const version = spawnSync(process.execPath, [serverBin, "--version"], { encoding: "utf8", timeout: 20_000 });
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/u);
  });
});

describe("start-up settings and folders", () => {
  it("logs unknown initializationOptions and honours run: onSave", async () => {
    const workspace = makeWorkspace();
    const client = await LspClient.start({ cwd: workspace });
    await client.initialize({ rootPath: workspace, initializationOptions: { run: "onSave", debounceMs: "fast", shiny: true } });
    await client.waitFor(() => client.logs.find((log) => log.message.includes("unknown setting asyncPitfalls.shiny")), 10_000, "the log line");
    await client.waitFor(() => client.logs.find((log) => log.message.includes("asyncPitfalls.debounceMs")), 10_000, "the log line");

    const uri = fileUri(workspace, "saved.py");
    await client.open(uri, "python", "import time\n\nasync def handler():\n    pass\n", 1);
    expect((await client.diagnosticsAt(uri, 1)).diagnostics).toEqual([]);
    // A change is not linted until the document is saved.
    await client.change(uri, 2, [{ range: { start: { line: 3, character: 4 }, end: { line: 3, character: 8 } }, text: "time.sleep(1)" }]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(client.published.filter((params) => params.uri === uri && params.version === 2)).toEqual([]);
    await client.save(uri);
    expect((await client.diagnosticsAt(uri, 2)).diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["no-blocking-sleep"]);
    expect(await client.stop()).toBe(0);
  });

  it("pulls its settings from a client that supports workspace/configuration", async () => {
    const workspace = makeWorkspace();
    const client = await LspClient.start({ cwd: workspace });
    client.configuration = { enable: false };
    await client.initialize({
      rootPath: workspace,
      capabilities: {
        textDocument: { publishDiagnostics: { dataSupport: true } },
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      },
    });
    await client.waitFor(() => (client.configurationRequests > 0 ? true : undefined), 10_000, "a configuration request");
    await new Promise((resolve) => setTimeout(resolve, 100));
    const uri = fileUri(workspace, "pulled.py");
    await client.open(uri, "python", SLEEPY, 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(client.published.filter((params) => params.uri === uri && params.diagnostics.length > 0)).toEqual([]);

    // A change notification without our section makes the server ask again.
    client.configuration = { enable: true };
    await client.configure(null);
    expect((await client.diagnosticsAt(uri, 1)).diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["no-blocking-sleep"]);
    expect(await client.stop()).toBe(0);
  });

  it("lints files in every workspace folder and outside all of them, honouring ignores per folder", async () => {
    const outer = makeWorkspace();
    const folder = path.join(outer, "project");
    const elsewhere = path.join(outer, "elsewhere", "build");
    mkdirSync(folder, { recursive: true });
    mkdirSync(elsewhere, { recursive: true });
    const client = await LspClient.start({ cwd: outer });
    await client.initialize({ rootPath: folder });

    // Outside every folder: linted under its own directory, even though that directory is called `build`.
    const loose = fileUri(elsewhere, "script.py");
    await client.open(loose, "python", SLEEPY, 1);
    expect((await client.diagnosticsAt(loose, 1)).diagnostics).toHaveLength(1);

    // Inside the folder, `build/` is ignored.
    const ignored = fileUri(folder, "build", "generated.py");
    const inside = fileUri(folder, "src", "app.py");
    await client.open(ignored, "python", SLEEPY, 1);
    await client.open(inside, "python", SLEEPY, 1);
    expect((await client.diagnosticsAt(inside, 1)).diagnostics).toHaveLength(1);
    expect(client.published.filter((params) => params.uri === ignored)).toEqual([]);

    // An extension-less script whose language is Python is linted as Python.
    const script = fileUri(folder, "bin", "tool");
    await client.open(script, "python", `#!/usr/bin/env python3\n${SLEEPY}`, 1);
    expect((await client.diagnosticsAt(script, 1)).diagnostics).toHaveLength(1);
    expect(await client.stop()).toBe(0);
  });
});
