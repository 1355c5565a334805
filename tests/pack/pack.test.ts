/**
 * The published shape: `npm pack`, install the tarball into an empty project, and use it the three ways a user
 * would — the CLI, the language server, and the ESLint plugin from the user's own eslint.config.js.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const repo = path.resolve(import.meta.dirname, "../..");
let project = "";
let tarballFiles: string[] = [];

beforeAll(() => {
  const packDir = mkdtempSync(path.join(tmpdir(), "ap-pack-"));
  // The test script has just built dist/; --ignore-scripts skips prepack's second build.
  const packed = JSON.parse(
    execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", packDir], { cwd: repo, encoding: "utf8" }),
  ) as [{ filename: string; files: { path: string }[] }];
  tarballFiles = packed[0].files.map((file) => file.path);
  project = mkdtempSync(path.join(tmpdir(), "ap-user-"));
  writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "user-project", private: true, type: "module" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", path.join(packDir, packed[0].filename)], { cwd: project, stdio: "pipe" });
  writeFileSync(path.join(project, "app.py"), "import time\n\nasync def handler():\n    time.sleep(1)\n");
}, 240_000);

describe("the npm tarball", () => {
  it("holds the build, the grammar, the bins and the docs, and no sources or tests", () => {
    expect(tarballFiles).toContain("dist/rules/index.js");
    expect(tarballFiles).toContain("dist/rules/python/tree-sitter-python.wasm");
    expect(tarballFiles).toContain("bin/async-pitfalls.js");
    expect(tarballFiles).toContain("bin/async-pitfalls-lsp.js");
    expect(tarballFiles).toContain("docs/rules/no-blocking-sleep.md");
    expect(tarballFiles.filter((file) => /^(rules|cli|server|engine|tests|test-fixtures)\//u.test(file) || file.endsWith(".test.js"))).toEqual([]);
  });

  it("provides `npx async-pitfalls`", () => {
    const result = spawnSync("npx", ["--no-install", "async-pitfalls", "app.py"], { cwd: project, encoding: "utf8" });
    expect(result.stdout).toContain("async-pitfalls/no-blocking-sleep");
    expect(result.status).toBe(1);
  });

  it("provides `npx async-pitfalls-lsp` that answers initialize over stdio", async () => {
    const server = spawn("npx", ["--no-install", "async-pitfalls-lsp", "--stdio"], { cwd: project });
    const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } });
    server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const reply = await new Promise<string>((resolve, reject) => {
      let received = "";
      const timer = setTimeout(() => reject(new Error(`no initialize reply; got: ${received}`)), 30_000);
      server.stdout.on("data", (chunk: Buffer) => {
        received += chunk.toString("utf8");
        if (received.includes('"capabilities"')) {
          clearTimeout(timer);
          resolve(received);
        }
      });
    });
    server.kill();
    expect(reply).toContain('"id":1');
    expect(reply).toContain("textDocumentSync");
  });

  it("works as an ESLint plugin from the user's eslint.config.js", () => {
    writeFileSync(
      path.join(project, "eslint.config.js"),
      'import asyncPitfalls from "async-pitfalls";\nexport default [...asyncPitfalls.configs.recommended];\n',
    );
    const eslint = path.join(project, "node_modules", "eslint", "bin", "eslint.js");
    const result = spawnSync(process.execPath, [eslint, "--format", "json", "app.py"], { cwd: project, encoding: "utf8" });
    const [report] = JSON.parse(result.stdout) as [{ messages: { ruleId: string; line: number }[] }];
    expect(report.messages.map((message) => `${message.line}:${message.ruleId}`)).toEqual(["4:async-pitfalls/no-blocking-sleep"]);
  });
});
