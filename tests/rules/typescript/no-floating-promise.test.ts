import path from "node:path";
import rule from "../../../rules/typescript/no-floating-promise.js";
import { clearOverlays, setOverlay } from "../../../rules/typescript/promise-detection.js";
import { commonJs, lines, typescriptRuleTester } from "./rule-tester.js";
import { typedRuleTester } from "./typed-rule-tester.js";

const TS_HANDLER = "(error: unknown) => { console.error(error); }";
const JS_HANDLER = "(error) => { console.error(error); }";

type Suggestion = { messageId: "floatingFixAwait" | "floatingFixVoid" | "floatingFixCatch"; output: string };

/**
 * The suggestions for a floating call statement written plainly (no parentheses needed): `await stmt`, `void stmt`
 * and `stmt.catch(handler)`, applied to the first occurrence of `statement` in `code`.
 */
function suggestionsFor(
  code: string,
  statement: string,
  { awaitable = false, voidable = true, handler = TS_HANDLER }: { awaitable?: boolean; voidable?: boolean; handler?: string | false } = {},
): Suggestion[] {
  const expression = statement.endsWith(";") ? statement.slice(0, -1) : statement;
  const end = statement.endsWith(";") ? ";" : "";
  const replace = (replacement: string): string => {
    const match = new RegExp(`(^|\\n)([ \\t]*)(${statement.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")})`).exec(code)!;
    const offset = match.index + match[0].length - statement.length;
    return code.slice(0, offset) + replacement + code.slice(offset + statement.length);
  };
  const result: Suggestion[] = [];
  if (awaitable) result.push({ messageId: "floatingFixAwait", output: replace(`await ${statement}`) });
  if (voidable) result.push({ messageId: "floatingFixVoid", output: replace(`void ${statement}`) });
  if (handler) result.push({ messageId: "floatingFixCatch", output: replace(`${expression}.catch(${handler})${end}`) });
  return result;
}

/** A report of the floating statement `statement` (first occurrence in `code`, on one line), with its suggestions. */
function floating(
  code: string,
  statement: string,
  options: Parameters<typeof suggestionsFor>[2] & { messageId?: "floatingVoid" | "floating" | "floatingUselessRejectionHandlerVoid" } = {},
) {
  // The statement as written at the start of a line (after indentation), not inside a longer one.
  const match = new RegExp(`(^|\\n)[ \\t]*(${statement.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")})`).exec(code);
  if (!match) throw new Error(`statement not found: ${statement}`);
  const offset = match.index + match[0].length - statement.length;
  const before = code.slice(0, offset).split("\n");
  const line = before.length;
  const column = before.at(-1)!.length + 1;
  return {
    messageId: options.messageId ?? ("floatingVoid" as const),
    line,
    column,
    endLine: line,
    endColumn: column + statement.length,
    suggestions: suggestionsFor(code, statement, options),
  };
}

const WEB_STREAMS = lines(
  "export async function f(res: Response, api: { responseReadable: ReadableStream }, chunk: Uint8Array) {",
  "  const reader = res.body!.getReader();",
  "  reader.cancel();",
  "  const { readable, writable } = new TransformStream();",
  "  const writer = writable.getWriter();",
  "  writer.write(chunk);",
  "  writer.close();",
  "  readable.pipeTo(writable);",
  "  new ReadableStream().pipeTo(writable);",
  "  const other = api.responseReadable.getReader();",
  "  function pipe(source: ReadableStream<Uint8Array>, sink: WritableStream) {",
  "    source.pipeTo(sink);",
  "  }",
  "  pipe(res.body!, writable);",
  "  await other.read();",
  "}",
).replace("  await other.read();", "  await other.read();\n  reader.read();");

const ASSERTIONS = lines(
  'import { expect as assert } from "vitest";',
  "it('loads', async () => {",
  "  expect(load()).rejects.toThrow('gone');",
  "  expect(load()).resolves.not.toBe(2);",
  "  assert(load()).resolves.toBe(1);",
  "});",
);

const FIXTURE_LIKE = lines("async function save() {}", "save();");

const NARROWED = lines(
  "export const onError = (err: unknown, retry: () => void) => {",
  "  if (!(err instanceof Promise)) {",
  "    throw err;",
  "  }",
  "  err.finally(retry);",
  "};",
  "export function settle(res: unknown, done: () => void) {",
  "  if (res instanceof Promise) {",
  "    res.then(done);",
  "  }",
  "}",
  "export function other(value: unknown, done: () => void) {",
  "  if (!(value instanceof Promise)) done();",
  "  else {",
  "    value.then(done);",
  "  }",
  "}",
);

const SAME_FILE = lines(
  "async function save(): Promise<void> {}",
  "const remove = async (id: string) => {};",
  "const fetchAll = async function () {};",
  "function load(): Promise<string> { return Promise.resolve(''); }",
  "declare function sync(): Promise<void>;",
  "const persist = save;",
  "async function run() {",
  "  save();",
  "  remove('a');",
  "  fetchAll();",
  "  load();",
  "  sync();",
  "  persist();",
  "}",
);

const CLASS_METHODS = lines(
  "class Base {",
  "  async persist() {}",
  "}",
  "class Repo extends Base {",
  "  static async open() {}",
  "  async save() {}",
  "  load(): Promise<string> { return Promise.resolve(''); }",
  "  #flush = async () => {};",
  "  size() { return 0; }",
  "  run() {",
  "    this.save();",
  "    this.load();",
  "    this.#flush();",
  "    this.persist();",
  "    super.persist();",
  "    Repo.open();",
  "    this.size();",
  "    const later = () => { this.save(); };",
  "  }",
  "}",
  "new Repo().save();",
  "const repo = new Repo();",
  "repo.load();",
);

const KNOWN_APIS = lines(
  'import fs from "node:fs";',
  'import { readFile } from "fs/promises";',
  'import { setTimeout as sleep } from "node:timers/promises";',
  'import { promisify } from "node:util";',
  'import { exec } from "node:child_process";',
  "const run = promisify(exec);",
  "export async function main(url: string) {",
  "  fetch(url);",
  "  globalThis.fetch(url);",
  "  Promise.all([]);",
  "  new Promise((resolve) => resolve(1));",
  '  import("./plugin.js");',
  '  fs.promises.readFile("a");',
  '  readFile("a");',
  "  sleep(10);",
  '  run("ls");',
  '  promisify(exec)("ls");',
  "  const response = await fetch(url);",
  "  response.json();",
  "  (await fetch(url)).text();",
  "}",
);

/** Calls of methods of classes imported from other project modules (overlays under `src/utils/`). */
const IMPORTED_CLASSES = lines(
  'import Anonymous, { StreamingApi } from "./utils/stream";',
  'import * as streams from "./utils/stream.js";',
  'import { Api, SSEStreamingApi } from "./utils";',
  'import type { StreamingApi as ApiType } from "./utils/stream";',
  "export async function run(param: StreamingApi, maybe: ApiType | undefined) {",
  "  const api = new StreamingApi();",
  "  let later = new Api();",
  "  api.write('x');",
  "  api.writeln('x');",
  "  api.sleep(1);",
  "  api.onAbort();",
  "  new StreamingApi().write('y');",
  "  later.write('z');",
  "  param.write('p');",
  "  maybe!.writeln('m');",
  "  StreamingApi.open();",
  "  new Anonymous().send();",
  "  new streams.StreamingApi().write('n');",
  "  const sse = new SSEStreamingApi();",
  "  sse.writeSSE('e');",
  "  sse.writeln('inherited');",
  "}",
  "export class Holder {",
  "  readonly api = new StreamingApi();",
  "  constructor(private readonly other: StreamingApi) {}",
  "  run() {",
  "    this.api.write('a');",
  "    this.other.writeln('b');",
  "  }",
  "}",
  "export class Local extends StreamingApi {",
  "  run() {",
  "    this.writeln('c');",
  "    super.write('d');",
  "    this.close();",
  "  }",
  "}",
);

const projectRoot = path.resolve("/virtual-project");
const project = (file: string): string => path.join(projectRoot, file);

beforeAll(() => {
  setOverlay(
    project("src/repo.ts"),
    lines(
      "export async function save(record: unknown) {}",
      "export function load(): Promise<string> { return Promise.resolve(''); }",
      "export function size(): number { return 0; }",
      "export const remove = async (id: string) => {};",
      "const purgeAll = async () => {};",
      "export { purgeAll as purge };",
      "export default async function main() {}",
      'export { helper } from "./lib/index.js";',
      'export * from "./lib/star";',
      "export class Repository { async save() {} }",
    ),
  );
  setOverlay(project("src/lib/index.ts"), "export async function helper() {}\n");
  setOverlay(project("src/lib/star.ts"), lines("export async function starred() {}", 'export * from "../repo";'));
  setOverlay(
    project("src/db.cjs"),
    lines("async function query() {}", "function close() {}", "module.exports = { query, close, connect: async () => {} };"),
  );
  setOverlay(project("src/job.cjs"), "module.exports = async function job() {};\n");
  setOverlay(project("src/cycle-a.ts"), 'export * from "./cycle-b";\n');
  setOverlay(project("src/cycle-b.ts"), 'export * from "./cycle-a";\n');
  // Classes of other project modules (hono's `StreamingApi`, its subclass in another module, re-exports).
  setOverlay(
    project("src/utils/stream.ts"),
    lines(
      "export class StreamingApi {",
      "  aborted = false;",
      "  onAbort = async () => {};",
      "  async write(input: string): Promise<StreamingApi> {",
      "    await this.writer.write(input);",
      "    return this;",
      "  }",
      "  async writeln(input: string): Promise<StreamingApi> {",
      "    await this.write(input + '\\n');",
      "    return this;",
      "  }",
      "  sleep(ms: number): Promise<unknown> {",
      "    return new Promise((resolve) => setTimeout(resolve, ms));",
      "  }",
      "  abort(): void {}",
      "  get pending(): Promise<void> { return Promise.resolve(); }",
      "  async close() {",
      "    this.closed = true;",
      "    try {",
      "      await this.writer.close();",
      "    } catch {",
      "      // nothing to do",
      "    }",
      "  }",
      "  static async open(): Promise<StreamingApi> { return new StreamingApi(); }",
      "  static create(): StreamingApi { return new StreamingApi(); }",
      "}",
      "export default class {",
      "  async send() {}",
      "}",
    ),
  );
  setOverlay(
    project("src/utils/sse.ts"),
    lines('import { StreamingApi } from "./stream";', "export class SSEStreamingApi extends StreamingApi {", "  async writeSSE(message: string) {}", "}"),
  );
  setOverlay(project("src/utils/index.ts"), lines('export { StreamingApi as Api } from "./stream.js";', 'export * from "./sse";'));
  setOverlay(
    project("src/utils/other.ts"),
    lines(
      'import { Base } from "some-package";',
      "export class FromPackage extends Base {",
      "  async own() {}",
      "}",
      "export class Merged {",
      "  async save() {}",
      "}",
      "export interface Merged {",
      "  load(): void;",
      "}",
      "export class Mixed extends mixin(Object) {}",
    ),
  );
});

afterAll(() => clearOverlays());

/** Async functions that keep their errors inside: every await in a `try … catch` that does not rethrow. */
const SELF_HANDLING = lines(
  "const run = async (cb: () => Promise<void>, onError?: (e: unknown) => Promise<void>): Promise<void> => {",
  "  try {",
  "    await cb();",
  "  } catch (e) {",
  "    if (onError) await onError(e);",
  "    else console.error(e);",
  "  } finally {",
  "    close();",
  "  }",
  "};",
  "async function main() {",
  "  const started = Date.now();",
  "  try {",
  "    await build();",
  "  } catch (error) {",
  "    console.error('build failed', error, Date.now() - started);",
  "    process.exitCode = 1;",
  "  }",
  "}",
  "class Stream {",
  "  closed = false;",
  "  async close() {",
  "    this.closed = true;",
  "    try {",
  "      await this.flush();",
  "    } catch {}",
  "    return this;",
  "  }",
  "  async flush() {}",
  "  abort() { this.close(); }",
  "}",
  "declare function close(): void;",
  "declare function build(): Promise<void>;",
  "run(async () => {});",
  "main();",
  "(async () => {",
  "  try {",
  "    await build();",
  "  } catch (e) {",
  "    console.error(e);",
  "  }",
  "})();",
);

/** The same shapes, each with one way for a rejection to escape. */
const ESCAPING = lines(
  "async function rethrows() {",
  "  try { await build(); } catch (e) { console.error(e); throw e; }",
  "}",
  "async function awaitsFirst() {",
  "  await build();",
  "  try { await build(); } catch {}",
  "}",
  "async function returnsOther() {",
  "  try { await build(); } catch {}",
  "  return build();",
  "}",
  "async function throwsOutside(ok: boolean) {",
  "  if (!ok) throw new Error('no');",
  "  try { await build(); } catch {}",
  "}",
  "async function noCatch() {",
  "  try { await build(); } finally { console.log('done'); }",
  "}",
  "declare function build(): Promise<void>;",
  "rethrows();",
  "awaitsFirst();",
  "returnsOther();",
  "throwsOutside(true);",
  "noCatch();",
);

typescriptRuleTester().run("no-floating-promise", rule, {
  valid: [
    {
      name: "a type test (*.test-d.ts) is compiled, never run",
      filename: "typings/index.test-d.ts",
      code: lines("declare const collector: AsyncIterable<number>;", "(async () => {", "  for await (const value of collector) value.toFixed();", "})();"),
    },
    {
      name: "a fixture (a parser's or linter's input) never runs",
      filename: "packages/ast-spec/src/expression/ImportExpression/fixtures/normal/fixture.ts",
      code: lines("import('some-module');", "(async function test() {})();"),
    },
    {
      name: "a jscodeshift-style __testfixtures__ input never runs",
      filename: "transforms/__testfixtures__/await-save.input.ts",
      code: lines("async function save() {}", "save();"),
    },
    {
      name: "calls of async functions, methods and IIFEs that keep their errors inside (try … catch, no rethrow)",
      code: SELF_HANDLING,
    },
    {
      name: "taking a stored promise out of a container, Object.assign onto a promise: nothing new floats",
      code: lines(
        "const pending: Promise<void>[] = [];",
        "const stack: [number, Promise<void>][] = [];",
        "async function work() {}",
        "export function run() {",
        "  pending.push(work());",
        "  stack.push([1, work()]);",
        "  pending.shift();",
        "  stack.pop();",
        "  pending.splice(0, 1);",
        "  const promise = work();",
        "  Object.assign(promise, { label: 'work' });",
        "  return promise;",
        "}",
      ),
    },
    {
      name: "handled: awaited, returned, voided, .catch(handler), .then(onFulfilled, onRejected)",
      code: lines(
        "async function save() {}",
        "async function run() {",
        "  await save();",
        "  void save();",
        "  save().catch(() => {});",
        "  save().then(() => {}, () => {});",
        "  save().then(() => {}).catch(() => {});",
        "  save().catch(() => {}).finally(() => {});",
        "  save().then(() => {}, onError);",
        "  return save();",
        "}",
      ),
    },
    {
      name: "stored or passed on: not a statement",
      code: lines(
        "async function save() {}",
        "let pending;",
        "pending = save();",
        "const again = save();",
        "queue.push(save());",
        "const later = () => save();",
        "export default save();",
      ),
    },
    {
      name: "unknown callees and receivers stay silent without types",
      code: lines(
        'import { save } from "some-package";',
        "import { Repository } from './repo-that-does-not-exist';",
        "save();",
        "db.save();",
        "unknown();",
        "new Repository().save();",
        "function run(repo, cb) { repo.save(); cb(); repo.then(() => {}); }",
        "function read(res) { res.json(); }",
      ),
    },
    {
      name: "stream-like handles without evidence of a WHATWG stream, and their sync methods",
      code: lines(
        "function f(buffer: Uint8Array, decoder: { getReader(): { read(): number } }, res: Response) {",
        "  const reader = decoder.getReader();",
        "  reader.read();",
        "  const bytes = parse(buffer).getReader();",
        "  bytes.read();",
        "  const body = res.body!.getReader();",
        "  body.releaseLock();",
        "  res.body!.getWriter;",
        "  decoder.pipeTo(res);",
        "}",
      ),
    },
    {
      name: "sync assertions, chai's promise assertions, and a local expect are not async matchers",
      filename: "src/user.test.ts",
      code: lines(
        "it('loads', async () => {",
        "  expect(load()).toBeInstanceOf(Promise);",
        "  expect(load()).to.be.rejected;",
        "  expect(load()).not.resolves;",
        "  await expect(load()).rejects.toThrow('gone');",
        "  void expect(load()).resolves.toBe(1);",
        "});",
        "function local(expect: (v: unknown) => any) { expect(1).rejects.toThrow(); }",
      ),
    },
    {
      name: "instanceof Promise guards that do not cover the use: other branch, no exit, reassigned, another variable, a local Promise",
      code: lines(
        "function a(x: unknown, y: unknown) {",
        "  if (x instanceof Promise) log(x); else x.then(log);",
        "  if (!(y instanceof Promise)) log(y);",
        "  y.finally(log);",
        "}",
        "function b(x: unknown, y: unknown) {",
        "  if (!(y instanceof Promise)) throw y;",
        "  x.finally(log);",
        "  if (x instanceof Promise) (() => { const x = other(); x.then(log); })();",
        "}",
        "function c(x: unknown) {",
        "  if (!(x instanceof Promise)) return;",
        "  x = next();",
        "  x.then(log);",
        "}",
        "function d(x: unknown) {",
        "  class Promise {}",
        "  if (x instanceof Promise) x.then(log);",
        "}",
      ),
    },
    {
      name: "sync functions, async generators and async iterators are not promises",
      code: lines(
        'import { setInterval } from "node:timers/promises";',
        'import { on } from "node:events";',
        "function save() {}",
        "async function* rows() {}",
        "const later = async function* () {};",
        "save();",
        "rows();",
        "later();",
        "setInterval(100);",
        "on(emitter, 'data');",
      ),
    },
    {
      name: "local bindings shadow the known globals",
      code: lines(
        "function run(fetch: (url: string) => void, Promise: { all(x: unknown[]): void }) {",
        "  fetch('/');",
        "  Promise.all([]);",
        "}",
        "const crypto = { subtle: { digest() {} } };",
        "crypto.subtle.digest();",
      ),
    },
    {
      name: "reassigned bindings are not followed",
      code: lines("let save = async () => {};", "save = () => {};", "save();", "let p = fetch('/');", "p = null;", "p;"),
    },
    {
      name: "a declared type wins over the initialiser: an alias we cannot read is unknown",
      code: lines(
        "type Task = Promise<void> & { id?: string };",
        "const task: Task = fetch('/').then(() => {});",
        "task;",
        "const start: () => Task = async () => {};",
        "start();",
        "const value = {} as unknown;",
        "(fetch('/') as unknown);",
      ),
    },
    {
      name: "`this` outside class methods: object literal methods, nested functions",
      code: lines(
        "class Repo {",
        "  async save() {}",
        "  run() {",
        "    function inner() { this.save(); }",
        "    return inner;",
        "  }",
        "}",
        "const api = { async save() {}, run() { this.save(); } };",
      ),
    },
    {
      name: "a same-file class member of that name that is not a promise method",
      code: lines(
        "class Base { async save() {} }",
        "class Repo extends Base {",
        "  save() { return 1; }",
        "  get ready() { return fetch('/'); }",
        "  run() { this.save(); }",
        "}",
      ),
    },
    {
      name: "object literals whose methods are replaced are not trusted",
      code: lines("const api = { async save() {} };", "api.save = () => {};", "api.save();"),
    },
    {
      name: "forEach returns nothing (an async callback there is no-dangling-task's business)",
      code: "[1, 2].forEach(async (x) => { await x; });\n",
    },
    {
      name: "map on a receiver not known to be an array",
      code: "function f(stream) { stream.map(async (x) => x); }\n",
    },
    {
      name: "a rejection handler we cannot see through is assumed to be a function",
      code: lines("import { handler } from './handlers';", "fetch('/').catch(handler);", "fetch('/').then(ok, handler);"),
    },
    {
      name: "ignoreIIFE",
      code: lines("(async () => {", "  await fetch('/');", "})();", "(async function () {})();"),
      options: [{ ignoreIIFE: true }],
    },
    {
      name: "ignoreVoid (default)",
      code: lines("void fetch('/');", "const onClick = () => void fetch('/click');"),
    },
    {
      name: "PromiseLike only with checkThenables",
      code: lines("declare function connect(): PromiseLike<void>;", "connect();"),
    },
    {
      name: "allowForKnownSafeCalls: a name, a member chain, this file, a package, the standard library",
      code: lines(
        'import { it } from "node:test";',
        'import { enqueue } from "job-queue";',
        "async function fireAndForget() {}",
        "const tracker = { async send() {} };",
        "fireAndForget();",
        "tracker.send();",
        "enqueue();",
        "fetch('/ping');",
      ),
      options: [
        {
          allowForKnownSafeCalls: [
            "fireAndForget",
            "tracker.send",
            { from: "package", name: "enqueue", package: "job-queue" },
            { from: "lib", name: "fetch" },
          ],
        },
      ],
    },
    {
      name: "allowForKnownSafeCalls { from: 'file' }",
      code: lines("async function notify() {}", "notify();"),
      options: [{ allowForKnownSafeCalls: [{ from: "file", name: "notify" }] }],
    },
    {
      name: "allowForKnownSafePromises by name, untyped: annotations naming the type",
      code: lines(
        "type SafePromise<T> = Promise<T> & { readonly safe?: true };",
        "async function track(): SafePromise<void> {}",
        "declare function send(): SafePromise<void>;",
        "track();",
        "send();",
      ),
      options: [{ allowForKnownSafePromises: [{ from: "file", name: "SafePromise" }] }],
    },
    {
      name: "node:test's test functions are known safe to float",
      code: lines(
        'import test, { describe, it, suite } from "node:test";',
        "describe('repo', () => {",
        "  it('saves', async () => {});",
        "  it.skip('later', async () => {});",
        "});",
        "test('top level', async () => {});",
        "test.only('focus', async () => {});",
        "suite('s', () => {});",
      ),
    },
    {
      name: "a relative import of a sync function or of a name the module does not export",
      code: lines(
        'import { size, missing } from "./repo";',
        'import * as cycle from "./cycle-a";',
        'import { Repository } from "./repo";',
        "size();",
        "missing();",
        "cycle.anything();",
      ),
      filename: project("src/main.ts"),
    },
    {
      name: "methods of imported classes: sync methods, getters, self-handling methods, unknown members, unknown receivers",
      code: lines(
        'import { StreamingApi } from "./utils/stream";',
        'import { FromPackage, Merged, Mixed } from "./utils/other";',
        'import { Client } from "some-package";',
        'import { Missing } from "./missing";',
        "declare function make(): StreamingApi;",
        "interface Writer { write(input: string): void }",
        "export async function run(writer: Writer, other: StreamingApi) {",
        "  const api = new StreamingApi();",
        "  api.abort();",
        "  api.close();",
        "  api.pending;",
        "  api.unknown();",
        "  StreamingApi.create();",
        "  new FromPackage().inherited();",
        "  new Merged().save();",
        "  new Mixed().write('x');",
        "  new Client().send();",
        "  new Missing().send();",
        "  let reassigned = new StreamingApi();",
        "  reassigned = other;",
        "  reassigned.write('x');",
        "  const made = make();",
        "  made.write('x');",
        "  writer.write('x');",
        "  class Sync extends StreamingApi {",
        "    write(input: string): any { return this; }",
        "  }",
        "  new Sync().write('x');",
        "  api.sleep;",
        "}",
      ),
      filename: project("src/main.ts"),
    },
    {
      name: "a CommonJS module's sync export",
      code: lines('const { close } = require("./db.cjs");', "close();"),
      filename: project("src/main.cjs"),
      languageOptions: commonJs.languageOptions,
    },
    {
      name: "type-only imports are not values",
      code: lines('import type { save } from "./repo";', 'import { type load } from "./repo";', "save();", "load();"),
      filename: project("src/main.ts"),
    },
    {
      name: "directives are not expressions",
      code: lines('"use strict";', "async function f() {}"),
    },
  ],
  invalid: [
    {
      name: "async functions whose errors can escape: a rethrow, an await or throw outside the try, a returned call, no catch",
      code: ESCAPING,
      errors: ["rethrows();", "awaitsFirst();", "returnsOther();", "throwsOutside(true);", "noCatch();"].map((statement) =>
        floating(ESCAPING, statement, { awaitable: false }),
      ),
    },
    {
      name: "same-file async functions and Promise-returning declarations",
      code: SAME_FILE,
      errors: [
        floating(SAME_FILE, "save();", { awaitable: true }),
        floating(SAME_FILE, "remove('a');", { awaitable: true }),
        floating(SAME_FILE, "fetchAll();", { awaitable: true }),
        floating(SAME_FILE, "load();", { awaitable: true }),
        floating(SAME_FILE, "sync();", { awaitable: true }),
        floating(SAME_FILE, "persist();", { awaitable: true }),
      ],
    },
    {
      name: "methods of the same class: this, private, inherited, super, static, local instances",
      code: CLASS_METHODS,
      errors: [
        floating(CLASS_METHODS, "this.save();"),
        floating(CLASS_METHODS, "this.load();"),
        floating(CLASS_METHODS, "this.#flush();"),
        floating(CLASS_METHODS, "this.persist();"),
        floating(CLASS_METHODS, "super.persist();"),
        floating(CLASS_METHODS, "Repo.open();"),
        {
          messageId: "floatingVoid",
          line: 18,
          column: 27,
          endLine: 18,
          endColumn: 39,
          suggestions: [
            { messageId: "floatingFixVoid", output: CLASS_METHODS.replace("{ this.save(); }", "{ void this.save(); }") },
            {
              messageId: "floatingFixCatch",
              output: CLASS_METHODS.replace("{ this.save(); }", `{ this.save().catch(${TS_HANDLER}); }`),
            },
          ],
        },
        floating(CLASS_METHODS, "new Repo().save();"),
        floating(CLASS_METHODS, "repo.load();"),
      ],
    },
    {
      name: "an object literal's async method",
      code: lines("const api = { async save() {}, load: async () => 1 };", "api.save();", "api.load();"),
      errors: [
        floating(lines("const api = { async save() {}, load: async () => 1 };", "api.save();", "api.load();"), "api.save();"),
        floating(lines("const api = { async save() {}, load: async () => 1 };", "api.save();", "api.load();"), "api.load();"),
      ],
    },
    {
      name: "known promise APIs, with top-level await allowed in this ES module",
      code: KNOWN_APIS,
      errors: [
        "fetch(url);",
        "globalThis.fetch(url);",
        "Promise.all([]);",
        "new Promise((resolve) => resolve(1));",
        'import("./plugin.js");',
        'fs.promises.readFile("a");',
        'readFile("a");',
        "sleep(10);",
        'run("ls");',
        'promisify(exec)("ls");',
        "response.json();",
        "(await fetch(url)).text();",
      ].map((statement) => floating(KNOWN_APIS, statement, { awaitable: true })),
    },
    {
      name: "WHATWG streams: methods of a reader or writer a stream hands out, pipeTo",
      code: WEB_STREAMS,
      errors: ["reader.cancel();", "writer.write(chunk);", "writer.close();", "readable.pipeTo(writable);", "new ReadableStream().pipeTo(writable);", "source.pipeTo(sink);", "reader.read();"].map(
        // `pipe` is not async: no `await` there.
        (statement) => floating(WEB_STREAMS, statement, { awaitable: statement !== "source.pipeTo(sink);" }),
      ),
    },
    {
      name: "async test assertions: expect(…).rejects/resolves matchers, global or imported",
      filename: "src/user.test.ts",
      code: ASSERTIONS,
      errors: ["expect(load()).rejects.toThrow('gone');", "expect(load()).resolves.not.toBe(2);", "assert(load()).resolves.toBe(1);"].map((statement) =>
        floating(ASSERTIONS, statement, { awaitable: true }),
      ),
    },
    {
      name: "instanceof Promise guards: inside the guarded branch, after a guard that throws or returns otherwise",
      code: NARROWED,
      errors: [
        floating(NARROWED, "err.finally(retry);"),
        floating(NARROWED, "res.then(done);"),
        floating(NARROWED, "value.then(done);"),
      ],
    },
    {
      name: "then without a rejection handler, finally, catch without a handler",
      code: lines(
        "async function run() {",
        "  fetch('/').then(() => {});",
        "  fetch('/').finally(() => {});",
        "  fetch('/').catch();",
        "  fetch('/').then(() => {}).finally(() => {});",
        "}",
      ),
      errors: [
        {
          messageId: "floatingVoid",
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 29,
          suggestions: suggestionsFor(
            lines(
              "async function run() {",
              "  fetch('/').then(() => {});",
              "  fetch('/').finally(() => {});",
              "  fetch('/').catch();",
              "  fetch('/').then(() => {}).finally(() => {});",
              "}",
            ),
            "fetch('/').then(() => {});",
            { awaitable: true },
          ),
        },
        {
          messageId: "floatingVoid",
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 32,
          suggestions: 3,
        },
        { messageId: "floatingVoid", line: 4, column: 3, endLine: 4, endColumn: 22, suggestions: 3 },
        { messageId: "floatingVoid", line: 5, column: 3, endLine: 5, endColumn: 47, suggestions: 3 },
      ],
    },
    {
      name: "a rejection handler that is not a function",
      code: lines("fetch('/').catch(null);", "fetch('/').then(() => {}, undefined);", "fetch('/').catch(3);"),
      errors: [
        { messageId: "floatingUselessRejectionHandlerVoid", line: 1, column: 1, endLine: 1, endColumn: 24, suggestions: 2 },
        { messageId: "floatingUselessRejectionHandlerVoid", line: 2, column: 1, endLine: 2, endColumn: 38, suggestions: 2 },
        { messageId: "floatingUselessRejectionHandlerVoid", line: 3, column: 1, endLine: 3, endColumn: 21, suggestions: 2 },
      ],
    },
    {
      name: "ternary, logical and comma expressions: .catch goes on the floating part, await/void on the whole",
      code: lines(
        "async function save() {}",
        "async function run(ok: boolean) {",
        "  ok ? save() : null;",
        "  ok && save();",
        "  (1, save());",
        "}",
      ),
      errors: [
        {
          messageId: "floatingVoid",
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 22,
          suggestions: [
            {
              messageId: "floatingFixAwait",
              output: lines("async function save() {}", "async function run(ok: boolean) {", "  await (ok ? save() : null);", "  ok && save();", "  (1, save());", "}"),
            },
            {
              messageId: "floatingFixVoid",
              output: lines("async function save() {}", "async function run(ok: boolean) {", "  void (ok ? save() : null);", "  ok && save();", "  (1, save());", "}"),
            },
            {
              messageId: "floatingFixCatch",
              output: lines(
                "async function save() {}",
                "async function run(ok: boolean) {",
                `  ok ? save().catch(${TS_HANDLER}) : null;`,
                "  ok && save();",
                "  (1, save());",
                "}",
              ),
            },
          ],
        },
        {
          messageId: "floatingVoid",
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 16,
          suggestions: [
            {
              messageId: "floatingFixAwait",
              output: lines("async function save() {}", "async function run(ok: boolean) {", "  ok ? save() : null;", "  await (ok && save());", "  (1, save());", "}"),
            },
            {
              messageId: "floatingFixVoid",
              output: lines("async function save() {}", "async function run(ok: boolean) {", "  ok ? save() : null;", "  void (ok && save());", "  (1, save());", "}"),
            },
            {
              messageId: "floatingFixCatch",
              output: lines(
                "async function save() {}",
                "async function run(ok: boolean) {",
                "  ok ? save() : null;",
                `  ok && save().catch(${TS_HANDLER});`,
                "  (1, save());",
                "}",
              ),
            },
          ],
        },
        {
          messageId: "floatingVoid",
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 15,
          suggestions: [
            {
              messageId: "floatingFixAwait",
              output: lines("async function save() {}", "async function run(ok: boolean) {", "  ok ? save() : null;", "  ok && save();", "  (1, await save());", "}"),
            },
            {
              messageId: "floatingFixVoid",
              output: lines("async function save() {}", "async function run(ok: boolean) {", "  ok ? save() : null;", "  ok && save();", "  (1, void save());", "}"),
            },
            {
              messageId: "floatingFixCatch",
              output: lines(
                "async function save() {}",
                "async function run(ok: boolean) {",
                "  ok ? save() : null;",
                "  ok && save();",
                `  (1, save().catch(${TS_HANDLER}));`,
                "}",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "parentheses where precedence needs them: `as`, `new` without arguments",
      code: lines("declare const p: unknown;", "(p as Promise<void>);", "new Promise<void>((r) => r());"),
      errors: [
        {
          messageId: "floatingVoid",
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 22,
          suggestions: [
            { messageId: "floatingFixVoid", output: lines("declare const p: unknown;", "void (p as Promise<void>);", "new Promise<void>((r) => r());") },
            {
              messageId: "floatingFixCatch",
              output: lines("declare const p: unknown;", `(p as Promise<void>).catch(${TS_HANDLER});`, "new Promise<void>((r) => r());"),
            },
          ],
        },
        {
          messageId: "floatingVoid",
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 31,
          suggestions: suggestionsFor(lines("declare const p: unknown;", "(p as Promise<void>);", "new Promise<void>((r) => r());"), "new Promise<void>((r) => r());"),
        },
      ],
    },
    {
      name: "directories merely named like fixtures still run: fixture-project/, my-fixtures/",
      filename: "tests-support/fixture-project/src/index.ts",
      code: FIXTURE_LIKE,
      errors: [floating(FIXTURE_LIKE, "save();")],
    },
    {
      name: "async IIFEs float unless ignoreIIFE",
      code: lines("(async () => {", "  await fetch('/');", "})();"),
      errors: [
        {
          messageId: "floatingVoid",
          line: 1,
          column: 1,
          endLine: 3,
          endColumn: 6,
          suggestions: [
            { messageId: "floatingFixVoid", output: lines("void (async () => {", "  await fetch('/');", "})();") },
            { messageId: "floatingFixCatch", output: lines("(async () => {", "  await fetch('/');", `})().catch(${TS_HANDLER});`) },
          ],
        },
      ],
    },
    {
      name: "ignoreVoid: false reports voided promises, also as an arrow's body",
      code: lines("async function run() {", "  void fetch('/');", "}", "const onClick = () => void fetch('/click');"),
      options: [{ ignoreVoid: false }],
      errors: [
        {
          messageId: "floating",
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 19,
          suggestions: [
            { messageId: "floatingFixAwait", output: lines("async function run() {", "  await fetch('/');", "}", "const onClick = () => void fetch('/click');") },
            {
              messageId: "floatingFixCatch",
              output: lines("async function run() {", `  void fetch('/').catch(${TS_HANDLER});`, "}", "const onClick = () => void fetch('/click');"),
            },
          ],
        },
        {
          messageId: "floating",
          line: 4,
          column: 23,
          endLine: 4,
          endColumn: 43,
          suggestions: [
            {
              messageId: "floatingFixCatch",
              output: lines("async function run() {", "  void fetch('/');", "}", `const onClick = () => void fetch('/click').catch(${TS_HANDLER});`),
            },
          ],
        },
      ],
    },
    {
      name: "arrays of promises",
      code: lines(
        "async function save(x: number) {}",
        "[save(1), save(2)];",
        "[1, 2].map(async (x) => x);",
        "Object.keys(registry).map((key) => save(key.length));",
        "const ids: number[] = [];",
        "ids.map(save);",
      ),
      errors: [
        { messageId: "floatingPromiseArrayVoid", line: 2, column: 1, endLine: 2, endColumn: 20, suggestions: [] },
        { messageId: "floatingPromiseArrayVoid", line: 3, column: 1, endLine: 3, endColumn: 28, suggestions: [] },
        { messageId: "floatingPromiseArrayVoid", line: 4, column: 1, endLine: 4, endColumn: 54, suggestions: [] },
        { messageId: "floatingPromiseArrayVoid", line: 6, column: 1, endLine: 6, endColumn: 15, suggestions: [] },
      ],
    },
    {
      name: "variables holding promises: initialised, annotated, parameters",
      code: lines("const pending = fetch('/');", "pending;", "function wait(ready: Promise<void>, later?: () => Promise<void>) {", "  ready;", "  later?.();", "}"),
      errors: [
        floating(lines("const pending = fetch('/');", "pending;", "function wait(ready: Promise<void>, later?: () => Promise<void>) {", "  ready;", "  later?.();", "}"), "pending;"),
        floating(lines("const pending = fetch('/');", "pending;", "function wait(ready: Promise<void>, later?: () => Promise<void>) {", "  ready;", "  later?.();", "}"), "ready;"),
        floating(lines("const pending = fetch('/');", "pending;", "function wait(ready: Promise<void>, later?: () => Promise<void>) {", "  ready;", "  later?.();", "}"), "later?.();"),
      ],
    },
    {
      name: "checkThenables counts PromiseLike",
      code: lines("declare function connect(): PromiseLike<void>;", "connect();"),
      options: [{ checkThenables: true }],
      errors: [floating(lines("declare function connect(): PromiseLike<void>;", "connect();"), "connect();")],
    },
    {
      name: "JavaScript: the .catch handler has no type annotation; a .js file in a `type: module` package is an ES module",
      code: lines("async function save() {}", "save();"),
      filename: "file.js",
      errors: [floating(lines("async function save() {}", "save();"), "save();", { awaitable: true, handler: JS_HANDLER })],
    },
    {
      name: "CommonJS: require forms, no top-level await",
      code: lines(
        'const fs = require("node:fs");',
        'const { readFile } = require("fs/promises");',
        'require("node:fs").promises.stat("a");',
        'fs.promises.readFile("a");',
        'readFile("a");',
      ),
      ...commonJs,
      errors: [
        'require("node:fs").promises.stat("a");',
        'fs.promises.readFile("a");',
        'readFile("a");',
      ].map((statement) =>
        floating(
          lines('const fs = require("node:fs");', 'const { readFile } = require("fs/promises");', 'require("node:fs").promises.stat("a");', 'fs.promises.readFile("a");', 'readFile("a");'),
          statement,
          { handler: JS_HANDLER },
        ),
      ),
    },
    {
      name: "an .mjs module allows top-level await",
      code: lines('import { readFile } from "node:fs/promises";', 'readFile("a");'),
      filename: "file.mjs",
      errors: [floating(lines('import { readFile } from "node:fs/promises";', 'readFile("a");'), 'readFile("a");', { awaitable: true, handler: JS_HANDLER })],
    },
    {
      name: "a TypeScript file without import/export is not a module: no top-level await",
      code: lines("async function save() {}", "save();"),
      errors: [floating(lines("async function save() {}", "save();"), "save();")],
    },
    {
      name: "imports from other project modules: named, renamed re-export, default, namespace, re-exports, export *",
      code: lines(
        'import main, { save as persist, load, remove, purge, helper, starred } from "./repo.js";',
        'import * as repo from "./repo";',
        "export async function run() {",
        "  persist(1);",
        "  load();",
        "  remove('x');",
        "  purge();",
        "  helper();",
        "  starred();",
        "  main();",
        "  repo.save(1);",
        "  (await import('./repo.js')).load();",
        "}",
      ),
      filename: project("src/main.ts"),
      errors: [4, 5, 6, 7, 8, 9, 10, 11, 12].map((line) => ({ messageId: "floatingVoid" as const, line, suggestions: 3 })),
    },
    {
      name: "methods of imported classes: new, const/let instances, annotated parameters, fields, statics, inherited, re-exported",
      code: IMPORTED_CLASSES,
      filename: project("src/main.ts"),
      errors: [
        floating(IMPORTED_CLASSES, "api.write('x');", { awaitable: true }),
        floating(IMPORTED_CLASSES, "api.writeln('x');", { awaitable: true }),
        floating(IMPORTED_CLASSES, "api.sleep(1);", { awaitable: true }),
        floating(IMPORTED_CLASSES, "api.onAbort();", { awaitable: true }),
        floating(IMPORTED_CLASSES, "new StreamingApi().write('y');", { awaitable: true }),
        floating(IMPORTED_CLASSES, "later.write('z');", { awaitable: true }),
        floating(IMPORTED_CLASSES, "param.write('p');", { awaitable: true }),
        floating(IMPORTED_CLASSES, "maybe!.writeln('m');", { awaitable: true }),
        floating(IMPORTED_CLASSES, "StreamingApi.open();", { awaitable: true }),
        floating(IMPORTED_CLASSES, "new Anonymous().send();", { awaitable: true }),
        floating(IMPORTED_CLASSES, "new streams.StreamingApi().write('n');", { awaitable: true }),
        floating(IMPORTED_CLASSES, "sse.writeSSE('e');", { awaitable: true }),
        floating(IMPORTED_CLASSES, "sse.writeln('inherited');", { awaitable: true }),
        floating(IMPORTED_CLASSES, "this.api.write('a');"),
        floating(IMPORTED_CLASSES, "this.other.writeln('b');"),
        floating(IMPORTED_CLASSES, "this.writeln('c');"),
        floating(IMPORTED_CLASSES, "super.write('d');"),
      ],
    },
    {
      name: "CommonJS project modules: destructured require, whole-module function, member of require()",
      code: lines(
        'const { query, connect } = require("./db.cjs");',
        'const job = require("./job.cjs");',
        'const db = require("./db.cjs");',
        "query();",
        "connect();",
        "job();",
        "db.query();",
        'require("./db.cjs").connect();',
      ),
      filename: project("src/main.cjs"),
      languageOptions: commonJs.languageOptions,
      errors: [4, 5, 6, 7, 8].map((line) => ({ messageId: "floatingVoid" as const, line, suggestions: 2 })),
    },
  ],
});

typedRuleTester().run("no-floating-promise (typed)", rule, {
  valid: [
    {
      name: "methods whose result is not a promise",
      code: lines('import { Repository } from "./repo";', "const repo = new Repository();", "repo.size();"),
    },
    {
      name: "node:test calls are known safe",
      code: lines('import { describe, it } from "node:test";', "describe('x', () => {", "  it('y', async () => {});", "});"),
    },
    {
      name: "allowForKnownSafePromises matches the type",
      code: lines("type SafePromise<T> = Promise<T> & { readonly safe?: true };", "declare function track(): SafePromise<void>;", "track();"),
      options: [{ allowForKnownSafePromises: [{ from: "file", name: "SafePromise" }] }],
    },
    {
      name: "allowForKnownSafeCalls from a package, by import",
      code: lines('import { mock } from "node:test";', "declare const later: () => Promise<void>;", "later();"),
      options: [{ allowForKnownSafeCalls: ["later"] }],
    },
    {
      name: "a thenable without checkThenables",
      code: lines("declare function connect(): PromiseLike<void>;", "connect();"),
    },
    {
      name: "typed: a method of an imported class that keeps its errors inside",
      code: lines('import { Repository } from "./repo";', "const repo = new Repository();", "repo.close();"),
    },
    {
      name: "typed: popping a [type, promise] tuple off a stack, splicing a mixed array",
      code: lines(
        "declare const stack: [number, Promise<void>][];",
        "declare const children: (string | Promise<string>)[];",
        "stack.pop();",
        "children.splice(0, 1, 'x');",
      ),
    },
    {
      name: "typed: Object.assign onto a promise returns the same promise, used later",
      code: lines("export function classOf(name: string) {", "  const promise = Promise.resolve(name);", "  Object.assign(promise, { name });", "  return promise;", "}"),
    },
    {
      name: "typed: a resolve captured from a Promise executor is a function, whatever its declared type",
      code: lines(
        "export function track(callback: () => unknown): Promise<void> {",
        "  let resolve: (() => void) | undefined;",
        "  const done = new Promise<void>((r) => (resolve = r));",
        "  const result = callback();",
        "  if (result instanceof Promise) result.then(resolve, resolve);",
        "  return done;",
        "}",
      ),
    },
  ],
  invalid: [
    {
      name: "a method of an imported class instance: only the checker knows",
      code: lines('import { Repository, createRepository } from "./repo";', "const repo = new Repository();", "repo.save({ id: 'a' });", "createRepository().load('a');"),
      errors: [
        floating(
          lines('import { Repository, createRepository } from "./repo";', "const repo = new Repository();", "repo.save({ id: 'a' });", "createRepository().load('a');"),
          "repo.save({ id: 'a' });",
          { awaitable: true },
        ),
        floating(
          lines('import { Repository, createRepository } from "./repo";', "const repo = new Repository();", "repo.save({ id: 'a' });", "createRepository().load('a');"),
          "createRepository().load('a');",
          { awaitable: true },
        ),
      ],
    },
    {
      name: "a union with a promise member",
      code: lines("declare const maybe: Promise<number> | number;", "maybe;"),
      errors: [floating(lines("declare const maybe: Promise<number> | number;", "maybe;"), "maybe;")],
    },
    {
      name: "checkThenables: a custom thenable with a rejection callback",
      code: lines(
        "interface Deferred { then(onFulfilled: () => void, onRejected: (error: unknown) => void): Deferred }",
        "declare function defer(): Deferred;",
        "defer();",
      ),
      options: [{ checkThenables: true }],
      errors: [
        floating(
          lines(
            "interface Deferred { then(onFulfilled: () => void, onRejected: (error: unknown) => void): Deferred }",
            "declare function defer(): Deferred;",
            "defer();",
          ),
          "defer();",
        ),
      ],
    },
    {
      name: "a rejection handler whose type is not callable",
      code: lines("declare const handler: string | (() => void);", "Promise.reject(new Error('x')).catch(handler);"),
      errors: [{ messageId: "floatingUselessRejectionHandlerVoid", line: 2, column: 1, endLine: 2, endColumn: 47, suggestions: 2 }],
    },
    {
      name: "an array of promises from an unknown receiver's map",
      code: lines("declare const ids: readonly number[];", "ids.map(async (id) => id);"),
      errors: [{ messageId: "floatingPromiseArrayVoid", line: 2, column: 1, endLine: 2, endColumn: 27, suggestions: [] }],
    },
    {
      name: "an .mts module allows top-level await (tsconfig module: esnext)",
      code: lines("declare const later: () => Promise<void>;", "later();"),
      filename: "file.mts",
      errors: [floating(lines("declare const later: () => Promise<void>;", "later();"), "later();", { awaitable: true })],
    },
    {
      name: "a CommonJS TypeScript file (.cts) gets no top-level await suggestion",
      code: lines("declare const later: () => Promise<void>;", "later();"),
      filename: "file.cts",
      errors: [floating(lines("declare const later: () => Promise<void>;", "later();"), "later();")],
    },
  ],
});
