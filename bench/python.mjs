#!/usr/bin/env node
/**
 * Python benchmark: our lint against the bare tree-sitter parse and against the peers (ruff, pyright), measured side
 * by side in one run on the same files, plus what each tool finds on the rules we share.
 *
 *   bash bench/setup.sh                     # once: peers (ruff wasm, pyright) and the corpus, under .cache/bench/
 *   node bench/python.mjs                   # the corpus in .cache/bench/corpus
 *   node bench/python.mjs --corpus <dir>    # any folder of Python code
 *   node bench/python.mjs --smoke           # test-fixtures/python, a few seconds (CI)
 *
 * Options: --runs N (measured runs per tool, default 5; smoke 2), --warmup N (default 1), --pyright-runs N (default 1:
 * one pyright run is minutes on the full corpus), --no-ruff, --no-pyright, --only parse|convert|lint (that phase
 * alone, for `node --cpu-prof`), --json <file> (write the figures), --src <dir> (bundle our code from another checkout
 * of the sources, e.g. a snapshot: `git archive HEAD rules engine | tar -x -C <dir>`; node_modules stay the project's),
 * --baseline <dir> (also time our parse and lint from that copy, interleaved run by run: before/after of a change),
 * --floor (also time the lint with every rule off: our parse plus ESLint's own work per file).
 *
 * The sources are bundled with esbuild from rules/ and engine/ as they are now (no `npm run build` needed), into
 * .cache/bench/build/. Times are medians of the measured runs after warm-up, in wall-clock and CPU (user+system) time;
 * the in-process tools (tree-sitter, ours, ruff) run interleaved, run by run, so a busy machine slows them alike.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { performance, PerformanceObserver } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const ROOT = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const CACHE = path.join(ROOT, ".cache", "bench");
const require = createRequire(import.meta.url);

const { values: args } = parseArgs({
  options: {
    corpus: { type: "string" },
    smoke: { type: "boolean", default: false },
    runs: { type: "string" },
    warmup: { type: "string" },
    "pyright-runs": { type: "string" },
    "no-ruff": { type: "boolean", default: false },
    "no-pyright": { type: "boolean", default: false },
    only: { type: "string" },
    json: { type: "string" },
    src: { type: "string" },
    baseline: { type: "string" },
    floor: { type: "boolean", default: false },
  },
});
const smoke = args.smoke;
const corpus = path.resolve(args.corpus ?? (smoke ? path.join(ROOT, "test-fixtures", "python") : path.join(CACHE, "corpus")));
const runs = Number(args.runs ?? (smoke ? 2 : 5));
const warmup = Number(args.warmup ?? 1);
const pyrightRuns = Number(args["pyright-runs"] ?? 1);
const only = args.only;
if (only && !["parse", "convert", "lint"].includes(only)) throw new Error(`--only takes parse, convert or lint; got ${only}`);
if (!existsSync(corpus)) {
  console.error(`No corpus at ${corpus}. Run \`bash bench/setup.sh\` first, or pass --corpus <dir> (or --smoke).`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------------------------
// Our code, bundled from the current sources.

const src = path.resolve(args.src ?? ROOT);

async function buildOurs(src) {
  const { build } = await import("esbuild");
  const outfile = path.join(CACHE, "build", src === ROOT ? "ours.mjs" : `${path.basename(src)}/ours.mjs`);
  mkdirSync(path.dirname(outfile), { recursive: true });
  if (src !== ROOT) {
    // web-tree-sitter keeps one wasm instance per loaded copy, made by the first `Parser.init`: a second bundle that
    // imported the same copy would not get the binding its fast cursor walk needs (cursor-walk.ts) and would fall
    // back to the public API. So the other bundle imports a copy of its own, found beside it.
    cpSync(path.dirname(require.resolve("web-tree-sitter")), path.join(path.dirname(outfile), "node_modules", "web-tree-sitter"), { recursive: true });
  }
  await build({
    stdin: {
      contents: [
        'export { parsePython } from "./rules/python/parser.ts";',
        'export { zeroConfig, IGNORED_FOLDERS } from "./engine/config.ts";',
        'export { clearProjectIndex } from "./rules/python/project-index.ts";',
      ].join("\n"),
      resolveDir: src,
      loader: "ts",
      sourcefile: "bench-entry.ts",
    },
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
  return import(pathToFileURL(outfile).href);
}

const ours = await buildOurs(src);
// --baseline <dir>: the same phases with our code from another copy of the sources, interleaved with ours in the same
// runs — the before/after of a change, side by side.
const baselineSrc = args.baseline && path.resolve(args.baseline);
const baseline = baselineSrc ? await buildOurs(baselineSrc) : null;
const { Linter } = await import("eslint");
const { Parser, Language } = await import("web-tree-sitter");
await Parser.init();
const bareParser = new Parser();
bareParser.setLanguage(await Language.load(readFileSync(require.resolve("tree-sitter-python/tree-sitter-python.wasm"))));

// ---------------------------------------------------------------------------------------------------------------
// The files: every .py/.pyi under the corpus, minus the folders the zero config ignores (the same set for every tool).

const ignoredFolders = new Set(ours.IGNORED_FOLDERS);
/** Folders with a pyproject.toml, setup.py or setup.cfg: project roots, as our project index finds them. */
const projectRoots = [];
function collect(dir, out) {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  if (entries.some((entry) => entry.isFile() && ["pyproject.toml", "setup.py", "setup.cfg"].includes(entry.name))) projectRoots.push(dir);
  for (const entry of entries) {
    if (entry.isDirectory()) {
      if (!ignoredFolders.has(entry.name)) collect(path.join(dir, entry.name), out);
    } else if (entry.isFile() && /\.pyi?$/u.test(entry.name)) {
      out.push(path.join(dir, entry.name));
    }
  }
  return out;
}
const files = collect(corpus, []).map((file) => {
  const text = readFileSync(file, "utf8");
  return { file, rel: path.relative(corpus, file), text, lines: text.split("\n").length - (text.endsWith("\n") ? 1 : 0) };
});
if (files.length === 0) {
  console.error(`No Python files under ${corpus}.`);
  process.exit(2);
}
const totalLines = files.reduce((sum, f) => sum + f.lines, 0);
const totalBytes = files.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0);

function describeCorpus() {
  const parts = new Map();
  for (const f of files) {
    const top = f.rel.includes(path.sep) ? f.rel.split(path.sep)[0] : ".";
    const part = parts.get(top) ?? { files: 0, lines: 0 };
    part.files++;
    part.lines += f.lines;
    parts.set(top, part);
  }
  const rows = [];
  for (const [name, part] of parts) {
    const marker = path.join(corpus, name, ".bench-commit");
    const commit = existsSync(marker) ? readFileSync(marker, "utf8").trim().slice(0, 12) : "";
    rows.push({ name, commit, ...part });
  }
  return rows;
}

const corpusRows = describeCorpus();
console.log(`corpus: ${path.relative(ROOT, corpus) || corpus}  (${files.length} files, ${totalLines} lines, ${(totalBytes / 1e6).toFixed(1)} MB)`);
if (corpusRows.length > 1 || corpusRows[0]?.commit) {
  for (const row of corpusRows) console.log(`  ${row.name.padEnd(24)} ${row.commit.padEnd(12)} ${String(row.files).padStart(5)} files ${String(row.lines).padStart(8)} lines`);
}
const os = await import("node:os");
console.log(`node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}; runs ${runs} after ${warmup} warm-up`);

// ---------------------------------------------------------------------------------------------------------------
// The phases.

const linter = new Linter({ configType: "flat", cwd: corpus });
// Normalised once, as the ESLint class does for a CLI run (a plain array would be re-normalised on every verify()).
const { FlatConfigArray } = require(path.join(path.dirname(require.resolve("eslint/package.json")), "lib/config/flat-config-array.js"));
function configFor(code) {
  const array = new FlatConfigArray(code.zeroConfig(), { basePath: corpus });
  array.normalizeSync();
  return array;
}
const configArray = configFor(ours);

let lastLint = null;
let lastBaselineLint = null;
const phases = {
  parse() {
    for (const f of files) bareParser.parse(f.text).delete();
  },
  convert() {
    for (const f of files) ours.parsePython(f.text);
  },
  lint() {
    ours.clearProjectIndex(); // each run pays for the project index, as one CLI run does
    const results = new Map();
    for (const f of files) results.set(f.rel, linter.verify(f.text, configArray, { filename: f.file }));
    lastLint = results;
  },
};
if (args.floor) {
  // The same lint with every rule switched off: our parse plus ESLint's own work per file, the least a lint can cost.
  const noRules = new FlatConfigArray(ours.zeroConfig({ onlyRules: [] }), { basePath: corpus });
  noRules.normalizeSync();
  phases["lint-no-rules"] = () => {
    for (const f of files) linter.verify(f.text, noRules, { filename: f.file });
  };
}
if (baseline) {
  const baselineConfig = configFor(baseline);
  phases["convert@baseline"] = () => {
    for (const f of files) baseline.parsePython(f.text);
  };
  phases["lint@baseline"] = () => {
    baseline.clearProjectIndex();
    const results = new Map();
    for (const f of files) results.set(f.rel, linter.verify(f.text, baselineConfig, { filename: f.file }));
    lastBaselineLint = results;
  };
}

let ruff = null;
let lastRuff = null;
const ruffPackage = path.join(CACHE, "node_modules", "@astral-sh", "ruff-wasm-nodejs");
if (!only && !args["no-ruff"]) {
  if (existsSync(ruffPackage)) {
    const { Workspace, PositionEncoding } = createRequire(path.join(CACHE, "package.json"))("@astral-sh/ruff-wasm-nodejs");
    // ASYNC212/222/240/250 are preview rules in this ruff version.
    const workspace = new Workspace({ "target-version": "py312", lint: { select: ["ASYNC", "RUF006", "S113"], preview: true } }, PositionEncoding.Utf16);
    ruff = { version: Workspace.version() };
    phases.ruff = () => {
      const results = new Map();
      for (const f of files) results.set(f.rel, workspace.check(f.text));
      lastRuff = results;
    };
  } else {
    console.log("ruff: not installed (bash bench/setup.sh --peers); skipped");
  }
}

const phaseNames = only ? Object.keys(phases).filter((name) => name.split("@")[0] === only) : Object.keys(phases);
const samples = Object.fromEntries(phaseNames.map((name) => [name, { wall: [], cpu: [], gc: [] }]));

// Garbage-collection pauses, attributed to the phase that ran when they happened.
let gcTime = 0;
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcTime += entry.duration;
});
gcObserver.observe({ entryTypes: ["gc"] });
// Node reports a GC pause from the event loop, after the synchronous phase that caused it: let the loop turn.
const flushGc = async () => {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  for (const entry of gcObserver.takeRecords()) gcTime += entry.duration;
};

async function timeOnce(fn) {
  await flushGc();
  const gc0 = gcTime;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  await flushGc();
  return { wall, cpu: (cpu.user + cpu.system) / 1000, gc: gcTime - gc0 };
}

/**
 * With --baseline, every other run times the baseline's phases where ours were and ours where the baseline's were: a
 * phase pays for the garbage the phase before it left (a lint leaves a lot), so a fixed order favours one side.
 */
const counterpart = (name) => (name.endsWith("@baseline") ? name.slice(0, -"@baseline".length) : phases[`${name}@baseline`] ? `${name}@baseline` : name);

for (let run = 0; run < warmup + runs; run++) {
  for (const slot of phaseNames) {
    const name = run % 2 === 1 ? counterpart(slot) : slot;
    const { wall, cpu, gc } = await timeOnce(phases[name]);
    if (run >= warmup) {
      samples[name].wall.push(wall);
      samples[name].cpu.push(cpu);
      samples[name].gc.push(gc);
    }
  }
  if (!smoke) process.stdout.write(`  run ${run + 1}/${warmup + runs}${run < warmup ? " (warm-up)" : ""}\r`);
}
if (!smoke) process.stdout.write(" ".repeat(40) + "\r");

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const timing = Object.fromEntries(
  phaseNames.map((name) => [name, { wall: median(samples[name].wall), cpu: median(samples[name].cpu), gc: median(samples[name].gc), runs: samples[name].wall.length }]),
);

// ---------------------------------------------------------------------------------------------------------------
// pyright, as a CLI on the same files (its own process: start-up included, ~1 s).

let pyright = null;
let pyrightDiagnostics = null;
const pyrightPackage = path.join(CACHE, "node_modules", "pyright");
if (!only && !args["no-pyright"]) {
  if (existsSync(pyrightPackage)) {
    const configDir = path.join(CACHE, "pyright");
    mkdirSync(configDir, { recursive: true });
    // pyright takes only relative paths, relative to the config file. Each project root of the corpus is an
    // execution environment (deepest first: a file belongs to the first that contains it), so that pyright resolves
    // imports between a project's modules as our project index does (root and root/src).
    const relative = (target) => path.relative(configDir, target);
    const environments = [...projectRoots]
      .sort((a, b) => b.length - a.length)
      .map((root) => ({ root: relative(root), extraPaths: existsSync(path.join(root, "src")) ? [relative(path.join(root, "src"))] : [] }));
    writeFileSync(
      path.join(configDir, "pyrightconfig.json"),
      JSON.stringify({ include: files.map((f) => relative(f.file)), exclude: [], executionEnvironments: environments }, null, 1),
    );
    const walls = [];
    const cpus = [];
    for (let run = 0; run < pyrightRuns; run++) {
      process.stdout.write(`  pyright run ${run + 1}/${pyrightRuns}\r`);
      const outFile = path.join(configDir, "out.json");
      rmSync(outFile, { force: true });
      const script = `"${process.execPath}" "${path.join(pyrightPackage, "index.js")}" --outputjson -p pyrightconfig.json > out.json; times`;
      const t0 = performance.now();
      const child = spawnSync("bash", ["-c", script], { cwd: configDir, encoding: "utf8", maxBuffer: 1 << 26 });
      walls.push(performance.now() - t0);
      // `times` prints the shell's own user/system times, then its children's: pyright's.
      const childTimes = child.stdout.trim().split("\n").at(-1).match(/(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/u);
      cpus.push(childTimes ? (Number(childTimes[1]) * 60 + Number(childTimes[2]) + Number(childTimes[3]) * 60 + Number(childTimes[4])) * 1000 : NaN);
      let report;
      try {
        report = JSON.parse(readFileSync(outFile, "utf8")); // pyright exits 1 when it reports errors: not a failure
      } catch {
        throw new Error(`pyright produced no report:\n${child.stderr}`);
      }
      pyrightDiagnostics = report.generalDiagnostics;
      pyright = { version: report.version, filesAnalyzed: report.summary.filesAnalyzed };
    }
    process.stdout.write(" ".repeat(40) + "\r");
    timing.pyright = { wall: median(walls), cpu: median(cpus), runs: pyrightRuns };
  } else {
    console.log("pyright: not installed (bash bench/setup.sh --peers); skipped");
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Times and ratios.

const fmt = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms < 100 ? 1 : 0)} ms`);
const labels = {
  parse: "(a) tree-sitter parse (parse + tree.delete)",
  convert: "(b) our parse (parsePython: parse + convert)",
  lint: "(c) our lint (Linter.verify, all Python rules)",
  "lint-no-rules": "    our lint with every rule off (--floor)",
  "convert@baseline": "    our parse, baseline sources",
  "lint@baseline": "    our lint, baseline sources",
  ruff: `(d) ruff ${ruff?.version ?? ""} wasm (ASYNC, RUF006, S113)`,
  pyright: `(e) pyright ${pyright?.version ?? ""} CLI (--outputjson)`,
};
console.log(`\n${"".padEnd(48)} ${"wall".padStart(9)} ${"cpu".padStart(9)} ${"gc".padStart(9)} ${"lines/s".padStart(10)}`);
for (const [name, t] of Object.entries(timing)) {
  const gc = t.gc === undefined ? "" : fmt(t.gc);
  console.log(`${labels[name].padEnd(48)} ${fmt(t.wall).padStart(9)} ${fmt(t.cpu).padStart(9)} ${gc.padStart(9)} ${Math.round(totalLines / (t.wall / 1000)).toLocaleString("en").padStart(10)}`);
}
const ratios = [];
const ratio = (label, a, b, target) => {
  if (!timing[a] || !timing[b]) return;
  const wall = timing[a].wall / timing[b].wall;
  const cpu = timing[a].cpu / timing[b].cpu;
  ratios.push({ label, wall, cpu });
  console.log(`${label.padEnd(48)} ${`${wall.toFixed(2)}×`.padStart(9)} ${`${cpu.toFixed(2)}×`.padStart(9)}${target ? `   (target ≤ ${target}×)` : ""}`);
};
console.log("");
ratio("convert / parse", "convert", "parse");
ratio("lint / parse", "lint", "parse", 2);
ratio("lint / our parse", "lint", "convert");
ratio("lint with every rule off / parse", "lint-no-rules", "parse");
ratio("ours (lint) / ruff", "lint", "ruff");
ratio("ours (lint) / pyright", "lint", "pyright");
ratio("our parse: current / baseline", "convert", "convert@baseline");
ratio("lint: current / baseline", "lint", "lint@baseline");
if (lastLint && lastBaselineLint) {
  // A performance change must not change what is found.
  const differing = [...lastLint].filter(([rel, messages]) => JSON.stringify(messages) !== JSON.stringify(lastBaselineLint.get(rel)));
  console.log(`findings, current vs baseline: ${differing.length === 0 ? "identical" : `differ in ${differing.length} files, e.g. ${differing.slice(0, 5).map(([rel]) => rel).join(", ")}`}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Findings on the rules we share: counts, overlap by file:line, and examples of each side's exclusive findings.

const report = { corpus: path.relative(ROOT, corpus) || corpus, corpusRows, files: files.length, lines: totalLines, runs, warmup, timing, ratios, findings: [] };
if (!only) {
  const textOf = new Map(files.map((f) => [f.rel, f.text.split("\n")]));
  const lineOf = (key) => {
    const at = key.lastIndexOf(":");
    return textOf.get(key.slice(0, at))?.[Number(key.slice(at + 1)) - 1]?.trim().slice(0, 110) ?? "";
  };

  const oursByRule = new Map();
  let parseFailures = 0;
  const parseFailureExamples = [];
  for (const [rel, messages] of lastLint) {
    for (const message of messages) {
      if (message.fatal) {
        parseFailures++;
        if (parseFailureExamples.length < 5) parseFailureExamples.push(`${rel}:${message.line}: ${message.message}`);
        continue;
      }
      const rule = message.ruleId?.replace(/^async-pitfalls\//u, "") ?? "(none)";
      if (!oursByRule.has(rule)) oursByRule.set(rule, new Set());
      oursByRule.get(rule).add(`${rel}:${message.line}`);
    }
  }

  // The wasm build names ruff's rules; these are their codes.
  const RUFF_CODES = {
    "cancel-scope-no-checkpoint": "ASYNC100",
    "trio-sync-call": "ASYNC105",
    "async-function-with-timeout": "ASYNC109",
    "async-busy-wait": "ASYNC110",
    "async-zero-sleep": "ASYNC115",
    "long-sleep-not-forever": "ASYNC116",
    "blocking-http-call-in-async-function": "ASYNC210",
    "blocking-http-call-httpx-in-async-function": "ASYNC212",
    "create-subprocess-in-async-function": "ASYNC220",
    "run-process-in-async-function": "ASYNC221",
    "wait-for-process-in-async-function": "ASYNC222",
    "blocking-open-call-in-async-function": "ASYNC230",
    "blocking-path-method-in-async-function": "ASYNC240",
    "blocking-input-in-async-function": "ASYNC250",
    "blocking-sleep-in-async-function": "ASYNC251",
    "asyncio-dangling-task": "RUF006",
    "request-without-timeout": "S113",
  };
  const ruffByCode = new Map();
  if (lastRuff) {
    for (const [rel, diagnostics] of lastRuff) {
      for (const d of diagnostics) {
        const code = RUFF_CODES[d.code] ?? d.code ?? "(syntax)";
        if (!ruffByCode.has(code)) ruffByCode.set(code, new Set());
        ruffByCode.get(code).add(`${rel}:${d.start_location.row}`);
      }
    }
  }
  const pyrightByRule = new Map();
  if (pyrightDiagnostics) {
    for (const d of pyrightDiagnostics) {
      const rule = d.rule ?? `(${d.severity})`;
      if (!pyrightByRule.has(rule)) pyrightByRule.set(rule, new Set());
      pyrightByRule.get(rule).add(`${path.relative(corpus, d.file)}:${d.range.start.line + 1}`);
    }
  }

  const union = (map, keys) => new Set(keys.flatMap((key) => [...(map.get(key) ?? [])]));
  const counts = (map) => [...map].sort((a, b) => b[1].size - a[1].size).map(([key, set]) => `${key} ${set.size}`).join(", ");

  console.log(`\nfindings (distinct file:line) — ours: ${counts(oursByRule) || "none"}`);
  if (parseFailures) console.log(`  ours: ${parseFailures} files not linted (syntax error as tree-sitter sees it), e.g. ${parseFailureExamples.join("; ")}`);
  if (lastRuff) console.log(`  ruff: ${counts(ruffByCode) || "none"}`);
  if (pyrightDiagnostics) console.log(`  pyright: reportUnusedCoroutine ${pyrightByRule.get("reportUnusedCoroutine")?.size ?? 0} (of ${pyrightDiagnostics.length} diagnostics in all, on ${pyright.filesAnalyzed} files)`);

  const comparisons = [
    { label: "unawaited coroutine", ours: ["no-unawaited-coroutine"], peer: "pyright", peerRules: ["reportUnusedCoroutine"], map: pyrightDiagnostics && pyrightByRule },
    { label: "blocking sleep", ours: ["no-blocking-sleep"], peer: "ruff", peerRules: ["ASYNC251"], map: lastRuff && ruffByCode },
    { label: "blocking calls", ours: ["no-blocking-call"], peer: "ruff", peerRules: ["ASYNC210", "ASYNC212", "ASYNC220", "ASYNC221", "ASYNC222", "ASYNC230", "ASYNC250"], map: lastRuff && ruffByCode },
    { label: "dangling task", ours: ["no-dangling-task"], peer: "ruff", peerRules: ["RUF006"], map: lastRuff && ruffByCode },
  ];
  for (const c of comparisons) {
    if (!c.map) continue;
    const mine = union(oursByRule, c.ours);
    const theirs = union(c.map, c.peerRules);
    const both = [...mine].filter((key) => theirs.has(key));
    const onlyMine = [...mine].filter((key) => !theirs.has(key));
    const onlyTheirs = [...theirs].filter((key) => !mine.has(key));
    report.findings.push({ ...c, map: undefined, ours: mine.size, peerCount: theirs.size, both: both.length, onlyOurs: onlyMine, onlyPeer: onlyTheirs });
    console.log(`\n${c.label}: ours (${c.ours.join(", ")}) ${mine.size} · ${c.peer} (${c.peerRules.join(", ")}) ${theirs.size} · both ${both.length} · only ours ${onlyMine.length} · only ${c.peer} ${onlyTheirs.length}`);
    for (const [title, keys] of [["only ours", onlyMine], [`only ${c.peer}`, onlyTheirs]]) {
      if (keys.length === 0) continue;
      console.log(`  ${title}, e.g.:`);
      for (const key of pick(keys, 5)) console.log(`    ${key}  ${lineOf(key)}`);
    }
  }
  // Our rules no peer shares: a few examples each, to judge them by.
  const shared = new Set(comparisons.flatMap((c) => c.ours));
  const unshared = [...oursByRule].filter(([rule]) => !shared.has(rule)).sort((x, y) => y[1].size - x[1].size);
  if (unshared.length > 0) console.log("\nour other rules (no peer), e.g.:");
  for (const [rule, keys] of unshared) {
    console.log(`  ${rule} ${keys.size}`);
    for (const key of pick([...keys], 3)) console.log(`    ${key}  ${lineOf(key)}`);
  }
  report.counts = {
    ours: Object.fromEntries([...oursByRule].map(([k, v]) => [k, v.size])),
    ruff: Object.fromEntries([...ruffByCode].map(([k, v]) => [k, v.size])),
    pyrightUnusedCoroutine: pyrightByRule.get("reportUnusedCoroutine")?.size ?? null,
    oursParseFailures: parseFailures,
  };

  if (smoke) {
    // The fixtures are full of pitfalls: a silent lint means the benchmark measured nothing.
    if (oursByRule.size === 0) {
      console.error("smoke: our lint found nothing on the fixtures");
      process.exit(1);
    }
  }
}

/** Up to `n` examples spread over the list (sorted by file), so one noisy file does not fill them all. */
function pick(keys, n) {
  const sorted = [...keys].sort();
  if (sorted.length <= n) return sorted;
  return Array.from({ length: n }, (_, i) => sorted[Math.floor((i * sorted.length) / n)]);
}

if (args.json) writeFileSync(args.json, JSON.stringify(report, null, 2));
