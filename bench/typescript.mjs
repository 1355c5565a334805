#!/usr/bin/env node
/**
 * TypeScript benchmark: our rules, untyped and typed, against the bare parse and against typescript-eslint's
 * `no-floating-promises` + `no-misused-promises` (typed), measured side by side in one run on the same files, plus what
 * each finds: floating promises found by typescript-eslint, by ours untyped and by ours typed, their overlap (same
 * file:line), the recall of our untyped mode, and why untyped misses what it misses. Biome and oxlint (their
 * floating-promise rules) run too when installed.
 *
 *   bash bench/setup-ts.sh                      # once: peers and the corpus, under .cache/bench/
 *   node bench/typescript.mjs                   # the corpus in .cache/bench/ts-corpus/honojs+hono
 *   node bench/typescript.mjs --corpus <dir>    # any folder of TypeScript (its tsconfig.json files give the types)
 *   node bench/typescript.mjs --smoke           # test-fixtures/typescript, a few seconds
 *
 * Options: --runs N (measured runs, default 5; smoke 2), --warmup N (default 1), --only <mode> (that mode alone, for
 * `node --cpu-prof`: parse, eslint, untyped, typed, tseslint), --rule-times (one more pass of each ESLint mode with
 * ESLint's per-rule timing: where the time goes), --no-biome, --no-oxlint, --json <file>, --src <dir>
 * (bundle our rules from another checkout of the sources), --baseline <dir> (also time our untyped and typed lint from
 * that copy — e.g. `git archive HEAD rules engine | tar -x -C <dir>` — interleaved run by run: before/after).
 *
 * The modes, in-process and interleaved run by run so a busy machine slows them alike (medians after warm-up, wall and
 * CPU time):
 *   parse     @typescript-eslint/parser's parseForESLint alone, no project (tokens, comments, scope analysis)
 *   eslint    ESLint's Linter with that parser and no rules
 *   untyped   our `recommended` (all six TS rules), no type information
 *   typed     our `recommendedTypeChecked`: projectService, tsconfigRootDir = the corpus root
 *   tseslint  typescript-eslint's no-floating-promises + no-misused-promises, same parser options as `typed`
 * Every typed run starts from cleared parser caches (a new project service: programs built again, as one CLI run
 * does), every run of ours from cleared module summaries. Biome and oxlint run as their CLIs (own processes, start-up
 * included, all cores) on the same file list, interleaved with the rest.
 *
 * The files: every .ts/.tsx/.mts/.cts (not .d.ts) under the corpus minus the folders our zero config ignores, and minus
 * the files no tsconfig.json covers (typed linting cannot run on them; listed). A corpus without a tsconfig.json at its
 * root is copied to .cache/bench/ts-generated/<name> with a generated one.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { performance, PerformanceObserver } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import v8 from "node:v8";
import vm from "node:vm";

const ROOT = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const CACHE = path.join(ROOT, ".cache", "bench");
const PEERS = path.join(CACHE, "ts");
const require = createRequire(import.meta.url);
const peerRequire = createRequire(path.join(PEERS, "package.json"));

const MODES = ["parse", "eslint", "untyped", "typed", "tseslint"];
const { values: args } = parseArgs({
  options: {
    corpus: { type: "string" },
    smoke: { type: "boolean", default: false },
    runs: { type: "string" },
    warmup: { type: "string" },
    only: { type: "string" },
    "no-biome": { type: "boolean", default: false },
    "no-oxlint": { type: "boolean", default: false },
    "rule-times": { type: "boolean", default: false },
    json: { type: "string" },
    src: { type: "string" },
    baseline: { type: "string" },
  },
});
const smoke = args.smoke;
let corpus = path.resolve(
  args.corpus ?? (smoke ? path.join(ROOT, "test-fixtures", "typescript") : path.join(CACHE, "ts-corpus", "honojs+hono")),
);
const runs = Number(args.runs ?? (smoke ? 2 : 5));
const warmup = Number(args.warmup ?? 1);
const only = args.only;
if (only && !MODES.includes(only)) throw new Error(`--only takes one of ${MODES.join(", ")}; got ${only}`);
if (!existsSync(corpus)) {
  console.error(`No corpus at ${corpus}. Run \`bash bench/setup-ts.sh\` first, or pass --corpus <dir> (or --smoke).`);
  process.exit(2);
}
const corpusName = path.basename(corpus);
const corpusCommit = (() => {
  const marker = path.join(corpus, ".bench-commit");
  return existsSync(marker) ? readFileSync(marker, "utf8").trim() : "";
})();

// ---------------------------------------------------------------------------------------------------------------
// Our code, bundled from the current sources (no `npm run build` needed); packages stay the project's.

async function buildOurs(src) {
  const { build } = await import("esbuild");
  const outfile = path.join(CACHE, "build", src === ROOT ? "ours-ts.mjs" : `ours-ts-${path.basename(src)}.mjs`);
  mkdirSync(path.dirname(outfile), { recursive: true });
  await build({
    stdin: {
      contents: [
        'export { default as plugin } from "./rules/index.ts";',
        'export { IGNORED_FOLDERS } from "./engine/config.ts";',
        'export { clearModuleSummaries } from "./rules/typescript/module-summary.ts";',
      ].join("\n"),
      resolveDir: src,
      loader: "ts",
      sourcefile: "bench-ts-entry.ts",
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

const src = path.resolve(args.src ?? ROOT);
const ours = await buildOurs(src);
const baselineSrc = args.baseline && path.resolve(args.baseline);
const baseline = baselineSrc ? await buildOurs(baselineSrc) : null;
const { Linter } = await import("eslint");
const tsParser = require("@typescript-eslint/parser");
const tsVersion = require("typescript/package.json").version;
const tseslintVersion = require("@typescript-eslint/parser/package.json").version;
const eslintVersion = require("eslint/package.json").version;

// ---------------------------------------------------------------------------------------------------------------
// The files.

const TS_FILE = /\.(?:ts|tsx|mts|cts)$/u;
const DECLARATION = /\.d\.(?:ts|mts|cts)$/u;
const ignoredFolders = new Set(ours.IGNORED_FOLDERS);
function collect(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory()) {
      if (!ignoredFolders.has(entry.name)) collect(path.join(dir, entry.name), out);
    } else if (entry.isFile() && TS_FILE.test(entry.name) && !DECLARATION.test(entry.name)) {
      out.push(path.join(dir, entry.name));
    }
  }
  return out;
}

// No tsconfig.json at the root: lint a copy that has one (never write into the user's folder).
let generatedTsconfig = false;
if (!existsSync(path.join(corpus, "tsconfig.json"))) {
  const copy = path.join(CACHE, "ts-generated", corpusName);
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(copy, { recursive: true });
  cpSync(corpus, copy, { recursive: true, filter: (from) => !ignoredFolders.has(path.basename(from)) || from === corpus });
  writeFileSync(
    path.join(copy, "tsconfig.json"),
    JSON.stringify(
      {
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          jsx: "preserve",
          strict: true,
          noEmit: true,
          skipLibCheck: true,
        },
        include: ["**/*"],
      },
      null,
      2,
    ),
  );
  corpus = copy;
  generatedTsconfig = true;
}

const allFiles = collect(corpus, []).map((file) => {
  const text = readFileSync(file, "utf8");
  return { file, rel: path.relative(corpus, file), text, lines: text.split("\n").length - (text.endsWith("\n") ? 1 : 0) };
});
if (allFiles.length === 0) {
  console.error(`No TypeScript files under ${corpus}.`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------------------------
// Configurations.

const linter = new Linter({ configType: "flat", cwd: corpus });
const { FlatConfigArray } = require(path.join(path.dirname(require.resolve("eslint/package.json")), "lib/config/flat-config-array.js"));
function normalized(configs) {
  // Normalised once, as the ESLint class does for a CLI run (a plain array would be re-normalised on every verify()).
  const array = new FlatConfigArray(configs, { basePath: corpus });
  array.normalizeSync();
  return array;
}
const TS_GLOBS = ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"];
const typedParserOptions = { projectService: true, tsconfigRootDir: corpus };
const parserBlock = { files: TS_GLOBS, languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } };
const configs = {
  eslint: normalized([parserBlock]),
  untyped: normalized(ours.plugin.configs.recommended),
  typed: normalized([...ours.plugin.configs.recommendedTypeChecked, { files: TS_GLOBS, languageOptions: { parserOptions: typedParserOptions } }]),
  coverage: normalized([{ files: TS_GLOBS, languageOptions: { parser: tsParser, parserOptions: typedParserOptions } }]),
};
if (baseline) {
  configs["untyped@baseline"] = normalized(baseline.plugin.configs.recommended);
  configs["typed@baseline"] = normalized([
    ...baseline.plugin.configs.recommendedTypeChecked,
    { files: TS_GLOBS, languageOptions: { parserOptions: typedParserOptions } },
  ]);
}

let tseslintPlugin = null;
try {
  tseslintPlugin = peerRequire("@typescript-eslint/eslint-plugin");
} catch {
  console.log("typescript-eslint's rules: not installed (bash bench/setup-ts.sh --peers); skipped");
}
if (tseslintPlugin) {
  configs.tseslint = normalized([
    {
      files: TS_GLOBS,
      plugins: { "@typescript-eslint": tseslintPlugin },
      languageOptions: { parser: tsParser, parserOptions: typedParserOptions },
      rules: { "@typescript-eslint/no-floating-promises": "error", "@typescript-eslint/no-misused-promises": "error" },
    },
  ]);
}

// Which files a tsconfig covers: a typed parse of each (the project service says "not found" for the others). Cached
// under .cache/bench/ts/ by the file list and the tsconfig files' contents (it takes as long as a typed lint).
const coverageKey = createHash("sha1")
  .update(corpus)
  .update(allFiles.map((f) => f.rel).join("\n"))
  .update(tsconfigTexts(corpus).join("\n"))
  .digest("hex")
  .slice(0, 16);
const coverageFile = path.join(PEERS, `coverage-${corpusName}-${coverageKey}.json`);
let uncovered;
if (existsSync(coverageFile)) {
  uncovered = JSON.parse(readFileSync(coverageFile, "utf8"));
} else {
  uncovered = [];
  tsParser.clearCaches();
  for (const f of allFiles) {
    const fatal = linter.verify(f.text, configs.coverage, { filename: f.file }).find((m) => m.fatal);
    if (fatal) uncovered.push({ rel: f.rel, reason: fatal.message.split("\n")[0] });
  }
  tsParser.clearCaches();
  mkdirSync(PEERS, { recursive: true });
  writeFileSync(coverageFile, JSON.stringify(uncovered));
}
const uncoveredSet = new Set(uncovered.map((u) => u.rel));
const files = allFiles.filter((f) => !uncoveredSet.has(f.rel));
const totalLines = files.reduce((sum, f) => sum + f.lines, 0);
const totalBytes = files.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0);

console.log(
  `corpus: ${corpusName}${corpusCommit ? ` @ ${corpusCommit}` : ""}  (${path.relative(ROOT, corpus) || corpus})${generatedTsconfig ? "  [generated tsconfig.json]" : ""}`,
);
console.log(`  ${files.length} files, ${totalLines} lines, ${(totalBytes / 1e6).toFixed(1)} MB linted`);
if (uncovered.length) {
  const reasons = [...new Set(uncovered.map((u) => u.reason.replace(/^.*?: /u, "").slice(0, 80)))];
  console.log(`  ${uncovered.length} files left out, no tsconfig covers them: ${pick(uncovered.map((u) => u.rel), 4).join(", ")}${uncovered.length > 4 ? ", …" : ""}`);
  if (reasons.length <= 2) for (const reason of reasons) console.log(`    (${reason})`);
}
const parts = new Map();
for (const f of files) {
  const top = f.rel.includes(path.sep) ? f.rel.split(path.sep)[0] : ".";
  const part = parts.get(top) ?? { files: 0, lines: 0 };
  part.files++;
  part.lines += f.lines;
  parts.set(top, part);
}
if (parts.size > 1) console.log(`  ${[...parts].map(([name, p]) => `${name} ${p.files} files/${p.lines} lines`).join(", ")}`);
console.log(
  `node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), eslint ${eslintVersion}, typescript-eslint ${tseslintVersion}, typescript ${tsVersion}; runs ${runs} after ${warmup} warm-up`,
);

// ---------------------------------------------------------------------------------------------------------------
// The in-process modes.

const parseOptions = (file) => ({
  ecmaVersion: "latest",
  sourceType: "module",
  ecmaFeatures: { jsx: true },
  loc: true,
  range: true,
  raw: true,
  tokens: true,
  comment: true,
  eslintVisitorKeys: true,
  eslintScopeManager: true,
  filePath: file,
});

const last = {};
function lintAll(name, config, code) {
  code?.clearModuleSummaries(); // each run pays for the module summaries, as one CLI run does
  if (name.startsWith("typed") || name === "tseslint") tsParser.clearCaches(); // and for the programs
  const results = new Map();
  for (const f of files) results.set(f.rel, linter.verify(f.text, config, { filename: f.file }));
  last[name] = results;
}
const phases = {
  parse() {
    for (const f of files) tsParser.parseForESLint(f.text, parseOptions(f.file));
  },
  eslint: () => lintAll("eslint", configs.eslint),
  untyped: () => lintAll("untyped", configs.untyped, ours),
  typed: () => lintAll("typed", configs.typed, ours),
};
if (configs.tseslint) phases.tseslint = () => lintAll("tseslint", configs.tseslint);
if (baseline) {
  phases["untyped@baseline"] = () => lintAll("untyped@baseline", configs["untyped@baseline"], baseline);
  phases["typed@baseline"] = () => lintAll("typed@baseline", configs["typed@baseline"], baseline);
}

// ---------------------------------------------------------------------------------------------------------------
// The CLI peers: Biome (nursery/noFloatingPromises + noMisusedPromises) and oxlint --type-aware (tsgolint).

const listFile = path.join(PEERS, "files.txt");
const cliPeers = {};
const biomeBin = path.join(PEERS, "node_modules", ".bin", "biome");
const oxlintBin = path.join(PEERS, "node_modules", ".bin", "oxlint");
const tsgolintBin = path.join(PEERS, "node_modules", ".bin", "tsgolint");
if (!only && !args["no-biome"]) {
  if (existsSync(biomeBin)) {
    // Biome's type inference (which noFloatingPromises needs) skips files under a `.cache` folder: lint a copy in the
    // system's temporary folder, with a configuration that turns on only the two rules.
    const copy = path.join(os.tmpdir(), "async-pitfalls-bench-ts", corpusName);
    rmSync(copy, { recursive: true, force: true });
    mkdirSync(copy, { recursive: true });
    cpSync(corpus, copy, { recursive: true, filter: (from) => path.basename(from) !== "node_modules" && path.basename(from) !== ".git" });
    writeFileSync(
      path.join(copy, "biome.json"),
      JSON.stringify({
        files: { ignoreUnknown: true },
        vcs: { enabled: false },
        formatter: { enabled: false },
        assist: { enabled: false },
        linter: { enabled: true, rules: { preset: "none", nursery: { noFloatingPromises: "error", noMisusedPromises: "error" } } },
      }),
    );
    const version = spawnSync(biomeBin, ["--version"], { encoding: "utf8" }).stdout.trim().replace(/^Version:\s*/u, "");
    cliPeers.biome = {
      label: `(e) Biome ${version} CLI (nursery noFloating/MisusedPromises)`,
      cwd: copy,
      command: [biomeBin, "lint", "--reporter=json", "--max-diagnostics=none", "--colors=off", ...files.map((f) => f.rel)],
    };
  } else {
    console.log("Biome: not installed (bash bench/setup-ts.sh --peers); skipped");
  }
}
if (!only && !args["no-oxlint"]) {
  if (existsSync(oxlintBin) && existsSync(tsgolintBin)) {
    const version = spawnSync(oxlintBin, ["--version"], { encoding: "utf8" }).stdout.trim().replace(/^Version:\s*/u, "");
    cliPeers.oxlint = {
      label: `(f) oxlint ${version} --type-aware CLI (tsgolint)`,
      cwd: corpus,
      env: { OXLINT_TSGOLINT_PATH: tsgolintBin },
      command: [
        oxlintBin,
        "--no-ignore",
        "--type-aware",
        "-A",
        "all",
        "-D",
        "typescript/no-floating-promises",
        "-D",
        "typescript/no-misused-promises",
        "-f",
        "json",
        ...files.map((f) => f.rel),
      ],
    };
  } else {
    console.log("oxlint: not installed (bash bench/setup-ts.sh --peers); skipped");
  }
}
const cliOutput = {};
for (const [name, peer] of Object.entries(cliPeers)) {
  phases[name] = () => {
    // `times` prints the shell's own user/system times, then its children's: the tool's (with all its threads).
    const quoted = peer.command.map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(" ");
    const outFile = path.join(PEERS, `${name}-out.json`);
    const child = spawnSync("bash", ["-c", `${quoted} > '${outFile}' 2>/dev/null; times`], {
      cwd: peer.cwd,
      encoding: "utf8",
      env: { ...process.env, ...peer.env },
      maxBuffer: 1 << 26,
    });
    const childTimes = child.stdout.trim().split("\n").at(-1).match(/(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/u);
    cliOutput[name] = { text: readFileSync(outFile, "utf8"), cpu: childTimes ? (Number(childTimes[1]) * 60 + Number(childTimes[2]) + Number(childTimes[3]) * 60 + Number(childTimes[4])) * 1000 : NaN };
  };
}
writeFileSync(listFile, files.map((f) => f.rel).join("\n"));

// ---------------------------------------------------------------------------------------------------------------
// Timing.

const phaseNames = only ? Object.keys(phases).filter((name) => name.split("@")[0] === only) : Object.keys(phases);
const samples = Object.fromEntries(phaseNames.map((name) => [name, { wall: [], cpu: [], gc: [] }]));

let gcTime = 0;
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcTime += entry.duration;
});
gcObserver.observe({ entryTypes: ["gc"] });
const flushGc = async () => {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  for (const entry of gcObserver.takeRecords()) gcTime += entry.duration;
};

// Between phases, nothing of the previous one stays alive: a typed run leaves >1 GB (programs, checker) in
// typescript-estree's project service and in the Linter's last SourceCode, which would make every garbage collection
// of the next phase slower. Released and collected outside the timed span.
v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc");
function settle() {
  tsParser.clearCaches();
  ours.clearModuleSummaries();
  baseline?.clearModuleSummaries();
  linter.verify("", configs.eslint, { filename: path.join(corpus, "settle.ts") }); // drops the last SourceCode
  collectGarbage();
}

async function timeOnce(name) {
  settle();
  await flushGc();
  const gc0 = gcTime;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  phases[name]();
  const wall = performance.now() - t0;
  const used = process.cpuUsage(cpu0);
  await flushGc();
  const cpu = cliPeers[name] ? cliOutput[name].cpu : (used.user + used.system) / 1000;
  return { wall, cpu, gc: cliPeers[name] ? undefined : gcTime - gc0 };
}

for (let run = 0; run < warmup + runs; run++) {
  for (const name of phaseNames) {
    if (!smoke) process.stdout.write(`  run ${run + 1}/${warmup + runs}${run < warmup ? " (warm-up)" : ""}: ${name}          \r`);
    const { wall, cpu, gc } = await timeOnce(name);
    if (run >= warmup) {
      samples[name].wall.push(wall);
      samples[name].cpu.push(cpu);
      if (gc !== undefined) samples[name].gc.push(gc);
    }
  }
}
if (!smoke) process.stdout.write(" ".repeat(60) + "\r");

const median = (values) => {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const timing = Object.fromEntries(
  phaseNames.map((name) => [
    name,
    { wall: median(samples[name].wall), cpu: median(samples[name].cpu), gc: median(samples[name].gc), runs: samples[name].wall.length },
  ]),
);

const fmt = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms < 100 ? 1 : 0)} ms`);
const labels = {
  parse: "(a) bare parse (parseForESLint, no project)",
  eslint: "    ESLint + parser, no rules",
  untyped: "(b) ours untyped (recommended, 6 rules)",
  typed: "(c) ours typed (recommendedTypeChecked)",
  tseslint: "(d) typescript-eslint typed (2 rules)",
  "untyped@baseline": "    ours untyped, baseline sources",
  "typed@baseline": "    ours typed, baseline sources",
  ...Object.fromEntries(Object.entries(cliPeers).map(([name, peer]) => [name, peer.label])),
};
console.log(`\n${"".padEnd(52)} ${"wall".padStart(9)} ${"cpu".padStart(9)} ${"gc".padStart(9)} ${"lines/s".padStart(10)}`);
for (const [name, t] of Object.entries(timing)) {
  const gc = t.gc === undefined ? "" : fmt(t.gc);
  console.log(
    `${labels[name].padEnd(52)} ${fmt(t.wall).padStart(9)} ${fmt(t.cpu).padStart(9)} ${gc.padStart(9)} ${Math.round(totalLines / (t.wall / 1000)).toLocaleString("en").padStart(10)}`,
  );
}
const ratios = [];
const ratio = (label, a, b, target) => {
  if (!timing[a] || !timing[b]) return;
  const wall = timing[a].wall / timing[b].wall;
  const cpu = timing[a].cpu / timing[b].cpu;
  const met = target ? (target.atLeast ? wall >= target.atLeast : wall <= target.atMost) : undefined;
  ratios.push({ label, a, b, wall, cpu, target, met });
  const goal = target ? `   (target ${target.atLeast ? `≥ ${target.atLeast}` : `≤ ${target.atMost}`}×: ${met ? "met" : "MISSED"})` : "";
  console.log(`${label.padEnd(52)} ${`${wall.toFixed(2)}×`.padStart(9)} ${`${cpu.toFixed(2)}×`.padStart(9)}${goal}`);
};
console.log("");
ratio("typescript-eslint typed / ours untyped", "tseslint", "untyped", { atLeast: 10 });
ratio("ours typed / typescript-eslint typed", "typed", "tseslint", { atMost: 1 });
ratio("ours untyped / bare parse", "untyped", "parse");
ratio("ours untyped / ESLint no rules", "untyped", "eslint");
ratio("ours typed / ours untyped", "typed", "untyped");
ratio("Biome / ours untyped", "biome", "untyped");
ratio("oxlint type-aware / ours typed", "oxlint", "typed");
ratio("ours untyped: current / baseline", "untyped", "untyped@baseline");
ratio("ours typed: current / baseline", "typed", "typed@baseline");

// --rule-times: one more pass of each ESLint mode with ESLint's own per-rule timing (`stats`), outside the timed runs.
if (args["rule-times"]) {
  console.log("\nESLint stats, one pass each (parse, each rule's listeners; the rest is ESLint's traversal and set-up):");
  for (const name of phaseNames.filter((n) => configs[n])) {
    ours.clearModuleSummaries();
    if (name.startsWith("typed") || name === "tseslint") tsParser.clearCaches();
    let parse = 0;
    let total = 0;
    const rules = new Map();
    for (const f of files) {
      linter.verifyAndFix(f.text, configs[name], { filename: f.file, stats: true, fix: false });
      for (const pass of linter.getTimes()?.passes ?? []) {
        parse += pass.parse?.total ?? 0;
        total += pass.total ?? 0;
        for (const [rule, t] of Object.entries(pass.rules ?? {})) rules.set(rule, (rules.get(rule) ?? 0) + t.total);
      }
    }
    const ranked = [...rules].sort((a, b) => b[1] - a[1]).filter(([, t]) => t >= 1);
    console.log(`  ${name}: total ${fmt(total)}, parse ${fmt(parse)}, rules ${fmt(ranked.reduce((sum, [, t]) => sum + t, 0))}`);
    for (const [rule, t] of ranked.slice(0, 8)) console.log(`    ${rule.padEnd(48)} ${fmt(t).padStart(9)}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Findings: floating promises (and misused ones) per tool, overlap by file:line, what untyped misses and why.

const report = {
  corpus: corpusName,
  commit: corpusCommit,
  files: files.length,
  lines: totalLines,
  uncovered: uncovered.map((u) => u.rel),
  runs,
  warmup,
  machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model.trim(), node: process.version },
  timing,
  ratios,
};

if (!only) {
  const textOf = new Map(files.map((f) => [f.rel, f.text]));
  const linesOf = new Map(files.map((f) => [f.rel, f.text.split("\n")]));
  const lineOf = (key) => {
    const at = key.lastIndexOf(":");
    return linesOf.get(key.slice(0, at))?.[Number(key.slice(at + 1)) - 1]?.trim().slice(0, 100) ?? "";
  };

  /** rule → Set of "file:line" */
  const byRule = (results, prefix = "") => {
    const map = new Map();
    let fatal = 0;
    for (const [rel, messages] of results ?? []) {
      for (const m of messages) {
        if (m.fatal) {
          fatal++;
          continue;
        }
        // Only the rules under comparison: not the corpus's own disable comments for rules not loaded here.
        if (!m.ruleId?.startsWith(prefix)) continue;
        const rule = m.ruleId.slice(prefix.length);
        if (!map.has(rule)) map.set(rule, new Set());
        map.get(rule).add(`${rel}:${m.line}`);
      }
    }
    map.fatal = fatal;
    return map;
  };
  const untyped = byRule(last.untyped, "async-pitfalls/");
  const typed = byRule(last.typed, "async-pitfalls/");
  const theirs = byRule(last.tseslint, "@typescript-eslint/");

  // CLI peers' findings, as file:line.
  const peerFindings = {};
  if (cliOutput.oxlint) {
    try {
      const out = JSON.parse(cliOutput.oxlint.text);
      const map = new Map();
      for (const d of out.diagnostics ?? []) {
        const rule = String(d.code).replace(/^typescript\((.*)\)$/u, "$1");
        const line = d.labels?.[0]?.span?.line;
        if (!map.has(rule)) map.set(rule, new Set());
        map.get(rule).add(`${d.filename}:${line}`);
      }
      peerFindings.oxlint = map;
    } catch (error) {
      console.log(`oxlint: unreadable output (${error.message})`);
    }
  }
  if (cliOutput.biome) {
    try {
      const out = JSON.parse(cliOutput.biome.text);
      const map = new Map();
      for (const d of out.diagnostics ?? []) {
        const rule = String(d.category ?? "").replace(/^lint\/nursery\//u, "").replace(/^noFloatingPromises$/u, "no-floating-promises").replace(/^noMisusedPromises$/u, "no-misused-promises");
        const file = d.location?.path?.file ?? d.location?.path;
        const rel = typeof file === "string" ? (path.isAbsolute(file) ? path.relative(path.join(os.tmpdir(), "async-pitfalls-bench-ts", corpusName), file) : file) : "?";
        let line = d.location?.start?.line ?? d.location?.span?.start?.line;
        const offset = Array.isArray(d.location?.span) ? d.location.span[0] : undefined;
        // Biome's lines are 1-based; older versions give only a span of offsets.
        if (line === undefined && offset !== undefined && textOf.has(rel)) line = textOf.get(rel).slice(0, offset).split("\n").length;
        if (!map.has(rule)) map.set(rule, new Set());
        map.get(rule).add(`${rel}:${line}`);
      }
      peerFindings.biome = map;
    } catch (error) {
      console.log(`Biome: unreadable output (${error.message})`);
    }
  }

  const counts = (map) => [...map].sort((a, b) => b[1].size - a[1].size).map(([key, set]) => `${key} ${set.size}`).join(", ") || "none";
  console.log(`\nfindings (distinct file:line)`);
  console.log(`  ours untyped: ${counts(untyped)}${untyped.fatal ? `  (${untyped.fatal} fatal)` : ""}`);
  console.log(`  ours typed:   ${counts(typed)}${typed.fatal ? `  (${typed.fatal} fatal)` : ""}`);
  if (last.tseslint) console.log(`  typescript-eslint: ${counts(theirs)}${theirs.fatal ? `  (${theirs.fatal} fatal)` : ""}`);
  for (const [name, map] of Object.entries(peerFindings)) console.log(`  ${name}: ${counts(map)}`);

  const FP = "no-floating-promise";
  const theirFloating = theirs.get("no-floating-promises") ?? new Set();
  const untypedFloating = untyped.get(FP) ?? new Set();
  const typedFloating = typed.get(FP) ?? new Set();
  const overlap = (a, b) => [...a].filter((key) => b.has(key));
  const pct = (n, d) => (d === 0 ? "—" : `${((100 * n) / d).toFixed(0)}%`);
  report.findings = { untyped: Object.fromEntries([...untyped].map(([k, v]) => [k, v.size])), typed: Object.fromEntries([...typed].map(([k, v]) => [k, v.size])), tseslint: Object.fromEntries([...theirs].map(([k, v]) => [k, v.size])) };
  for (const [name, map] of Object.entries(peerFindings)) report.findings[name] = Object.fromEntries([...map].map(([k, v]) => [k, v.size]));

  if (last.tseslint) {
    const untypedBoth = overlap(untypedFloating, theirFloating);
    const typedBoth = overlap(typedFloating, theirFloating);
    console.log(`\nfloating promises: typescript-eslint ${theirFloating.size} · ours untyped ${untypedFloating.size} · ours typed ${typedFloating.size}`);
    console.log(
      `  untyped ∩ typescript-eslint ${untypedBoth.length}: recall ${pct(untypedBoth.length, theirFloating.size)}, ` +
        `${untypedFloating.size - untypedBoth.length} untyped-only`,
    );
    console.log(
      `  typed ∩ typescript-eslint ${typedBoth.length}: recall ${pct(typedBoth.length, theirFloating.size)}, ${typedFloating.size - typedBoth.length} typed-only`,
    );
    for (const [name, map] of Object.entries(peerFindings)) {
      const set = map.get("no-floating-promises") ?? new Set();
      console.log(`  ${name} ${set.size}: ∩ typescript-eslint ${overlap(set, theirFloating).length}, ∩ ours untyped ${overlap(set, untypedFloating).length}`);
    }
    // Same intent as our catalogue: what typed mode (the checker) reports, how much of it untyped finds by names alone.
    const untypedOfTyped = overlap(untypedFloating, typedFloating).length;
    console.log(`  untyped ∩ ours typed ${untypedOfTyped} of ${typedFloating.size}${typedFloating.size ? ` (${Math.round((100 * untypedOfTyped) / typedFloating.size)}%)` : ""}`);
    report.floating = {
      untypedOfTyped,
      tseslint: theirFloating.size,
      untyped: untypedFloating.size,
      typed: typedFloating.size,
      untypedOverlap: untypedBoth.length,
      typedOverlap: typedBoth.length,
      untypedRecall: theirFloating.size ? untypedBoth.length / theirFloating.size : null,
      typedRecall: theirFloating.size ? typedBoth.length / theirFloating.size : null,
      untypedOnly: [...untypedFloating].filter((k) => !theirFloating.has(k)),
      typedOnly: [...typedFloating].filter((k) => !theirFloating.has(k)),
    };
    for (const [title, keys] of [
      ["ours untyped only", report.floating.untypedOnly],
      ["ours typed only", report.floating.typedOnly],
    ]) {
      if (keys.length === 0) continue;
      console.log(`  ${title}, e.g.:`);
      for (const key of pick(keys, 5)) console.log(`    ${key}  ${lineOf(key)}`);
    }

    // What untyped misses, and why (from the syntax around the statement typescript-eslint flags).
    const missed = [...theirFloating].filter((key) => !untypedFloating.has(key)).sort();
    const reasons = new Map();
    const explained = missed.map((key) => {
      const at = key.lastIndexOf(":");
      const rel = key.slice(0, at);
      const why = whyMissed(textOf.get(rel), path.join(corpus, rel), Number(key.slice(at + 1)));
      reasons.set(why.kind, (reasons.get(why.kind) ?? 0) + 1);
      return { key, ...why };
    });
    report.floating.missedByUntyped = explained;
    if (missed.length) {
      console.log(`\n  typescript-eslint findings untyped misses: ${missed.length} — ${[...reasons].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(", ")}`);
      for (const item of pickBy(explained, 10)) console.log(`    ${item.key}  ${lineOf(item.key)}\n        ↳ ${item.kind}: ${item.detail}`);
    }

    const misused = theirs.get("no-misused-promises") ?? new Set();
    const dangling = new Set([...(untyped.get("no-dangling-task") ?? []), ...(untyped.get(FP) ?? [])]);
    console.log(
      `\nmisused promises (typescript-eslint no-misused-promises) ${misused.size}: on a line ours untyped flags (no-dangling-task or no-floating-promise) ${overlap(misused, dangling).length}`,
    );
  }

  // --baseline: the two copies of our rules must find exactly the same things (a performance change keeps findings).
  for (const mode of ["untyped", "typed"]) {
    if (!last[`${mode}@baseline`]) continue;
    const keys = (results) => new Set([...results].flatMap(([rel, messages]) => messages.filter((m) => m.ruleId?.startsWith("async-pitfalls/")).map((m) => `${rel}:${m.line}:${m.column} ${m.ruleId}`)));
    const now = keys(last[mode]);
    const before = keys(last[`${mode}@baseline`]);
    const onlyNow = [...now].filter((k) => !before.has(k));
    const onlyBefore = [...before].filter((k) => !now.has(k));
    console.log(
      `\n${mode}, current vs baseline sources: ${onlyNow.length === 0 && onlyBefore.length === 0 ? `identical findings (${now.size})` : `DIFFERENT: ${onlyNow.length} only current, ${onlyBefore.length} only baseline`}`,
    );
    for (const key of [...onlyNow.slice(0, 5).map((k) => `+ ${k}`), ...onlyBefore.slice(0, 5).map((k) => `- ${k}`)]) console.log(`  ${key}`);
  }

  if (smoke && untyped.size === 0) {
    console.error("smoke: our lint found nothing on the fixtures");
    process.exit(1);
  }
}

if (args.json) writeFileSync(args.json, JSON.stringify(report, null, 2));

// ---------------------------------------------------------------------------------------------------------------
// Helpers.

/** The texts of the corpus's tsconfig*.json files (outside ignored folders), in path order. */
function tsconfigTexts(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory()) {
      if (!ignoredFolders.has(entry.name)) tsconfigTexts(path.join(dir, entry.name), out);
    } else if (/^tsconfig.*\.json$/u.test(entry.name)) {
      out.push(`${path.join(dir, entry.name)}\n${readFileSync(path.join(dir, entry.name), "utf8")}`);
    }
  }
  return out;
}

/** Up to `n` examples spread over the list (sorted by file), so one noisy file does not fill them all. */
function pick(keys, n) {
  const sorted = [...keys].sort();
  if (sorted.length <= n) return sorted;
  return Array.from({ length: n }, (_, i) => sorted[Math.floor((i * sorted.length) / n)]);
}

/** Up to `n` items, one of each kind first, then spread. */
function pickBy(items, n) {
  const chosen = [];
  const kinds = new Set();
  for (const item of items) if (!kinds.has(item.kind) && chosen.length < n) (kinds.add(item.kind), chosen.push(item));
  for (const item of pick(items.map((_, i) => i), n * 2).map((i) => items[i])) if (chosen.length < n && !chosen.includes(item)) chosen.push(item);
  return chosen.sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * Why an untyped lint cannot know that the statement on `line` is a promise: what the expression's callee is (an
 * import from a package or from a project module, a parameter, a method of an unknown receiver, …).
 */
function whyMissed(text, file, line) {
  let ast;
  try {
    ast = tsParser.parseForESLint(text, { ...parseOptions(file), filePath: file });
  } catch {
    return { kind: "unparsable", detail: "" };
  }
  const { ast: program, scopeManager, visitorKeys } = ast;
  // The outermost expression statement starting on the line, with parents.
  let statement = null;
  const parents = new Map();
  (function walk(node, parent) {
    if (!node || typeof node.type !== "string") return;
    parents.set(node, parent);
    if (!statement && node.type === "ExpressionStatement" && node.loc.start.line === line) statement = node;
    for (const key of visitorKeys[node.type] ?? []) {
      const child = node[key];
      if (Array.isArray(child)) for (const c of child) walk(c, node);
      else walk(child, node);
    }
  })(program, null);
  if (!statement) return { kind: "other", detail: "no expression statement starts on that line" };

  let expression = statement.expression;
  while (expression.type === "ChainExpression" || expression.type === "TSNonNullExpression" || expression.type === "TSAsExpression") expression = expression.expression;
  // `x.then(ok)`, `x.finally(f)`: judge the receiver.
  let chained = "";
  while (
    expression.type === "CallExpression" &&
    expression.callee.type === "MemberExpression" &&
    !expression.callee.computed &&
    ["then", "finally", "catch"].includes(expression.callee.property.name) &&
    expression.callee.object.type !== "ThisExpression"
  ) {
    chained = `.${expression.callee.property.name}(…) on `;
    expression = expression.callee.object;
    while (expression.type === "ChainExpression" || expression.type === "TSNonNullExpression") expression = expression.expression;
  }
  const source = (node) => text.slice(node.range[0], node.range[1]).replace(/\s+/gu, " ").slice(0, 60);

  const scopeOf = (node) => {
    for (let n = node; n; n = parents.get(n)) {
      const scope = scopeManager.acquire(n, true);
      if (scope) return scope;
    }
    return scopeManager.globalScope;
  };
  const resolve = (identifier) => {
    for (let scope = scopeOf(identifier); scope; scope = scope.upper) {
      const variable = scope.set.get(identifier.name);
      if (variable) return variable;
    }
    return null;
  };
  const describeBinding = (identifier) => {
    const variable = resolve(identifier);
    const def = variable?.defs[0];
    if (!def) return { kind: "global or undeclared name", detail: `\`${identifier.name}\`` };
    switch (def.type) {
      case "ImportBinding": {
        const from = def.parent.source.value;
        return from.startsWith(".")
          ? { kind: "imported from a project module", detail: `\`${identifier.name}\` from "${from}" (not an exported async function or Promise-annotated declaration there)` }
          : { kind: "imported from a package", detail: `\`${identifier.name}\` from "${from}" (its types are in the package)` };
      }
      case "Parameter":
        return { kind: "parameter", detail: `\`${identifier.name}\` is a parameter: its type is known only to the checker` };
      case "Variable": {
        const init = def.node.init;
        return {
          kind: "local variable",
          detail: `\`${identifier.name}\` = ${init ? source(init) : "(no initialiser)"}${def.node.id.typeAnnotation ? ` : ${source(def.node.id.typeAnnotation.typeAnnotation)}` : ""}`,
        };
      }
      case "FunctionName":
        return { kind: "same-file function", detail: `\`${identifier.name}\` is not async and declares no Promise return type (the promise comes from its body)` };
      case "ClassName":
        return { kind: "class", detail: `\`${identifier.name}\`` };
      default:
        return { kind: def.type, detail: `\`${identifier.name}\`` };
    }
  };

  let why;
  if (expression.type === "CallExpression" || expression.type === "NewExpression") {
    let callee = expression.callee;
    while (callee.type === "TSNonNullExpression" || callee.type === "ChainExpression") callee = callee.expression;
    if (callee.type === "Identifier") {
      why = describeBinding(callee);
    } else if (callee.type === "MemberExpression") {
      let root = callee.object;
      while (root.type === "MemberExpression" || root.type === "CallExpression" || root.type === "TSNonNullExpression" || root.type === "ChainExpression") {
        root = root.type === "MemberExpression" ? root.object : root.type === "CallExpression" ? root.callee : root.expression;
      }
      if (root.type === "ThisExpression") why = { kind: "method on this", detail: `\`${source(callee)}\`: a member not declared async/Promise in this class (inherited, or a property)` };
      else if (root.type === "Identifier") {
        const binding = describeBinding(root);
        why = { kind: `method of a ${binding.kind === "global or undeclared name" ? "global" : binding.kind}`, detail: `\`${source(callee)}(…)\`: receiver ${binding.detail}` };
      } else why = { kind: "method of an expression", detail: `\`${source(callee)}(…)\`` };
    } else {
      why = { kind: "call of an expression", detail: `\`${source(callee)}\`` };
    }
  } else if (expression.type === "Identifier") {
    why = describeBinding(expression);
    why = { kind: `promise in a ${why.kind}`, detail: why.detail };
  } else {
    why = { kind: `${expression.type}`, detail: `\`${source(expression)}\`` };
  }
  return { kind: why.kind, detail: `${chained}${why.detail}` };
}
