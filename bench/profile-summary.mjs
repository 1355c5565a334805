#!/usr/bin/env node
/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): the functions with the most self time, and the most
 * inclusive time (time with everything they call; a function that recurses is counted once per sample), as % of
 * all samples. Files are shown relative to the repository, `node_modules/` shortened.
 *
 *   node --cpu-prof --cpu-prof-dir=.cache/bench/prof bench/python.mjs --only lint --runs 2 --warmup 0
 *   node bench/profile-summary.mjs .cache/bench/prof/<file>.cpuprofile [--top 40] [--filter rules/python] [--under awaitableKindOfCall]
 *
 * --filter keeps the rows whose function/file contains the text; --under counts only samples taken while a function
 * whose name is that text was on the stack (where a hot function spends its time).
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: "string", default: "40" }, filter: { type: "string" }, under: { type: "string" } },
});
const top = Number(values.top);
const profile = JSON.parse(readFileSync(positionals[0], "utf8"));

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

const shorten = (url) =>
  url
    .replace(/^file:\/\//u, "")
    .replace(/^.*\/node_modules\//u, "~/")
    .replace(/^.*\/\.cache\/bench\/build\//u, "bundle:")
    .replace(/^\/work\/main\//u, "");
// A bench bundle (esbuild) marks where each source file starts with a `// path/to/file.ts` line: name that file.
const bundles = new Map();
function sourceIn(url, line) {
  if (!bundles.has(url)) {
    let markers = [];
    try {
      markers = readFileSync(new URL(url), "utf8")
        .split("\n")
        .flatMap((text, index) => (/^\/\/ \S+\.[cm]?ts$/u.test(text) ? [{ index, file: text.slice(3).replace(/^.*?(?=(rules|engine)\/)/u, "") }] : []));
    } catch {}
    bundles.set(url, markers);
  }
  return bundles.get(url).findLast((marker) => marker.index <= line)?.file;
}
const keyOf = (node) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const source = url.includes("/.cache/bench/build/") ? sourceIn(url, lineNumber) : undefined;
  const where = source ? `${source} (${shorten(url)}:${lineNumber + 1})` : url ? `${shorten(url)}:${lineNumber + 1}` : "";
  return `${functionName || "(anonymous)"}  ${where}`.trim();
};

// Sample counts per node, weighted by the time deltas.
const weight = new Map();
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i] ?? 0;
  weight.set(profile.samples[i], (weight.get(profile.samples[i]) ?? 0) + dt);
  total += dt;
}

const self = new Map();
const inclusive = new Map();
const isUnder = (id) => {
  for (let current = id; current !== undefined; current = parentOf.get(current)) if (byId.get(current).callFrame.functionName === values.under) return true;
  return false;
};
for (const [id, w] of weight) {
  if (values.under && !isUnder(id)) continue;
  const node = byId.get(id);
  const key = keyOf(node);
  self.set(key, (self.get(key) ?? 0) + w);
  const seen = new Set();
  for (let current = id; current !== undefined; current = parentOf.get(current)) {
    const k = keyOf(byId.get(current));
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + w);
  }
}

const show = (title, map) => {
  console.log(`\n${title} (of ${(total / 1e6).toFixed(2)} s sampled)`);
  const rows = [...map].filter(([key]) => !values.filter || key.includes(values.filter)).sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [key, w] of rows) console.log(`${((100 * w) / total).toFixed(1).padStart(5)}%  ${key}`);
};
show("self time", self);
show("inclusive time", inclusive);
