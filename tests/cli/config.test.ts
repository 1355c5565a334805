/**
 * Layer 3: configuration files (`[tool.async-pitfalls]` in pyproject.toml, `async-pitfalls.json`) with the built
 * `async-pitfalls` command: severities, options, ignores, nearest-wins, discovery, and invalid files (exit 2 with
 * `async-pitfalls: <file>:<line>:<col>: <problem>`). Run after `npm run build` (the `test` script does it).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const bin = path.resolve(import.meta.dirname, "../../bin/async-pitfalls.js");

const SLEEPY = "import time\n\nasync def f():\n    time.sleep(1)\n";
const FAN_OUT_60 = "import asyncio\n\nasync def fetch(x):\n    await asyncio.sleep(x)\n\nasync def main():\n    await asyncio.gather(*[fetch(x) for x in range(60)])\n";

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; severity: number; line: number }[];
}

function cli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary git repository (so discovery stops at it) with these files. */
function project(files: Record<string, string>, options: { git?: boolean } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), "ap-config-"));
  if (options.git !== false) mkdirSync(path.join(dir, ".git"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** rule id → severity per file (paths relative to `dir`), from a JSON run. */
function findings(dir: string, args: string[] = ["."], cwd = dir): Record<string, string[]> {
  const { stdout, stderr, code } = cli(["--format", "json", ...args], cwd);
  if (code === 2) throw new Error(`exit 2: ${stderr}`);
  const results = JSON.parse(stdout) as JsonResult[];
  const out: Record<string, string[]> = {};
  for (const result of results) {
    const name = path.relative(dir, result.filePath).split(path.sep).join("/");
    out[name] = result.messages.map((message) => `${message.ruleId?.replace("async-pitfalls/", "")}:${message.severity === 2 ? "error" : "warn"}`);
  }
  return out;
}

describe("settings", () => {
  it("changes a rule's severity ([tool.async-pitfalls.rules] in pyproject.toml)", () => {
    const dir = project({
      "pyproject.toml": '[project]\nname = "demo"\n\n[tool.async-pitfalls.rules]\nno-blocking-sleep = "error"\n',
      "app.py": SLEEPY,
    });
    const { code, stdout } = cli([], dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(/4:5\s+error\s+'time\.sleep\(\)' blocks the event loop/u);
  });

  it("switches a rule off, with or without the async-pitfalls/ prefix (async-pitfalls.json)", () => {
    for (const id of ["no-blocking-sleep", "async-pitfalls/no-blocking-sleep"]) {
      const dir = project({ "async-pitfalls.json": JSON.stringify({ rules: { [id]: "off" } }), "app.py": SLEEPY });
      expect(cli([], dir)).toMatchObject({ code: 0, stdout: "" });
    }
  });

  it("passes rule options (maxKnownSize) to the rule", () => {
    const plain = project({ "app.py": FAN_OUT_60 });
    expect(findings(plain)["app.py"]).toEqual([]);
    const configured = project({
      "pyproject.toml": '[tool.async-pitfalls.rules]\nno-unbounded-fan-out = ["error", { maxKnownSize = 50 }]\n',
      "app.py": FAN_OUT_60,
    });
    expect(findings(configured)["app.py"]).toEqual(["no-unbounded-fan-out:error"]);
  });

  it("a severity alone keeps the rule's default options", () => {
    const dir = project({ "async-pitfalls.json": '{ "rules": { "no-unbounded-fan-out": "error" } }', "app.py": FAN_OUT_60 });
    expect(findings(dir)["app.py"]).toEqual([]);
  });

  it("ignores globs relative to the configuration's folder", () => {
    const dir = project({
      "pyproject.toml": '[tool.async-pitfalls]\nignores = ["migrations/**", "scripts/legacy_*.py"]\n',
      "app.py": SLEEPY,
      "migrations/0001_init.py": SLEEPY,
      "scripts/legacy_import.py": SLEEPY,
      "scripts/current.py": SLEEPY,
      "pkg/migrations/kept.py": SLEEPY,
    });
    expect(Object.keys(findings(dir)).sort()).toEqual(["app.py", "pkg/migrations/kept.py", "scripts/current.py"]);
  });

  it("an ignored file stays ignored when named on the command line", () => {
    const dir = project({ "async-pitfalls.json": '{ "ignores": ["generated/**"] }', "generated/out.py": SLEEPY });
    expect(cli(["generated/out.py"], dir)).toMatchObject({ code: 0, stdout: "" });
  });

  it("applies to TypeScript files too, and Python-only rules do not leak into them", () => {
    const dir = project({
      "async-pitfalls.json": '{ "rules": { "no-blocking-sleep": "error", "no-swallowed-cancellation": "error" } }',
      "app.ts": "export async function f() {\n  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);\n}\n",
    });
    expect(findings(dir)["app.ts"]).toEqual(["no-blocking-sleep:error"]);
  });

  it("the same settings across ESLint's worker threads", () => {
    const files: Record<string, string> = { "pyproject.toml": '[tool.async-pitfalls.rules]\nno-blocking-sleep = "error"\n' };
    for (let index = 0; index < 150; index++) files[`pkg/m${index}.py`] = SLEEPY;
    files["pkg/sub/async-pitfalls.json"] = '{ "rules": { "no-blocking-sleep": "off" } }';
    for (let index = 0; index < 20; index++) files[`pkg/sub/s${index}.py`] = SLEEPY;
    const found = findings(project(files));
    expect(Object.keys(found)).toHaveLength(170);
    for (const [file, messages] of Object.entries(found)) {
      expect(messages, file).toEqual(file.startsWith("pkg/sub/") ? [] : ["no-blocking-sleep:error"]);
    }
  });
});

describe("which configuration governs a file", () => {
  const nested = {
    "pyproject.toml": '[tool.async-pitfalls]\nignores = ["**/generated/**"]\n[tool.async-pitfalls.rules]\nno-blocking-sleep = "error"\n',
    "app.py": SLEEPY,
    "generated/skip.py": SLEEPY,
    "services/api/async-pitfalls.json": '{ "rules": { "require-timeout": "off" } }',
    "services/api/handler.py": SLEEPY,
    "services/api/generated/kept.py": SLEEPY,
    "services/worker/job.py": SLEEPY,
  };

  it("the nearest one, alone: a nested configuration replaces its parent's settings and ignores", () => {
    const dir = project(nested);
    expect(findings(dir)).toEqual({
      "app.py": ["no-blocking-sleep:error"],
      "services/api/handler.py": ["no-blocking-sleep:warn"],
      "services/api/generated/kept.py": ["no-blocking-sleep:warn"],
      "services/worker/job.py": ["no-blocking-sleep:error"],
    });
  });

  it("the same when linting a sub-folder, a single file, or from inside a sub-folder (configurations above are found)", () => {
    const dir = project(nested);
    expect(findings(dir, ["services/worker"])).toEqual({ "services/worker/job.py": ["no-blocking-sleep:error"] });
    expect(findings(dir, ["services/api/handler.py"])).toEqual({ "services/api/handler.py": ["no-blocking-sleep:warn"] });
    expect(findings(dir, ["."], path.join(dir, "services/worker"))).toEqual({ "services/worker/job.py": ["no-blocking-sleep:error"] });
    expect(findings(dir, ["services"])).toEqual({
      "services/api/handler.py": ["no-blocking-sleep:warn"],
      "services/api/generated/kept.py": ["no-blocking-sleep:warn"],
      "services/worker/job.py": ["no-blocking-sleep:error"],
    });
  });

  it("a pyproject.toml without [tool.async-pitfalls] is not a configuration: the parent's applies", () => {
    const dir = project({
      "async-pitfalls.json": '{ "rules": { "no-blocking-sleep": "error" } }',
      "lib/pyproject.toml": '[project]\nname = "lib"\n\n[tool.ruff]\nline-length = 100\n',
      "lib/mod.py": SLEEPY,
    });
    expect(findings(dir)).toEqual({ "lib/mod.py": ["no-blocking-sleep:error"] });
  });

  it("a pyproject.toml that does not parse and never mentions async-pitfalls is someone else's problem", () => {
    const dir = project({ "pyproject.toml": "[project\nname = 'x'\n", "app.py": SLEEPY });
    expect(findings(dir)).toEqual({ "app.py": ["no-blocking-sleep:warn"] });
  });

  it("async-pitfalls.json wins over pyproject.toml in the same folder", () => {
    const dir = project({
      "pyproject.toml": '[tool.async-pitfalls.rules]\nno-blocking-sleep = "off"\n',
      "async-pitfalls.json": '{ "rules": { "no-blocking-sleep": "error" } }',
      "app.py": SLEEPY,
    });
    expect(findings(dir)).toEqual({ "app.py": ["no-blocking-sleep:error"] });
  });

  it("discovery stops at the git root", () => {
    const outer = project({ "async-pitfalls.json": '{ "rules": { "no-blocking-sleep": "error" } }' }, { git: false });
    mkdirSync(path.join(outer, "repo/.git"), { recursive: true });
    writeFileSync(path.join(outer, "repo/app.py"), SLEEPY);
    expect(findings(path.join(outer, "repo"))).toEqual({ "app.py": ["no-blocking-sleep:warn"] });
    // Without a git root in between, the configuration above applies.
    const plain = project({ "async-pitfalls.json": '{ "rules": { "no-blocking-sleep": "error" } }', "repo/app.py": SLEEPY }, { git: false });
    expect(findings(path.join(plain, "repo"))).toEqual({ "app.py": ["no-blocking-sleep:error"] });
  });
});

describe("invalid configuration files: exit 2 and one line naming the file, line and column", () => {
  const cases: Array<[string, Record<string, string>, string]> = [
    [
      "TOML syntax",
      { "pyproject.toml": '[tool.async-pitfalls]\nignores = ["a"\n' },
      "async-pitfalls: pyproject.toml:3:1: invalid TOML: expected comma or end of structure",
    ],
    [
      "JSON syntax",
      { "async-pitfalls.json": '{\n  "rules": {\n    "no-blocking-sleep": "error",\n  }\n}\n' },
      "async-pitfalls: async-pitfalls.json:4:3: invalid JSON: trailing commas are not allowed in JSON",
    ],
    [
      "unknown key",
      { "pyproject.toml": '[tool.async-pitfalls]\nrule = { no-blocking-sleep = "error" }\n' },
      'async-pitfalls: pyproject.toml:2:1: unknown key "rule" (did you mean "rules"?); allowed keys are "ignores" and "rules"',
    ],
    [
      "unknown rule id",
      { "pyproject.toml": '[tool.async-pitfalls.rules]\nno-blocking-call = "error"\nno-blocking-slep = "error"\n' },
      'async-pitfalls: pyproject.toml:3:1: unknown rule "no-blocking-slep"; did you mean "no-blocking-sleep"? Known rules: ',
    ],
    [
      "rule of another plugin",
      { "async-pitfalls.json": '{ "rules": { "no-console": "off", "eslint/semi": "warn" } }' },
      'async-pitfalls: async-pitfalls.json:1:14: unknown rule "no-console"; known rules: ',
    ],
    [
      "bad severity",
      { "pyproject.toml": '[tool.async-pitfalls.rules]\nrequire-timeout = "warning"\n' },
      'async-pitfalls: pyproject.toml:2:1: rule "require-timeout": severity must be "off", "warn" or "error" (or 0, 1, 2), got "warning"',
    ],
    [
      "bad severity number",
      { "async-pitfalls.json": '{ "rules": { "require-timeout": [3] } }' },
      'async-pitfalls: async-pitfalls.json:1:14: rule "require-timeout": severity must be "off", "warn" or "error" (or 0, 1, 2), got 3',
    ],
    [
      "rules of the wrong type",
      { "async-pitfalls.json": '{ "rules": ["no-blocking-sleep"] }' },
      'async-pitfalls: async-pitfalls.json:1:3: "rules" must be an object of rule ids to severities, got an array',
    ],
    [
      "ignores of the wrong type",
      { "pyproject.toml": '[tool.async-pitfalls]\nignores = "migrations/**"\n' },
      'async-pitfalls: pyproject.toml:2:1: "ignores" must be an array of glob patterns such as ["migrations/**"], got the string "migrations/**"',
    ],
    [
      "a rule setting of the wrong type",
      { "pyproject.toml": '[tool.async-pitfalls]\nrules = { no-blocking-sleep = true }\n' },
      'async-pitfalls: pyproject.toml:2:11: rule "no-blocking-sleep": expected a severity ("off", "warn", "error") or [severity, { options }], got boolean true',
    ],
    [
      "an option of the wrong type (the rule's schema)",
      { "pyproject.toml": '[tool.async-pitfalls.rules]\nno-unbounded-fan-out = ["warn", { maxKnownSize = "fifty" }]\n' },
      'async-pitfalls: pyproject.toml:2:35: rule "no-unbounded-fan-out": option "maxKnownSize": value "fifty" should be integer',
    ],
    [
      "an unknown option (the rule's schema)",
      { "async-pitfalls.json": '{\n  "rules": {\n    "no-unbounded-fan-out": ["warn", { "maxSize": 5 }]\n  }\n}\n' },
      'async-pitfalls: async-pitfalls.json:3:40: rule "no-unbounded-fan-out": unknown option "maxSize"; allowed options: ',
    ],
    [
      "options for a rule that takes none",
      { "async-pitfalls.json": '{ "rules": { "no-blocking-sleep": ["error", { "seconds": 1 }] } }' },
      'async-pitfalls: async-pitfalls.json:1:45: rule "no-blocking-sleep" takes no options; write only a severity ("off", "warn" or "error")',
    ],
  ];

  it.each(cases)("%s", (_kind, files, expected) => {
    const dir = project({ ...files, "app.py": SLEEPY });
    const { code, stdout, stderr } = cli([], dir);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    if (expected.endsWith(": ")) expect(lines[0]!.startsWith(expected)).toBe(true);
    else expect(lines[0]).toBe(expected);
  });

  it("an invalid configuration in a sub-folder stops the run too, named relative to the working directory", () => {
    const dir = project({ "app.py": SLEEPY, "pkg/async-pitfalls.json": '{ "ignores": [""] }', "pkg/mod.py": SLEEPY });
    const { code, stderr } = cli([], dir);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe('async-pitfalls: pkg/async-pitfalls.json:1:15: "ignores" entries must be non-empty glob patterns, got the string "" at position 1');
  });
});
