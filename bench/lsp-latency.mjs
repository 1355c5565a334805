#!/usr/bin/env node
/**
 * Language-server latency: the real bundled server (what the VS Code extension runs, out/server.mjs) over stdio,
 * driven by a real LSP client (vscode-languageserver-protocol). For generated 2,000- and 10,000-line Python and
 * TypeScript files it simulates typing — incremental edits, each followed by a pull of that version's diagnostics
 * (`textDocument/diagnostic`) — and reports the didChange→diagnostics latency (p50/p95/max) and the server's memory
 * after the first edit and after the last.
 *
 *   node bench/lsp-latency.mjs                 # bundles the server first (scripts/bundle.mjs), 1,000 edits per file
 *   node bench/lsp-latency.mjs --no-build      # use out/server.mjs as it is
 *   node bench/lsp-latency.mjs --edits 200 --files py2k,ts2k --push --debounce 120 --json out.json
 *   node bench/lsp-latency.mjs --files ts2k --profile /tmp/prof   # the server under --cpu-prof
 *   node bench/lsp-latency.mjs --node-flags=--max-semi-space-size=32   # extra Node flags for the server
 *
 * The server runs with the editor's default `debounceMs: 0` (its adaptive pause only starts when changes come faster
 * than a lint, which sequential edits never do): the figures are the server's own work plus the transport.
 * `--debounce N` measures with a debounce. `--push` uses push diagnostics (publishDiagnostics) instead.
 * Memory is the server's `process.memoryUsage()` (custom request `asyncPitfalls/memoryUsage`) and VmRSS from
 * /proc/<pid>/status, after the first edit, after 25%, 50% and 75% of them and after the last, each after a settle
 * (`--settle`, 2 s); the server runs with `--expose-gc` so a full GC precedes the heap reading (`--no-gc` to skip).
 * Heap used after a full GC is the live memory, the one a leak makes grow; RSS also holds heap V8 has reserved and not
 * yet given back, which rises and falls with the garbage collector's timing.
 */
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createRequire } from "node:module";
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from "vscode-languageserver-protocol/node";

const ROOT = path.resolve(fileURLToPath(new URL("..", import.meta.url)));

const { values: options } = parseArgs({
  options: {
    edits: { type: "string", default: "1000" },
    files: { type: "string", default: "py2k,ts2k,py10k,ts10k" },
    server: { type: "string", default: path.join(ROOT, "out", "server.mjs") },
    "no-build": { type: "boolean", default: false },
    push: { type: "boolean", default: false },
    debounce: { type: "string", default: "0" },
    "no-gc": { type: "boolean", default: false },
    json: { type: "string" },
    profile: { type: "string" },
    settle: { type: "string", default: "2000" },
    "node-flags": { type: "string", default: "" },
  },
});

const EDITS = Number(options.edits);
const DEBOUNCE = Number(options.debounce);

// ---------------------------------------------------------------------------------------------------------------
// Generated sources: ordinary async code, with a blocking call every 100 lines so there are diagnostics to convert.

function pythonSource(lines) {
  const out = ['"""Generated for the latency benchmark."""', "import asyncio", "import time", "", ""];
  for (let i = 0; out.length < lines - 12; i++) {
    out.push(
      `class Service${i}:`,
      `    def __init__(self, client):`,
      `        self.client = client`,
      ``,
      `    async def fetch_${i}(self, items):`,
      `        results = []`,
      `        for item in items:`,
      `            value = await self.client.get(item, timeout=${i % 7 + 1})`,
      `            results.append(value * ${i})`,
      i % 4 === 0 ? `        time.sleep(0.1)` : `        await asyncio.sleep(0)`,
      `        return results`,
      ``,
      ``,
    );
  }
  while (out.length < lines) out.push("");
  return `${out.join("\n")}\n`;
}

function typescriptSource(lines) {
  const out = ["// Generated for the latency benchmark.", 'import { readFile } from "node:fs/promises";', 'import { readFileSync } from "node:fs";', ""];
  for (let i = 0; out.length < lines - 16; i++) {
    out.push(
      `export class Service${i} {`,
      `  constructor(private readonly base: string) {}`,
      ``,
      `  async fetch${i}(items: readonly string[]): Promise<number[]> {`,
      `    const results: number[] = [];`,
      `    for (const item of items) {`,
      `      const text = await readFile(this.base + item, "utf8");`,
      `      results.push(text.length * ${i});`,
      `    }`,
      i % 6 === 0 ? `    readFileSync(this.base, "utf8");` : `    await Promise.resolve();`,
      `    return results;`,
      `  }`,
      `}`,
      ``,
    );
  }
  while (out.length < lines) out.push("");
  return `${out.join("\n")}\n`;
}

const FILES = {
  py2k: { name: "bench_2k.py", languageId: "python", text: () => pythonSource(2000) },
  py10k: { name: "bench_10k.py", languageId: "python", text: () => pythonSource(10000) },
  ts2k: { name: "bench2k.ts", languageId: "typescript", text: () => typescriptSource(2000) },
  ts10k: { name: "bench10k.ts", languageId: "typescript", text: () => typescriptSource(10000) },
};

/**
 * Typing: a statement typed character by character on a new line in the middle of the file, then erased with
 * backspaces, over and over — valid and half-typed (unparsable) states alike, as in an editor.
 */
function* keystrokes(text, languageId) {
  const lines = text.split("\n");
  let line = Math.floor(lines.length / 2);
  while (!/^\s+\S/u.test(lines[line])) line += 1;
  const indent = /^\s*/u.exec(lines[line])[0];
  const statement = languageId === "python" ? "extra = await self.client.get(item)" : "const extra = await readFile(item, 'utf8');";
  // The new line first, then the statement's characters one by one, then backspaces.
  yield { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: `${indent}\n` };
  for (;;) {
    for (let i = 0; i < statement.length; i++) {
      const at = { line, character: indent.length + i };
      yield { range: { start: at, end: at }, text: statement[i] };
    }
    for (let i = statement.length; i > 0; i--) {
      yield { range: { start: { line, character: indent.length + i - 1 }, end: { line, character: indent.length + i } }, text: "" };
    }
  }
}

/** Applies one LSP content change (a range and its new text) to a text. */
function applyChange(text, change) {
  const offset = ({ line, character }) => {
    let at = 0;
    for (let i = 0; i < line; i++) at = text.indexOf("\n", at) + 1;
    return at + character;
  };
  return text.slice(0, offset(change.range.start)) + change.text + text.slice(offset(change.range.end));
}

/**
 * The floor, measured in this process on the very texts the server was sent: a bare parse of each, tree-sitter's for
 * Python, @typescript-eslint/parser's `parseForESLint` (what ESLint runs before any rule) for TypeScript. A server
 * cannot answer faster than its parser, so the latency is read against this.
 */
async function bareParseTimes(spec, text) {
  const require = createRequire(import.meta.url);
  let parse;
  if (spec.languageId === "python") {
    const { Parser, Language } = await import("web-tree-sitter");
    await Parser.init();
    const parser = new Parser();
    parser.setLanguage(await Language.load(readFileSync(require.resolve("tree-sitter-python/tree-sitter-python.wasm"))));
    parse = (source) => parser.parse(source).delete();
  } else {
    const { parseForESLint } = await import("@typescript-eslint/parser");
    const filePath = path.join(tmpdir(), spec.name);
    parse = (source) => parseForESLint(source, { filePath, ecmaFeatures: { jsx: true }, sourceType: "module", ecmaVersion: "latest" });
  }
  const times = [];
  const typing = keystrokes(text, spec.languageId);
  let current = text;
  for (let edit = 0; edit < EDITS; edit++) {
    current = applyChange(current, typing.next().value);
    const started = performance.now();
    try {
      parse(current);
    } catch {
      // typescript-estree throws on a half-typed statement, as ESLint's parse would.
    }
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------------------------------------------

function percentile(sorted, fraction) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

/** CPU time (user + system, all threads) the process has used, in ms; clock ticks are 10 ms. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

function vmRssMb(pid) {
  try {
    const match = /VmRSS:\s+(\d+)\s+kB/u.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function memory(connection, pid) {
  await sleep(Number(options.settle));
  const usage = await connection.sendRequest("asyncPitfalls/memoryUsage", { gc: !options["no-gc"] });
  return {
    rssMb: usage.rss / 2 ** 20,
    heapUsedMb: usage.heapUsed / 2 ** 20,
    heapTotalMb: usage.heapTotal / 2 ** 20,
    externalMb: usage.external / 2 ** 20,
    arrayBuffersMb: usage.arrayBuffers / 2 ** 20,
    vmRssMb: vmRssMb(pid),
  };
}

async function measure(key, workspace) {
  const spec = FILES[key];
  const text = spec.text();
  const filePath = path.join(workspace, spec.name);
  writeFileSync(filePath, text);
  const uri = pathToFileURL(filePath).href;
  const args = [
    ...(options["no-gc"] ? [] : ["--expose-gc"]),
    ...(options.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(options.profile)}`] : []),
    ...options["node-flags"].split(/\s+/u).filter(Boolean),
    path.resolve(options.server),
    "--stdio",
  ];
  const child = spawn(process.execPath, args, { cwd: workspace, stdio: ["pipe", "pipe", "inherit"] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    if (params.uri !== uri) return;
    const resolve = waiting.get(params.version);
    if (resolve) {
      waiting.delete(params.version);
      resolve(params.diagnostics);
    }
  });
  connection.onRequest("workspace/configuration", (params) => params.items.map(() => null));
  connection.onRequest("client/registerCapability", () => null);
  connection.onRequest("workspace/diagnostic/refresh", () => null);
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).href,
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: "bench" }],
    initializationOptions: { asyncPitfalls: { debounceMs: DEBOUNCE }, workspaceTrusted: true },
    capabilities: {
      textDocument: {
        publishDiagnostics: { versionSupport: true, dataSupport: true },
        ...(options.push ? {} : { diagnostic: { dynamicRegistration: false } }),
        synchronization: { didSave: true },
      },
      workspace: { workspaceEdit: { documentChanges: true }, diagnostics: { refreshSupport: true } },
    },
  });
  await connection.sendNotification(InitializedNotification.type, {});

  /** Diagnostics of `version`: pulled, or awaited from the push. */
  const diagnosticsOf = async (version) => {
    if (options.push) return new Promise((resolve) => waiting.set(version, resolve));
    for (;;) {
      try {
        const report = await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
        return report.items ?? [];
      } catch (error) {
        if (error?.code !== -32802 && error?.code !== -32800) throw error; // cancelled: ask again
      }
    }
  };

  let version = 1;
  const openedAt = performance.now();
  const pushed = options.push ? diagnosticsOf(1) : undefined;
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: spec.languageId, version, text } });
  const openDiagnostics = await (pushed ?? diagnosticsOf(1));
  const openMs = performance.now() - openedAt;

  const latencies = [];
  let memoryAfterFirst;
  let cpuAtFirst = NaN;
  const memoryCheckpoints = [];
  const checkpoints = new Set([0.25, 0.5, 0.75].map((fraction) => Math.round(EDITS * fraction)));
  const typing = keystrokes(text, spec.languageId);
  for (let edit = 0; edit < EDITS; edit++) {
    version += 1;
    const change = typing.next().value;
    const started = performance.now();
    const result = options.push ? diagnosticsOf(version) : undefined;
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
    await (result ?? diagnosticsOf(version));
    latencies.push(performance.now() - started);
    if (edit === 0) {
      memoryAfterFirst = await memory(connection, child.pid);
      memoryCheckpoints.push({ edits: 1, ...memoryAfterFirst });
      cpuAtFirst = cpuMs(child.pid);
    } else if (checkpoints.has(edit + 1)) {
      // Outside the timed span: whether memory keeps growing or levels off.
      const cpu = cpuMs(child.pid);
      memoryCheckpoints.push({ edits: edit + 1, ...(await memory(connection, child.pid)) });
      cpuAtFirst += cpuMs(child.pid) - cpu;
    }
  }
  const cpuPerEdit = (cpuMs(child.pid) - cpuAtFirst) / Math.max(1, latencies.length - 1);
  const memoryAfterLast = await memory(connection, child.pid);
  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  const exited = new Promise((resolve) => child.once("exit", resolve));
  if (child.exitCode === null) await Promise.race([exited, sleep(5000)]);
  connection.dispose();
  child.kill();

  const sorted = [...latencies].sort((a, b) => a - b);
  const bare = await bareParseTimes(spec, text);
  return {
    bareParseP50: percentile(bare, 0.5),
    bareParseP95: percentile(bare, 0.95),
    file: key,
    lines: text.split("\n").length - 1,
    language: spec.languageId,
    findings: openDiagnostics.length,
    openMs,
    edits: latencies.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    max: sorted.at(-1),
    cpuPerEditMs: cpuPerEdit,
    memoryAfterFirst,
    memoryAfterLast,
    memoryCheckpoints: [...memoryCheckpoints, { edits: latencies.length, ...memoryAfterLast }],
  };
}

let startLoad = 0;

async function main() {
  if (!options["no-build"] && options.server === path.join(ROOT, "out", "server.mjs")) {
    execFileSync(process.execPath, [path.join(ROOT, "scripts", "bundle.mjs")], { cwd: ROOT, stdio: "inherit" });
  }
  if (!existsSync(path.resolve(options.server))) throw new Error(`no server at ${options.server}`);
  const workspace = mkdtempSync(path.join(tmpdir(), "ap-lsp-bench-"));
  startLoad = loadavg()[0];
  const results = [];
  try {
    for (const key of options.files.split(",")) {
      if (!FILES[key]) throw new Error(`unknown file ${key}; known: ${Object.keys(FILES).join(", ")}`);
      process.stderr.write(`${key}: ${EDITS} edits…\n`);
      results.push(await measure(key, workspace));
    }
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
  const mb = (value) => (Number.isFinite(value) ? value.toFixed(0) : "–");
  const ms = (value) => value.toFixed(1);
  console.log(
    `mode: ${options.push ? "push" : "pull"} diagnostics, debounceMs ${DEBOUNCE}, ${EDITS} edits per file, node ${process.version}, ` +
      `load average ${startLoad.toFixed(1)} → ${loadavg()[0].toFixed(1)}`,
  );
  console.log("file    lines  findings  open ms   p50 ms   p95 ms   max ms  CPU/edit ms   RSS first→last MB   heap first→last MB");
  for (const r of results) {
    console.log(
      [
        r.file.padEnd(6),
        String(r.lines).padStart(6),
        String(r.findings).padStart(9),
        ms(r.openMs).padStart(8),
        ms(r.p50).padStart(8),
        ms(r.p95).padStart(8),
        ms(r.max).padStart(8),
        ms(r.cpuPerEditMs).padStart(12),
        `${mb(r.memoryAfterFirst.vmRssMb)} → ${mb(r.memoryAfterLast.vmRssMb)} (${(((r.memoryAfterLast.vmRssMb / r.memoryAfterFirst.vmRssMb) - 1) * 100).toFixed(0)}%)`.padStart(20),
        `${mb(r.memoryAfterFirst.heapUsedMb)} → ${mb(r.memoryAfterLast.heapUsedMb)}`.padStart(20),
      ].join(" "),
    );
  }
  console.log("\nthe floor: a bare parse of the same texts in the benchmark's process (tree-sitter; parseForESLint for TS)");
  console.log("file    bare p50 ms  bare p95 ms   server p50 / bare p50   server p95 / bare p95");
  for (const r of results) {
    console.log(
      [
        r.file.padEnd(6),
        ms(r.bareParseP50).padStart(12),
        ms(r.bareParseP95).padStart(12),
        `${(r.p50 / r.bareParseP50).toFixed(2)}×`.padStart(23),
        `${(r.p95 / r.bareParseP95).toFixed(2)}×`.padStart(23),
      ].join(" "),
    );
  }
  console.log("\nmemory after N edits (RSS / heap used after a full GC, MB)");
  for (const r of results) {
    console.log(`${r.file.padEnd(6)} ${r.memoryCheckpoints.map((m) => `${m.edits}: ${mb(m.vmRssMb)} / ${mb(m.heapUsedMb)}`).join("   ")}`);
  }
  if (options.json) writeFileSync(options.json, `${JSON.stringify({ mode: options.push ? "push" : "pull", debounceMs: DEBOUNCE, edits: EDITS, loadAverage: [startLoad, loadavg()[0]], node: process.version, results }, null, 2)}\n`);
}

await main();
