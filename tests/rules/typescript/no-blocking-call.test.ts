import rule from "../../../rules/typescript/no-blocking-call.js";
import { commonJs, lines, typescriptRuleTester } from "./rule-tester.js";
import { typedRuleTester } from "./typed-rule-tester.js";

const FS_ADVICE = "use the 'fs/promises' API and await it";

typescriptRuleTester().run("no-blocking-call", rule, {
  valid: [
    {
      name: "module top level and sync functions",
      code: lines(
        'import { readFileSync } from "node:fs";',
        'import { execSync } from "node:child_process";',
        'const config = JSON.parse(readFileSync("config.json", "utf8"));',
        'function version() { return execSync("git describe").toString(); }',
        "export { config, version };",
      ),
    },
    {
      name: "nested sync function and non-async arrow inside an async function (may run in a worker or later)",
      code: lines(
        'import * as fs from "fs";',
        "async function run(pool, paths: string[]) {",
        "  function load(p: string) { return fs.readFileSync(p); }",
        "  await pool.exec(() => fs.writeFileSync('out', 'x'));",
        "  return paths.map(load);",
        "}",
      ),
    },
    {
      name: "the async APIs themselves",
      code: lines(
        'import { readFile } from "node:fs/promises";',
        'import fs from "node:fs";',
        'import { promisify } from "node:util";',
        'import { pbkdf2, randomBytes } from "node:crypto";',
        "async function f(p: string) {",
        "  await readFile(p);",
        "  await fs.promises.stat(p);",
        "  fs.readFile(p, () => {});",
        "  await promisify(pbkdf2)(p, 'salt', 1, 32, 'sha256');",
        "  randomBytes(16);",
        "}",
      ),
    },
    {
      name: "functions named like sync APIs that do not come from node modules",
      code: lines(
        'import { readFileSync } from "./vfs";',
        "const memfs = { existsSync: (p: string) => p.length > 0 };",
        "async function f(p: string, fs: { statSync(p: string): void }) {",
        "  readFileSync(p);",
        "  memfs.existsSync(p);",
        "  fs.statSync(p);",
        "  globalThis.readFileSync(p);",
        "}",
      ),
    },
    {
      name: "a local binding shadows the import",
      code: lines(
        'import { readFileSync } from "fs";',
        "async function f(p: string) {",
        "  const readFileSync = (q: string) => q;",
        "  return readFileSync(p);",
        "}",
      ),
    },
    {
      name: "reassigned and type-only bindings are not followed",
      code: lines(
        'import type * as fsTypes from "fs";',
        'import * as realFs from "fs";',
        "let fs = realFs;",
        "fs = { ...realFs, readFileSync: () => '' } as typeof realFs;",
        "async function f(p: string) { fs.readFileSync(p); fsTypes.readFileSync(p); }",
      ),
    },
    {
      name: "sleep commands are no-blocking-sleep's finding, not reported twice",
      code: lines(
        'import { execSync, spawnSync } from "child_process";',
        'async function f() { execSync("sleep 1"); spawnSync("sleep", ["2"]); }',
      ),
    },
    {
      name: "metadata calls (existsSync, statSync, mkdirSync, unlinkSync, renameSync) are not reported by default (option checkMetadataCalls)",
      code: lines(
        'import { existsSync, mkdirSync, renameSync, statSync, unlinkSync } from "node:fs";',
        "async function load(dir: string, out: string) {",
        "  if (!existsSync(dir)) throw new Error(`missing ${dir}`);",
        "  mkdirSync(out, { recursive: true });",
        "  if (statSync(dir).isFile()) renameSync(dir, `${dir}.old`);",
        "  unlinkSync(`${out}/lock`);",
        "  return import(dir);",
        "}",
      ),
    },
    {
      name: "test files and test directories are not reported (option checkTestFiles)",
      filename: "src/store.test.ts",
      code: lines(
        'import { mkdtempSync, writeFileSync } from "node:fs";',
        'it("saves", async () => {',
        '  const dir = mkdtempSync("/tmp/x");',
        '  writeFileSync(`${dir}/a.json`, "{}");',
        "  await save(dir);",
        "});",
      ),
    },
    {
      name: "a helper under a test directory is test code",
      filename: "test/integration/harness.ts",
      code: lines('import { readFileSync } from "node:fs";', "export async function fixture(name: string) { return readFileSync(name, 'utf8'); }"),
    },
    {
      name: "test-support code by name: a testkit package, a test-utils module",
      filename: "packages/adapters/postgres-testkit/src/index.ts",
      code: lines('import { readFileSync } from "node:fs";', "export async function expected(name: string) { return readFileSync(name, 'utf8'); }"),
    },
    {
      name: "test-support code by name: a *-testkit file",
      filename: "tooling/shell-testkit.ts",
      code: lines('import { readFileSync } from "node:fs";', "export async function expected(name: string) { return readFileSync(name, 'utf8'); }"),
    },
    {
      name: "a type test never runs",
      filename: "types/index.test-d.ts",
      code: lines('import { readFileSync } from "node:fs";', "(async () => { readFileSync('x'); })();"),
    },
    {
      name: "one-shot programs: a scripts directory (option checkScripts)",
      filename: "scripts/release.ts",
      code: lines('import { writeFileSync } from "node:fs";', "async function main() { writeFileSync('out.json', await build()); }"),
    },
    {
      name: "one-shot programs: a benchmark directory",
      filename: "benchmarks/http/run.mts",
      code: lines('import { rmSync } from "node:fs";', "export async function run() { await bench(); rmSync('tmp', { recursive: true }); }"),
    },
    {
      name: "one-shot programs: an executable with a #! line",
      code: lines("#!/usr/bin/env node", 'import { readFileSync } from "node:fs";', "async function main() { console.log(readFileSync(0, 'utf8')); }"),
    },
    {
      name: "one-shot programs: a module that parses command-line arguments",
      code: lines(
        'import { Command } from "commander";',
        'import { writeFileSync } from "node:fs";',
        "export const generate = new Command('generate').action(async (out: string) => { writeFileSync(out, await render()); });",
      ),
    },
    {
      name: "one-shot programs: parseArgs from node:util",
      code: lines(
        'const { parseArgs } = require("node:util");',
        'const fs = require("node:fs");',
        "async function main() { const { values } = parseArgs({ options: {} }); fs.writeFileSync('x', JSON.stringify(values)); }",
      ),
    },
    {
      name: "one-shot programs: build-time code that imports a build tool, even only its config type",
      filename: "packages/config/tsdown/shell-build.ts",
      code: lines(
        'import { rmSync, writeFileSync } from "node:fs";',
        'import type { UserConfig } from "tsdown";',
        "export async function shells(): Promise<UserConfig[]> { rmSync('gen', { recursive: true }); writeFileSync('gen/a.ts', ''); return []; }",
      ),
    },
    {
      name: "one-shot programs: a module serving a bin/ entry point (imports its options type)",
      filename: "packages/docgen/src/index.ts",
      code: lines(
        'import { readFileSync } from "node:fs";',
        'import type { CLIOptions } from "../bin/index.js";',
        "export async function build({ input }: CLIOptions) { return JSON.parse(readFileSync(input, 'utf8')); }",
      ),
    },
    {
      name: "allow option: qualified names, with or without node:",
      options: [{ allow: ["fs.existsSync", "node:child_process.execSync"] }],
      code: lines(
        'import { existsSync } from "node:fs";',
        'import cp from "child_process";',
        'async function f(p: string) { if (existsSync(p)) cp.execSync("make"); }',
      ),
    },
    {
      name: "class field initialisers and static blocks are not the async function's body",
      code: lines(
        'import { readFileSync } from "fs";',
        "async function f() {",
        "  class Config {",
        '    static defaults = readFileSync("defaults.json");',
        '    static { readFileSync("x"); }',
        "  }",
        "  return Config;",
        "}",
      ),
    },
    {
      name: "CommonJS: sync code at the top and in sync functions",
      ...commonJs,
      code: lines(
        '"use strict";',
        'const fs = require("fs");',
        'const zlib = require("node:zlib");',
        'const data = fs.readFileSync("data.gz");',
        "function unpack() { return zlib.gunzipSync(data); }",
        "module.exports = { unpack };",
      ),
    },
  ],
  invalid: [
    // ---------------------------------------------------------------- file roles
    {
      name: "checkTestFiles: test files are reported too",
      filename: "src/store.test.ts",
      options: [{ checkTestFiles: true }],
      code: lines('import { spawnSync } from "node:child_process";', 'it("builds", async () => { spawnSync("make"); });'),
      errors: [{ messageId: "blockingCall", line: 2, suggestions: [] }],
    },
    {
      name: "checkScripts: one-shot programs are reported too",
      filename: "scripts/release.ts",
      options: [{ checkScripts: true }],
      code: lines('import { spawnSync } from "node:child_process";', "async function main() { spawnSync('make'); }"),
      errors: [{ messageId: "blockingCall", line: 2, suggestions: [] }],
    },
    {
      name: "a relative import outside a bin/ directory, and a package merely named like a build tool's subpath, do not make a script",
      filename: "src/server/load.ts",
      code: lines(
        'import { spawnSync } from "node:child_process";',
        'import type { Options } from "../binary/options.js";',
        'import { transform } from "vite-plugin-x";',
        "export async function load(o: Options) { return transform(spawnSync(o.command)); }",
      ),
      errors: [{ messageId: "blockingCall", line: 4, suggestions: [] }],
    },
    {
      name: "a test-like word in a file's own name is not a test file; promisify from util is no argument parser",
      filename: "src/testing-server.ts",
      code: lines(
        'import { promisify } from "node:util";',
        'import { spawnSync } from "node:child_process";',
        "export const handler = promisify(setTimeout) && (async (page: string) => spawnSync('render', [page]));",
      ),
      errors: [{ messageId: "blockingCall", line: 3, suggestions: [] }],
    },
    // ---------------------------------------------------------------- fs
    {
      name: "named import: suggestion adds an fs/promises import and awaits",
      code: lines(
        'import { readFileSync } from "node:fs";',
        "export async function load(path: string) {",
        '  const text = readFileSync(path, "utf8");',
        "  return JSON.parse(text);",
        "}",
      ),
      errors: [
        {
          messageId: "blockingCall",
          data: { name: "readFileSync", advice: FS_ADVICE },
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 42,
          suggestions: [
            {
              messageId: "useAsyncVariant",
              data: { replacement: "await readFile(…)" },
              output: lines(
                'import { readFileSync } from "node:fs";',
                'import { readFile } from "node:fs/promises";',
                "export async function load(path: string) {",
                '  const text = await readFile(path, "utf8");',
                "  return JSON.parse(text);",
                "}",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "namespace and default imports go through fs.promises; a member of the result gets parentheses",
      options: [{ checkMetadataCalls: true }],
      code: lines(
        'import * as fs from "fs";',
        'import nodeFs from "node:fs";',
        "const handler = async (p: string) => {",
        "  const size = fs.statSync(p).size;",
        "  nodeFs.writeFileSync(p + '.bak', String(size));",
        "};",
      ),
      errors: [
        {
          messageId: "blockingCall",
          data: { name: "statSync", advice: FS_ADVICE },
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 30,
          suggestions: [
            {
              messageId: "useAsyncVariant",
              data: { replacement: "await fs.promises.stat(…)" },
              output: lines(
                'import * as fs from "fs";',
                'import nodeFs from "node:fs";',
                "const handler = async (p: string) => {",
                "  const size = (await fs.promises.stat(p)).size;",
                "  nodeFs.writeFileSync(p + '.bak', String(size));",
                "};",
              ),
            },
          ],
        },
        {
          messageId: "blockingCall",
          data: { name: "writeFileSync", advice: FS_ADVICE },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 49,
          suggestions: [
            {
              messageId: "useAsyncVariant",
              data: { replacement: "await nodeFs.promises.writeFile(…)" },
              output: lines(
                'import * as fs from "fs";',
                'import nodeFs from "node:fs";',
                "const handler = async (p: string) => {",
                "  const size = fs.statSync(p).size;",
                "  await nodeFs.promises.writeFile(p + '.bak', String(size));",
                "};",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "an existing fs/promises binding (or fs.promises alias) is reused",
      options: [{ checkMetadataCalls: true }],
      code: lines(
        'import { mkdirSync, rmSync } from "fs";',
        'import { promises as fsp } from "fs";',
        'import * as fsPromises from "node:fs/promises";',
        "class Workspace {",
        "  async reset(dir: string) {",
        "    rmSync(dir, { recursive: true, force: true });",
        "    mkdirSync(dir, { recursive: true });",
        "  }",
        "}",
      ),
      errors: [
        {
          messageId: "blockingCall",
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 50,
          suggestions: [
            {
              messageId: "useAsyncVariant",
              output: lines(
                'import { mkdirSync, rmSync } from "fs";',
                'import { promises as fsp } from "fs";',
                'import * as fsPromises from "node:fs/promises";',
                "class Workspace {",
                "  async reset(dir: string) {",
                "    await fsp.rm(dir, { recursive: true, force: true });",
                "    mkdirSync(dir, { recursive: true });",
                "  }",
                "}",
              ),
            },
          ],
        },
        {
          messageId: "blockingCall",
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 40,
          suggestions: [
            {
              messageId: "useAsyncVariant",
              output: lines(
                'import { mkdirSync, rmSync } from "fs";',
                'import { promises as fsp } from "fs";',
                'import * as fsPromises from "node:fs/promises";',
                "class Workspace {",
                "  async reset(dir: string) {",
                "    rmSync(dir, { recursive: true, force: true });",
                "    await fsp.mkdir(dir, { recursive: true });",
                "  }",
                "}",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "a taken name gets an Async alias; the import joins an existing fs/promises import",
      code: lines(
        'import { readFileSync, readFile } from "fs";',
        'import { writeFile } from "fs/promises";',
        "async function f(p: string) {",
        "  return readFileSync(p);",
        "}",
      ),
      errors: [
        {
          messageId: "blockingCall",
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 25,
          suggestions: [
            {
              messageId: "useAsyncVariant",
              data: { replacement: "await readFileAsync(…)" },
              output: lines(
                'import { readFileSync, readFile } from "fs";',
                'import { writeFile, readFile as readFileAsync } from "fs/promises";',
                "async function f(p: string) {",
                "  return await readFileAsync(p);",
                "}",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "existsSync (with checkMetadataCalls) and descriptor APIs: reported, no suggestion, specific advice",
      options: [{ checkMetadataCalls: true }],
      code: lines(
        'import fs from "fs";',
        "async function f(p: string) {",
        "  if (!fs.existsSync(p)) return;",
        '  const fd = fs.openSync(p, "r");',
        "  fs.closeSync(fd);",
        "}",
      ),
      errors: [
        {
          messageId: "blockingCall",
          data: {
            name: "existsSync",
            advice: "attempt the operation with 'fs/promises' and handle 'ENOENT', or check with 'await access(path)' in a try/catch",
          },
          line: 3,
          column: 8,
          endLine: 3,
          endColumn: 24,
          suggestions: [],
        },
        {
          messageId: "blockingCall",
          data: { name: "openSync", advice: "use a 'FileHandle' from 'await open(…)' ('fs/promises') and await its methods" },
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 33,
          suggestions: [],
        },
        { messageId: "blockingCall", line: 5, column: 3, endLine: 5, endColumn: 19, suggestions: [] },
      ],
    },
    {
      name: "no suggestion where fs/promises differs: a file descriptor, throwIfNoEntry, options we cannot see, spread",
      options: [{ checkMetadataCalls: true }],
      code: lines(
        'import { readFileSync, statSync, writeFileSync } from "fs";',
        "async function f(p: string, opts: object, args: [string]) {",
        "  readFileSync(0);",
        "  writeFileSync(process.stdout.fd, 'x');",
        "  statSync(p, { throwIfNoEntry: false });",
        "  statSync(p, opts);",
        "  readFileSync(...args);",
        "}",
      ),
      errors: [
        { messageId: "blockingCall", line: 3, column: 3, endLine: 3, endColumn: 18, suggestions: [] },
        { messageId: "blockingCall", line: 4, column: 3, endLine: 4, endColumn: 40, suggestions: [] },
        { messageId: "blockingCall", line: 5, column: 3, endLine: 5, endColumn: 41, suggestions: [] },
        { messageId: "blockingCall", line: 6, column: 3, endLine: 6, endColumn: 20, suggestions: [] },
        { messageId: "blockingCall", line: 7, column: 3, endLine: 7, endColumn: 24, suggestions: [] },
      ],
    },
    {
      name: "a call in a parameter default: reported, no suggestion (await is not allowed there)",
      code: lines('import { readFileSync } from "fs";', 'async function f(text = readFileSync("a.txt", "utf8")) { return text; }'),
      errors: [{ messageId: "blockingCall", line: 2, column: 25, endLine: 2, endColumn: 54, suggestions: [] }],
    },
    {
      name: "require forms in ESM-less TypeScript: import = require and await import()",
      options: [{ checkMetadataCalls: true }],
      code: lines(
        'import fs = require("fs");',
        "async function f() {",
        '  fs.unlinkSync("a");',
        '  (await import("node:fs")).rmdirSync("d");',
        "}",
      ),
      errors: [
        {
          messageId: "blockingCall",
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 21,
          suggestions: [
            {
              messageId: "useAsyncVariant",
              output: lines('import fs = require("fs");', "async function f() {", '  await fs.promises.unlink("a");', '  (await import("node:fs")).rmdirSync("d");', "}"),
            },
          ],
        },
        {
          messageId: "blockingCall",
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 43,
          suggestions: [
            {
              messageId: "useAsyncVariant",
              output: lines('import fs = require("fs");', "async function f() {", '  fs.unlinkSync("a");', '  await fs.promises.rmdir("d");', "}"),
            },
          ],
        },
      ],
    },
    {
      name: "a statement starting with the parenthesised await after a line without ';' gets a guard",
      code: lines(
        'import { readFileSync } from "fs"',
        "async function f(p) {",
        "  const x = 1",
        "  readFileSync(p).toString()",
        "  return x",
        "}",
      ),
      errors: [
        {
          messageId: "blockingCall",
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 18,
          suggestions: [
            {
              messageId: "useAsyncVariant",
              output: lines(
                'import { readFileSync } from "fs"',
                'import { readFile } from "node:fs/promises"',
                "async function f(p) {",
                "  const x = 1",
                "  ;(await readFile(p)).toString()",
                "  return x",
                "}",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "optional call chain: the whole chain is replaced",
      code: lines('import * as fs from "fs";', "async function f(p?: string) { return fs?.readdirSync(p!)?.length; }"),
      errors: [
        {
          messageId: "blockingCall",
          line: 2,
          column: 39,
          endLine: 2,
          endColumn: 58,
          suggestions: [
            {
              messageId: "useAsyncVariant",
              output: lines('import * as fs from "fs";', "async function f(p?: string) { return (await fs.promises.readdir(p!))?.length; }"),
            },
          ],
        },
      ],
    },

    // ---------------------------------------------------------------- child_process
    {
      name: "execSync with a discarded result: promisify(exec); with the result used or stdio: no suggestion",
      code: lines(
        'import { execSync } from "node:child_process";',
        "async function deploy(dir: string) {",
        '  execSync("make build", { cwd: dir });',
        '  execSync("make test", { stdio: "inherit" });',
        '  return execSync("git rev-parse HEAD").toString();',
        "}",
      ),
      errors: [
        {
          messageId: "blockingCall",
          data: { name: "execSync", advice: "use 'exec'/'execFile' through 'util.promisify', or 'spawn', and await the result" },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 39,
          suggestions: [
            {
              messageId: "useAsyncVariant",
              data: { replacement: "await promisify(exec)(…)" },
              output: lines(
                'import { execSync, exec } from "node:child_process";',
                'import { promisify } from "node:util";',
                "async function deploy(dir: string) {",
                '  await promisify(exec)("make build", { cwd: dir });',
                '  execSync("make test", { stdio: "inherit" });',
                '  return execSync("git rev-parse HEAD").toString();',
                "}",
              ),
            },
          ],
        },
        { messageId: "blockingCall", line: 4, column: 3, endLine: 4, endColumn: 46, suggestions: [] },
        { messageId: "blockingCall", line: 5, column: 10, endLine: 5, endColumn: 40, suggestions: [] },
      ],
    },
    {
      name: "spawnSync: reported with advice, no suggestion; an existing util namespace is reused for execFile",
      code: lines(
        'import * as cp from "child_process";',
        'import util from "node:util";',
        "async function f() {",
        '  cp.spawnSync("make", ["all"]);',
        '  cp.execFileSync("git", ["pull"]);',
        "}",
      ),
      errors: [
        {
          messageId: "blockingCall",
          data: { name: "spawnSync", advice: "use 'spawn' and await its 'close' event ('once(child, \"close\")' from 'node:events')" },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 32,
          suggestions: [],
        },
        {
          messageId: "blockingCall",
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 35,
          suggestions: [
            {
              messageId: "useAsyncVariant",
              data: { replacement: "await util.promisify(cp.execFile)(…)" },
              output: lines(
                'import * as cp from "child_process";',
                'import util from "node:util";',
                "async function f() {",
                '  cp.spawnSync("make", ["all"]);',
                '  await util.promisify(cp.execFile)("git", ["pull"]);',
                "}",
              ),
            },
          ],
        },
      ],
    },

    // ---------------------------------------------------------------- crypto, zlib
    {
      name: "crypto key derivation: promisify with the same arguments",
      code: lines(
        'import { scryptSync } from "node:crypto";',
        'import { promisify } from "node:util";',
        "export const hash = async (password: string, salt: Buffer) => scryptSync(password, salt, 64).toString('hex');",
      ),
      errors: [
        {
          messageId: "blockingCall",
          data: { name: "scryptSync", advice: "use the callback API through 'util.promisify' and await it" },
          line: 3,
          column: 63,
          endLine: 3,
          endColumn: 93,
          suggestions: [
            {
              messageId: "useAsyncVariant",
              output: lines(
                'import { scryptSync, scrypt } from "node:crypto";',
                'import { promisify } from "node:util";',
                "export const hash = async (password: string, salt: Buffer) => (await promisify(scrypt)(password, salt, 64)).toString('hex');",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "zlib in an async method of an object literal",
      code: lines(
        'import zlib from "zlib";',
        "export const codec = {",
        "  async pack(data: Buffer) { return zlib.brotliCompressSync(data); },",
        "};",
      ),
      errors: [
        {
          messageId: "blockingCall",
          line: 3,
          column: 37,
          endLine: 3,
          endColumn: 66,
          suggestions: [
            {
              messageId: "useAsyncVariant",
              output: lines(
                'import zlib from "zlib";',
                'import { promisify } from "node:util";',
                "export const codec = {",
                "  async pack(data: Buffer) { return await promisify(zlib.brotliCompress)(data); },",
                "};",
              ),
            },
          ],
        },
      ],
    },

    // ---------------------------------------------------------------- CommonJS
    {
      name: "CommonJS: destructured require, require(...).x and a namespace; require lines added",
      ...commonJs,
      code: lines(
        '"use strict";',
        'const { copyFileSync } = require("fs");',
        'const crypto = require("node:crypto");',
        "module.exports = async function handle(src, dst, password) {",
        "  copyFileSync(src, dst);",
        '  const key = crypto.pbkdf2Sync(password, "salt", 100000, 64, "sha512");',
        '  require("zlib").gzipSync(key);',
        "};",
      ),
      errors: [
        {
          messageId: "blockingCall",
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 25,
          suggestions: [
            {
              messageId: "useAsyncVariant",
              output: lines(
                '"use strict";',
                'const { copyFileSync } = require("fs");',
                'const crypto = require("node:crypto");',
                'const { copyFile } = require("node:fs/promises");',
                "module.exports = async function handle(src, dst, password) {",
                "  await copyFile(src, dst);",
                '  const key = crypto.pbkdf2Sync(password, "salt", 100000, 64, "sha512");',
                '  require("zlib").gzipSync(key);',
                "};",
              ),
            },
          ],
        },
        {
          messageId: "blockingCall",
          line: 6,
          column: 15,
          endLine: 6,
          endColumn: 72,
          suggestions: [
            {
              messageId: "useAsyncVariant",
              output: lines(
                '"use strict";',
                'const { copyFileSync } = require("fs");',
                'const crypto = require("node:crypto");',
                'const { promisify } = require("node:util");',
                "module.exports = async function handle(src, dst, password) {",
                "  copyFileSync(src, dst);",
                '  const key = await promisify(crypto.pbkdf2)(password, "salt", 100000, 64, "sha512");',
                '  require("zlib").gzipSync(key);',
                "};",
              ),
            },
          ],
        },
        {
          messageId: "blockingCall",
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 32,
          suggestions: [
            {
              messageId: "useAsyncVariant",
              output: lines(
                '"use strict";',
                'const { copyFileSync } = require("fs");',
                'const crypto = require("node:crypto");',
                'const { promisify } = require("node:util");',
                'const { gzip } = require("node:zlib");',
                "module.exports = async function handle(src, dst, password) {",
                "  copyFileSync(src, dst);",
                '  const key = crypto.pbkdf2Sync(password, "salt", 100000, 64, "sha512");',
                "  await promisify(gzip)(key);",
                "};",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "JavaScript: async arrow in a callback, destructured require with a rename",
      ...commonJs,
      code: lines(
        'const { readdirSync: list } = require("node:fs");',
        "app.get('/files', async (req, res) => {",
        "  res.json(list(req.query.dir));",
        "});",
      ),
      errors: [
        {
          messageId: "blockingCall",
          data: { name: "readdirSync", advice: FS_ADVICE },
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 31,
          suggestions: [
            {
              messageId: "useAsyncVariant",
              output: lines(
                'const { readdirSync: list } = require("node:fs");',
                'const { readdir } = require("node:fs/promises");',
                "app.get('/files', async (req, res) => {",
                "  res.json(await readdir(req.query.dir));",
                "});",
              ),
            },
          ],
        },
      ],
    },
  ],
});

// ------------------------------------------------------------------------------------------------ typed

const typed = typedRuleTester();
// Relative to the project root: the linter's cwd stays `fixture-project/` (an absolute name would make it `/`, and the
// path below it would pass through `tests/`, which reads as a test directory; see file-role.ts).
const typedFile = "file.ts";

typed.run("no-blocking-call (typed)", rule, {
  valid: [],
  invalid: [
    {
      name: "typed: a number is a file descriptor whatever its name; a string named fd is a path",
      filename: typedFile,
      code: lines(
        'import { readFileSync } from "node:fs";',
        "export async function f(handle: number, fd: string) {",
        "  readFileSync(handle);",
        "  return readFileSync(fd);",
        "}",
      ),
      errors: [
        { messageId: "blockingCall", line: 3, column: 3, endLine: 3, endColumn: 23, suggestions: [] },
        {
          messageId: "blockingCall",
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 26,
          suggestions: [
            {
              messageId: "useAsyncVariant",
              output: lines(
                'import { readFileSync } from "node:fs";',
                'import { readFile } from "node:fs/promises";',
                "export async function f(handle: number, fd: string) {",
                "  readFileSync(handle);",
                "  return await readFile(fd);",
                "}",
              ),
            },
          ],
        },
      ],
    },
  ],
});
