/**
 * The server as the VS Code extension ships it: the single-file bundle (scripts/bundle.mjs) with the wasm files and
 * TypeScript's default libraries beside it. What only the bundle can get wrong: finding those files, and running
 * the typed linter's worker thread from the same file.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileUri, LspClient, makeWorkspace, repoRoot } from "./harness.js";

let outDir: string;

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), "ap-bundle-"));
  const { bundle } = (await import(path.join(repoRoot, "scripts/bundle.mjs"))) as { bundle: (dir: string) => Promise<void> };
  await bundle(outDir);
}, 240_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

it("lints Python and, with typescript.typed, TypeScript with type information", async () => {
  const dir = makeWorkspace("ap-bundle-ws-");
  mkdirSync(path.join(dir, "src"));
  writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, module: "nodenext", noEmit: true }, include: ["src"] }));
  writeFileSync(path.join(dir, "src", "repo.ts"), "export class Repo {\n  save(): Promise<void> {\n    return Promise.resolve();\n  }\n}\n");
  const main = 'import { Repo } from "./repo.js";\n\nexport function main(repo: Repo): void {\n  repo.save();\n}\n';
  // On disk too: the TypeScript project (tsconfig `include`) is made of the files on disk.
  writeFileSync(path.join(dir, "src", "main.ts"), main);
  const client = await LspClient.start({ cwd: dir, script: path.join(outDir, "server.mjs") });
  await client.initialize({ rootPath: dir, initializationOptions: { asyncPitfalls: { typescript: { typed: true } } } });

  const py = fileUri(dir, "app.py");
  await client.open(py, "python", "import time\n\nasync def handler():\n    time.sleep(1)\n", 1);
  expect((await client.diagnosticsAt(py, 1)).diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["no-blocking-sleep"]);

  const ts = fileUri(dir, "src", "main.ts");
  await client.open(ts, "typescript", main, 1);
  const typed = await client.diagnostics(ts, (params) => params.diagnostics.length > 0, { timeoutMs: 90_000 });
  expect(typed.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["no-floating-promise"]);
  expect(client.logs.filter((log) => log.type === 1)).toEqual([]);
  expect(await client.stop()).toBe(0);
}, 120_000);
