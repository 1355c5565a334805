#!/usr/bin/env node
/**
 * Checks that a change to rules/python/parser.ts keeps its output: the current parsePython against a reference copy
 * of the sources (default: the committed HEAD, unpacked into .cache/bench/src-head), node by node — type, range,
 * loc, field, isAsync, op, children — plus comments and the syntax problem, on every file of a corpus and on edge
 * cases (line endings, non-BMP text, syntax errors, deep nesting).
 *
 *   node bench/parser-equivalence.mjs [--corpus <dir>] [--reference <dir>]
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";

const ROOT = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const CACHE = path.join(ROOT, ".cache", "bench");
const { values: args } = parseArgs({ options: { corpus: { type: "string" }, reference: { type: "string" } } });
const corpus = path.resolve(args.corpus ?? path.join(CACHE, "corpus"));
let reference = args.reference && path.resolve(args.reference);
if (!reference) {
  // Unpacked afresh each run: a copy left from an older HEAD would compare against the wrong sources.
  reference = path.join(CACHE, "src-head");
  rmSync(reference, { recursive: true, force: true });
  mkdirSync(reference, { recursive: true });
  const archive = execFileSync("git", ["archive", "HEAD", "rules", "engine"], { cwd: ROOT, maxBuffer: 1 << 28 });
  execFileSync("tar", ["-x", "-C", reference], { input: archive });
}

async function load(srcRoot, name) {
  const outfile = path.join(CACHE, "build", `parser-${name}.mjs`);
  await build({
    entryPoints: [path.join(srcRoot, "rules/python/parser.ts")],
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
const before = await load(reference, "reference");
const after = await load(ROOT, "current");

const plainLoc = (loc) => ({ start: { ...loc.start }, end: { ...loc.end } });
function* flatten(root) {
  const stack = [root];
  while (stack.length) {
    const node = stack.pop();
    yield {
      type: node.type,
      range: [...node.range],
      loc: plainLoc(node.loc),
      field: node.field,
      isAsync: node.isAsync ?? null,
      op: node.op ?? null,
      children: node.children.length,
      parent: node.parent ? node.parent.range.join("-") + node.parent.type : null,
    };
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
}

let compared = 0;
let nodes = 0;
const failures = [];
function compare(name, text) {
  compared++;
  const a = before.parsePython(text);
  const b = after.parsePython(text);
  const left = [...flatten(a.root)];
  const right = [...flatten(b.root)];
  nodes += left.length;
  const problem = (what, x, y) => failures.push(`${name}: ${what}\n    reference: ${JSON.stringify(x)}\n    current:   ${JSON.stringify(y)}`);
  if (left.length !== right.length) return problem("node count", left.length, right.length);
  for (let i = 0; i < left.length; i++) {
    if (JSON.stringify(left[i]) !== JSON.stringify(right[i])) return problem(`node ${i}`, left[i], right[i]);
  }
  const comments = (parsed) => parsed.comments.map((c) => ({ type: c.type, value: c.value, range: c.range, loc: plainLoc(c.loc) }));
  if (JSON.stringify(comments(a)) !== JSON.stringify(comments(b))) return problem("comments", comments(a), comments(b));
  if (JSON.stringify(a.syntaxProblem) !== JSON.stringify(b.syntaxProblem)) return problem("syntax problem", a.syntaxProblem, b.syntaxProblem);
}

const edgeCases = {
  crlf: "import time\r\nasync def f():\r\n    time.sleep(1)  # c\r\n",
  lone_cr: "import time\rasync def f():\r    x = a + b  # c\r    time.sleep(1)\r",
  mixed: "a = 1\r\nb = 2\rc = 3\nd = 'x\\\r\ny'\n",
  non_bmp: "import time\nasync def f():\n    '𝒳é'; time.sleep(1)  # 𝒳 comment\n    s = '日本語' + b\n",
  bom: "\uFEFFimport time\nx = -1\n",
  syntax_error: "import time\ndef broken(:\n    pass\n",
  missing: "def f(:\n    return (1\n",
  operators: "x += 1\ny = a and not b or c\nz = -a ** ~b // c @ d\nw = a if b else c\nv = a < b <= c is not d not in e\n",
  async_forms: "async def f():\n    async for x in y:\n        async with z as w:\n            pass\n    return [a async for a in b]\n",
  empty: "",
  deep: `x = ${"(".repeat(3000)}1${")".repeat(3000)}\n`,
  garbage: Array.from({ length: 2000 }, (_, index) => String.fromCharCode((index * 7919) % 0xd7ff)).join(""),
};
for (const [name, text] of Object.entries(edgeCases)) compare(`edge case ${name}`, text);

function walkDir(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walkDir(full);
    else if (/\.pyi?$/u.test(entry.name)) compare(path.relative(corpus, full), readFileSync(full, "utf8"));
  }
}
if (existsSync(corpus)) walkDir(corpus);
for (const dir of [path.join(ROOT, "test-fixtures", "python")]) walkDir(dir);

console.log(`${compared} texts, ${nodes} nodes compared against ${path.relative(ROOT, reference)}: ${failures.length} differ`);
for (const failure of failures.slice(0, 10)) console.log(failure);
process.exit(failures.length ? 1 : 0);
