/**
 * Layer 3: the built `async-pitfalls` command, spawned on real files in temporary folders.
 * Run after `npm run build` (the `test` script does it).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, copyFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const bin = path.resolve(import.meta.dirname, "../../bin/async-pitfalls.js");
const fixtures = path.resolve(import.meta.dirname, "../../test-fixtures");

const SLEEPY = "import time\n\nasync def f():\n    time.sleep(1)\n";

function cli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function project(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "ap-cli-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe("exit codes", () => {
  it("0 on clean code", () => {
    const dir = project({ "ok.py": "import asyncio\nasync def f():\n    await asyncio.sleep(1)\n" });
    const { code, stdout } = cli([], dir);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe("");
  });

  it("1 on findings, printed in ESLint's stylish format", () => {
    const dir = project({ "app.py": SLEEPY });
    const { code, stdout } = cli(["."], dir);
    expect(code).toBe(1);
    expect(stdout).toContain("app.py");
    expect(stdout).toMatch(/4:5\s+warning\s+'time\.sleep\(\)' blocks the event loop.*async-pitfalls\/no-blocking-sleep/u);
  });

  it("2 with a one-line message for a missing path", () => {
    const { code, stderr } = cli(["does-not-exist"], project({}));
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toEqual(["async-pitfalls: No such file or directory: does-not-exist"]);
  });

  it("2 for an unknown option or format", () => {
    expect(cli(["--frobnicate"], project({})).code).toBe(2);
    const bad = cli(["--format", "xml"], project({}));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Unknown format "xml"');
  });

  it("2 for an unreadable file, after linting the rest", () => {
    const dir = project({ "locked.py": SLEEPY, "app.py": SLEEPY });
    execFileSync("chmod", ["000", path.join(dir, "locked.py")]);
    const { code, stderr, stdout } = cli(["."], dir);
    // root can read anything; only check the message when the file really is unreadable
    if (process.getuid?.() !== 0) {
      expect(code).toBe(2);
      expect(stderr).toContain("locked.py: cannot be read");
    } else {
      expect(code).toBe(1);
    }
    expect(stdout).toContain("app.py");
  });

  it("--max-warnings allows that many warnings", () => {
    const dir = project({ "a.py": SLEEPY });
    expect(cli(["--max-warnings", "1"], dir).code).toBe(0);
    expect(cli(["--max-warnings", "0"], dir).code).toBe(1);
    expect(cli(["--max-warnings", "-1"], dir).code).toBe(2);
  });

  it("--quiet reports errors only", () => {
    const dir = project({ "a.py": SLEEPY });
    const { code, stdout } = cli(["--quiet"], dir);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe("");
  });
});

describe("which files", () => {
  it("honours .gitignore files (nested too) and skips dependency, virtualenv and build folders", () => {
    const dir = project({
      ".gitignore": "generated/\n*.gen.py\n",
      "app.py": SLEEPY,
      "generated/x.py": SLEEPY,
      "pkg/y.gen.py": SLEEPY,
      "pkg/.gitignore": "local_*.py\n",
      "pkg/local_z.py": SLEEPY,
      "pkg/kept.py": SLEEPY,
      "node_modules/lib/m.py": SLEEPY,
      ".venv/lib/site.py": SLEEPY,
      "build/out.py": SLEEPY,
      "notes.txt": "time.sleep(1)",
    });
    execFileSync("git", ["init", "-q"], { cwd: dir });
    const { stdout } = cli(["--format", "json"], dir);
    const linted = (JSON.parse(stdout) as { filePath: string }[]).map((result) => path.relative(dir, result.filePath)).sort();
    expect(linted).toEqual(["app.py", path.join("pkg", "kept.py")]);
  });

  it("lints every supported extension", () => {
    const names = ["a.py", "b.pyi", "c.ts", "d.tsx", "e.mts", "f.cts", "g.js", "h.jsx", "i.mjs", "j.cjs"];
    const dir = project(Object.fromEntries(names.map((name) => [name, name.endsWith("py") || name.endsWith("pyi") ? "x = 1\n" : "export const x = 1;\n"])));
    const { stdout, code } = cli(["--format", "json"], dir);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { filePath: string }[]).map((result) => path.basename(result.filePath)).sort()).toEqual(names);
  });

  it("reports and skips binary and non-UTF-8 files without crashing", () => {
    const dir = project({
      "binary.py": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]),
      "latin1.py": Buffer.from("# caf\xe9\nimport time\n", "latin1"),
      "app.py": SLEEPY,
    });
    const { code, stderr, stdout } = cli([], dir);
    expect(code).toBe(1);
    expect(stderr).toContain("binary.py: is binary");
    expect(stderr).toContain("latin1.py: is not valid UTF-8");
    expect(stdout).toContain("app.py");
  });

  it("reports a Python syntax error as a parsing error with its position", () => {
    const dir = project({ "broken.py": "def f(:\n    pass\n" });
    const { code, stdout } = cli([], dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(/1:7\s+error\s+Parsing error: missing '\)'/u);
  });
});

describe("formats", () => {
  it("json is exactly ESLint's JSON formatter output", () => {
    const dir = project({ "app.py": SLEEPY });
    const results = JSON.parse(cli(["--format", "json"], dir).stdout) as Array<Record<string, unknown>>;
    expect(results).toHaveLength(1);
    expect(Object.keys(results[0]!).sort()).toEqual(
      ["errorCount", "fatalErrorCount", "filePath", "fixableErrorCount", "fixableWarningCount", "messages", "source", "suppressedMessages", "usedDeprecatedRules", "warningCount"].sort(),
    );
    const [message] = results[0]!["messages"] as Array<Record<string, unknown>>;
    expect(message).toMatchObject({ ruleId: "async-pitfalls/no-blocking-sleep", severity: 1, line: 4, column: 5, endLine: 4, endColumn: 18 });
  });

  it("sarif is SARIF 2.1.0 with rule metadata, relative locations and fixes", () => {
    const dir = project({ "src/app.py": SLEEPY });
    const { stdout, code } = cli(["--format", "sarif"], dir);
    expect(code).toBe(1);
    const sarif = JSON.parse(stdout);
    expect(sarif.version).toBe("2.1.0");
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toContain("async-pitfalls/no-blocking-sleep");
    const [result] = run.results;
    expect(result.ruleId).toBe("async-pitfalls/no-blocking-sleep");
    expect(result.level).toBe("warning");
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe("src/app.py");
    expect(result.locations[0].physicalLocation.region).toEqual({ startLine: 4, startColumn: 5, endLine: 4, endColumn: 18 });
    expect(result.fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toContain("await asyncio.sleep(1)");
  });
});

describe("--fix", () => {
  it("rewrites the files and leaves Python that compiles", () => {
    const dir = project({ "app.py": SLEEPY + "\nasync def g():\n    time.sleep(2)\n" });
    const { code } = cli(["--fix"], dir);
    expect(code).toBe(0);
    const fixed = readFileSync(path.join(dir, "app.py"), "utf8");
    expect(fixed).toBe("import asyncio\nimport time\n\nasync def f():\n    await asyncio.sleep(1)\n\nasync def g():\n    await asyncio.sleep(2)\n");
    execFileSync("python3", ["-m", "py_compile", path.join(dir, "app.py")]);
  });

  it("every Python fixture still compiles after --fix", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ap-fix-"));
    const copy = (from: string, to: string) => {
      mkdirSync(to, { recursive: true });
      for (const entry of readdirSync(from, { withFileTypes: true })) {
        if (entry.isDirectory()) copy(path.join(from, entry.name), path.join(to, entry.name));
        else if (entry.name.endsWith(".py")) copyFileSync(path.join(from, entry.name), path.join(to, entry.name));
      }
    };
    copy(path.join(fixtures, "python"), dir);
    cli(["--fix", "."], dir);
    const compiled = spawnSync("python3", ["-m", "compileall", "-q", dir], { encoding: "utf8" });
    expect(compiled.stdout + compiled.stderr).toBe("");
    expect(compiled.status).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("rule selection and information", () => {
  it("--rule runs only the named rules and rejects unknown ones", () => {
    const dir = project({ "app.py": SLEEPY });
    expect(cli(["--rule", "no-blocking-sleep"], dir).code).toBe(1);
    expect(cli(["--rule", "require-timeout"], dir).code).toBe(0);
    const unknown = cli(["--rule", "no-such-rule"], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown rule "no-such-rule"');
  });

  it("--list-rules shows languages and fix kind", () => {
    const { code, stdout } = cli(["--list-rules"], project({}));
    expect(code).toBe(0);
    expect(stdout).toMatch(/no-blocking-sleep\s+python, typescript\s+autofix/u);
  });

  it("--explain prints the rule's documentation", () => {
    const { code, stdout } = cli(["--explain", "no-blocking-sleep"], project({}));
    expect(code).toBe(0);
    expect(stdout).toContain("# no-blocking-sleep");
    expect(stdout).toContain("## Why it matters");
  });

  it("stylish output ends with a per-rule summary", () => {
    const { stdout } = cli([], project({ "a.py": SLEEPY, "b.py": SLEEPY }));
    expect(stdout.trimEnd().split("\n").at(-1)!.trim()).toBe("By rule: no-blocking-sleep 2");
  });

  it("--format github prints workflow annotations with relative paths", () => {
    const { stdout, code } = cli(["--format", "github"], project({ "src/app.py": SLEEPY }));
    expect(code).toBe(1);
    expect(stdout.trim()).toBe(
      "::warning file=src/app.py,line=4,col=5,endLine=4,endColumn=18,title=async-pitfalls/no-blocking-sleep::'time.sleep()' blocks the event loop inside 'async def'; use 'await asyncio.sleep()'.",
    );
  });

  it("lints many files across worker threads with the same results", () => {
    const files = Object.fromEntries(Array.from({ length: 150 }, (_, index) => [`pkg/m${index}.py`, SLEEPY]));
    const { stdout, code } = cli(["--format", "json"], project(files));
    expect(code).toBe(1);
    const results = JSON.parse(stdout) as { warningCount: number }[];
    expect(results).toHaveLength(150);
    expect(results.every((result) => result.warningCount === 1)).toBe(true);
  });
});

describe("type information", () => {
  const files = {
    "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, target: "es2022", module: "nodenext" }, include: ["src"] }),
    "src/client.ts": "export interface Store { save(value: string): Promise<void>; }\nexport function makeStore(): Store { return { save: async () => {} }; }\n",
    // Only the checker knows `store.save` returns a promise: the method of an interface, through a factory.
    "src/app.ts": 'import { makeStore } from "./client.js";\nexport function handle(value: string): void {\n  const store = makeStore();\n  store.save(value);\n}\n',
    // Outside the tsconfig's `include`, and a JS file: linted untyped, not a parsing error.
    "scripts/tool.ts": "async function main(): Promise<void> {}\nmain();\n",
    "src/loose.js": "async function f() {}\nf();\n",
  };
  const findings = (stdout: string) =>
    (JSON.parse(stdout) as { filePath: string; messages: { line: number; ruleId: string | null; fatal?: boolean }[] }[])
      .flatMap((result) => result.messages.map((m) => `${path.basename(result.filePath)}:${m.line} ${m.ruleId ?? "fatal"}`))
      .sort();

  it("is used where a tsconfig.json includes the file, and other files are linted untyped", () => {
    const { code, stdout, stderr } = cli(["--format", "json"], project(files));
    expect(stderr).toBe("");
    expect(code).toBe(1);
    expect(findings(stdout)).toEqual([
      "app.ts:4 async-pitfalls/no-floating-promise",
      "loose.js:2 async-pitfalls/no-floating-promise",
      "tool.ts:2 async-pitfalls/no-floating-promise",
    ]);
  });

  it("is skipped with --untyped, and without any tsconfig.json", () => {
    const untyped = ["loose.js:2 async-pitfalls/no-floating-promise", "tool.ts:2 async-pitfalls/no-floating-promise"];
    expect(findings(cli(["--format", "json", "--untyped"], project(files)).stdout)).toEqual(untyped);
    const { "tsconfig.json": _tsconfig, ...noTsconfig } = files;
    expect(findings(cli(["--format", "json"], project(noTsconfig)).stdout)).toEqual(untyped);
  });
});

describe("directives written for other tools", () => {
  const foreign = {
    "a.ts": "// eslint-disable-next-line @typescript-eslint/no-explicit-any\nexport const x: any = 1;\n/* eslint-disable no-console */\nconsole.log(x);\n",
    "b.py": "# eslint-disable-next-line flake8-bugbear/b001\nx = 1  # noqa: E501\n",
  };

  it("are neither errors nor unused directives, and --fix leaves them alone", () => {
    const dir = project(foreign);
    const { code, stdout } = cli(["--format", "json"], dir);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { messages: unknown[]; errorCount: number }[]).every((r) => r.messages.length === 0 && r.errorCount === 0)).toBe(true);
    expect(cli(["--fix"], dir).code).toBe(0);
    for (const [name, text] of Object.entries(foreign)) expect(readFileSync(path.join(dir, name), "utf8")).toBe(text);
  });

  it("an unused directive for one of our rules is still reported", () => {
    const dir = project({ "c.ts": "// eslint-disable-next-line async-pitfalls/no-blocking-call\nexport const y = 1;\n" });
    const { code, stdout } = cli([], dir);
    expect(code).toBe(1);
    expect(stdout).toContain("Unused eslint-disable directive (no problems were reported from 'async-pitfalls/no-blocking-call')");
  });
});
