import path from "node:path";
import rule from "../../../rules/typescript/no-dangling-task.js";
import { clearOverlays, setOverlay } from "../../../rules/typescript/promise-detection.js";
import { commonJs, lines, typescriptRuleTester } from "./rule-tester.js";
import { fixtureProjectRoot, typedRuleTester } from "./typed-rule-tester.js";

const SAVE = "async function save(x: unknown): Promise<void> { await fetch(String(x), { signal: AbortSignal.timeout(1000) }); }";

/** A project module with a class, for methods of imported classes (untyped: read from its declarations). */
const projectRoot = path.resolve("/virtual-dangling-project");
const project = (file: string): string => path.join(projectRoot, file);

beforeAll(() => {
  setOverlay(
    project("src/stream.ts"),
    lines("export class StreamingApi {", "  async write(input: string): Promise<void> {}", "  size(): number { return 0; }", "}"),
  );
});

afterAll(() => clearOverlays());

typescriptRuleTester().run("no-dangling-task", rule, {
  valid: [
    {
      name: "async Promise executors whose awaits are all inside a try … catch that does not rethrow",
      code: lines(
        "declare function load(name: string): Promise<unknown>;",
        "export const ready = new Promise<void>(async (resolve, reject) => {",
        "  try {",
        "    await load('a');",
        "    resolve();",
        "  } catch (error) {",
        "    reject(error);",
        "  }",
        "});",
        "export const fallback = new Promise<void>(async (resolve) => {",
        "  for (const name of ['a', 'b']) {",
        "    try {",
        "      await load(name);",
        "      break;",
        "    } catch {}",
        "  }",
        "  resolve();",
        "});",
      ),
    },
    {
      name: "promises awaited, returned, passed on, stored, or read later in any way",
      code: lines(
        SAVE,
        "declare function track(p: Promise<void>): void;",
        "const pending = new Set<Promise<void>>();",
        "export async function f(state: { job?: Promise<void> }) {",
        "  const a = save(1);",
        "  const b = save(2);",
        "  const c = save(3);",
        "  const d = save(4);",
        "  const e = save(5);",
        "  const g = save(6);",
        "  track(b);",
        "  pending.add(c);",
        "  state.job = d;",
        "  e.catch(() => {});",
        "  const handled = save(8).catch(() => {});",
        "  const handledToo = save(9).then(() => 1, () => 2);",
        "  const later = [g];",
        "  await Promise.all(later);",
        "  await a;",
        "  const h = save(7);",
        "  return h;",
        "}",
      ),
    },
    {
      name: "values that are not promises, unknown callees, exported bindings, type-only reads",
      code: lines(
        SAVE,
        "declare const repo: { save(x: unknown): unknown };",
        "export const started = save(0);",
        "export function f() {",
        "  const timer = setTimeout(() => {}, 10);",
        "  const result = repo.save(1);",
        "  const n = 1;",
        "}",
      ),
    },
    {
      name: "forEach with sync callbacks, and forEach on a callback that is not known to be async",
      code: lines(
        "declare function log(x: unknown): void;",
        "declare const handlers: { run(x: unknown): unknown };",
        "export function f(items: string[]) {",
        "  items.forEach((item) => log(item));",
        "  items.forEach(function (item) { log(this); }, {});",
        "  items.forEach(handlers.run);",
        "  items.forEach(async function* (item) { yield item; });",
        "}",
      ),
    },
    {
      name: "scheduled callbacks that handle their own rejections, or are not async; local setTimeout",
      code: lines(
        SAVE,
        "export function f(setImmediate: (cb: () => unknown) => void) {",
        "  setTimeout(async () => {",
        "    try {",
        "      await save(1);",
        "    } catch (error) {",
        "      console.error(error);",
        "    }",
        "  }, 100);",
        "  setInterval(() => save(2).catch(console.error), 1000);",
        "  setTimeout(() => save(3).then(() => {}, console.error), 10);",
        "  queueMicrotask(() => void save(4));",
        "  setTimeout(() => console.log('tick'), 10);",
        "  setImmediate(async () => save(5));",
        "  setTimeout(() => cleanup('dir'), 0);",
        "  setTimeout(cleanup, 0);",
        "}",
        "async function cleanup(dir: string) {",
        "  try { await save(dir); } catch (error) { console.error(error); }",
        "}",
      ),
    },
    {
      name: "event listeners are not reported (see the docs)",
      code: lines(
        SAVE,
        "declare const emitter: { on(event: string, cb: (x: unknown) => unknown): void };",
        "declare const app: { get(path: string, cb: (req: unknown) => unknown): void };",
        "emitter.on('data', async (x) => { await save(x); });",
        "app.get('/', async (req) => { await save(req); });",
        "globalThis.addEventListener?.('message', async (event) => { await save(event); });",
      ),
    },
    {
      name: "new Promise with a sync executor, and a local Promise class",
      code: lines(
        SAVE,
        "export const a = new Promise((resolve) => setTimeout(resolve, 10));",
        "export function g(Promise: new (executor: () => unknown) => unknown) { return new Promise(async () => save(1)); }",
      ),
    },
    {
      name: "script globals are not locals",
      ...commonJs,
      languageOptions: { sourceType: "script", parserOptions: { sourceType: "script" } },
      code: lines("async function warm() {}", "var warming = warm();"),
    },
  ],
  invalid: [
    // ---------------------------------------------------------------- unread bindings
    {
      name: "a promise bound to a local never read: await suggestion in an async function",
      code: lines(SAVE, "export async function f() {", "  const pending = save(1);", "  return 1;", "}"),
      errors: [
        {
          messageId: "unreadPromise",
          data: { name: "save()", variable: "pending" },
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 26,
          suggestions: [
            {
              messageId: "awaitBinding",
              data: { variable: "pending" },
              output: lines(SAVE, "export async function f() {", "  await save(1);", "  return 1;", "}"),
            },
          ],
        },
      ],
    },
    {
      name: "fetch and a .then chain bound and dropped; in a sync function: no suggestion; module level in ESM",
      code: lines(
        "let warmed = fetch('/warm', { signal: AbortSignal.timeout(100) });",
        "export function f(url: string) {",
        "  const response = fetch(url, { signal: AbortSignal.timeout(100) }).then((r) => r.json());",
        "}",
        "export {};",
      ),
      errors: [
        { messageId: "unreadPromise", data: { name: "fetch()", variable: "warmed" }, line: 1, column: 5, endLine: 1, endColumn: 66, suggestions: [] },
        { messageId: "unreadPromise", line: 3, column: 9, endLine: 3, endColumn: 90, suggestions: [] },
      ],
    },
    {
      name: "a binding that is only written again (no suggestion), and an unread one next to it",
      code: lines(SAVE, "export async function f() {", "  let job = save(1);", "  job = save(2);", "  const other = save(3);", "  let copy: string;", "}"),
      errors: [
        { messageId: "unreadPromise", line: 3, column: 7, endLine: 3, endColumn: 20, suggestions: [] },
        {
          messageId: "unreadPromise",
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 24,
          suggestions: [
            {
              messageId: "awaitBinding",
              output: lines(SAVE, "export async function f() {", "  let job = save(1);", "  job = save(2);", "  await save(3);", "  let copy: string;", "}"),
            },
          ],
        },
      ],
    },

    {
      name: "the promise of a method of a class imported from a project module, bound and never read",
      code: lines('import { StreamingApi } from "./stream";', "export function f(api: StreamingApi) {", "  const written = api.write('x');", "  const size = api.size();", "}"),
      filename: project("src/main.ts"),
      errors: [{ messageId: "unreadPromise", data: { name: "api.write()", variable: "written" }, line: 3, column: 9, endLine: 3, endColumn: 33, suggestions: [] }],
    },

    // ---------------------------------------------------------------- forEach
    {
      name: "forEach(async …): for…of suggestion, block body",
      code: lines(SAVE, "export async function f(items: string[]) {", "  items.forEach(async (item: string) => {", "    await save(item);", "  });", "}"),
      errors: [
        {
          messageId: "asyncForEach",
          data: { method: "forEach" },
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 16,
          suggestions: [
            {
              messageId: "useForOf",
              output: lines(SAVE, "export async function f(items: string[]) {", "  for (const item of items) {", "    await save(item);", "  }", "}"),
            },
          ],
        },
      ],
    },
    {
      name: "forEach with an expression body, a destructured and a reassigned parameter",
      code: lines(
        SAVE,
        "export async function f(rows: { id: string }[], names: string[]) {",
        "  rows.forEach(({ id }) => save(id));",
        "  names.forEach(async (name) => { name = name.trim(); await save(name); });",
        "}",
      ),
      errors: [
        {
          messageId: "asyncForEach",
          line: 3,
          column: 8,
          endLine: 3,
          endColumn: 15,
          suggestions: [
            {
              messageId: "useForOf",
              output: lines(
                SAVE,
                "export async function f(rows: { id: string }[], names: string[]) {",
                "  for (const { id } of rows) await save(id);",
                "  names.forEach(async (name) => { name = name.trim(); await save(name); });",
                "}",
              ),
            },
          ],
        },
        {
          messageId: "asyncForEach",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 16,
          suggestions: [
            {
              messageId: "useForOf",
              output: lines(
                SAVE,
                "export async function f(rows: { id: string }[], names: string[]) {",
                "  rows.forEach(({ id }) => save(id));",
                "  for (let name of names) { name = name.trim(); await save(name); }",
                "}",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "forEach(async …) without a safe rewrite: index used, return inside, a Map, outside async, result used, named callback, TDZ",
      code: lines(
        SAVE,
        "async function each(x: unknown) { await save(x); }",
        "export async function f(items: string[], byId: Map<string, string>, node: { children: { children: unknown[] }[] }) {",
        "  items.forEach(async (item, index) => { await save(index); });",
        "  items.forEach(async (item) => { if (!item) return; await save(item); });",
        "  byId.forEach(async (value) => { await save(value); });",
        "  items.forEach(each);",
        "  node.children.forEach(async (node) => { await save(node); });",
        "}",
        "export function g(items: string[]) {",
        "  items.forEach(async (item) => { await save(item); });",
        "}",
      ),
      errors: [
        { messageId: "asyncForEach", line: 4, column: 9, endLine: 4, endColumn: 16, suggestions: [] },
        { messageId: "asyncForEach", line: 5, column: 9, endLine: 5, endColumn: 16, suggestions: [] },
        { messageId: "asyncForEach", line: 6, column: 8, endLine: 6, endColumn: 15, suggestions: [] },
        { messageId: "asyncForEach", line: 7, column: 9, endLine: 7, endColumn: 16, suggestions: [] },
        { messageId: "asyncForEach", line: 8, column: 17, endLine: 8, endColumn: 24, suggestions: [] },
        { messageId: "asyncForEach", line: 11, column: 9, endLine: 11, endColumn: 16, suggestions: [] },
      ],
    },

    // ---------------------------------------------------------------- schedulers
    {
      name: "setTimeout(async …): try/catch suggestion, re-indented",
      code: lines(SAVE, "export function f() {", "  setTimeout(async () => {", "    await save(1);", "    await save(2);", "  }, 1000);", "}"),
      errors: [
        {
          messageId: "asyncSchedulerCallback",
          data: { name: "setTimeout", overlap: "" },
          line: 3,
          column: 14,
          endLine: 6,
          endColumn: 4,
          suggestions: [
            {
              messageId: "catchErrors",
              output: lines(
                SAVE,
                "export function f() {",
                "  setTimeout(async () => {",
                "    try {",
                "      await save(1);",
                "      await save(2);",
                "    } catch (error) {",
                "      console.error(error);",
                "    }",
                "  }, 1000);",
                "}",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "setInterval mentions overlapping runs; expression bodies; process.nextTick; node:timers; a name taken",
      code: lines(
        SAVE,
        'import { setImmediate as later } from "node:timers";',
        "export function f(error: unknown) {",
        "  setInterval(async () => save(error), 60_000);",
        "  process.nextTick(async () => { await save(1); });",
        "  later(() => save(2));",
        "}",
      ),
      errors: [
        {
          messageId: "asyncSchedulerCallback",
          data: { name: "setInterval", overlap: ", and a run slower than the interval overlaps the next one" },
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 38,
          suggestions: [
            {
              messageId: "catchErrors",
              output: lines(
                SAVE,
                'import { setImmediate as later } from "node:timers";',
                "export function f(error: unknown) {",
                "  setInterval(async () => {",
                "    try {",
                "      await save(error);",
                "    } catch (err) {",
                "      console.error(err);",
                "    }",
                "  }, 60_000);",
                "  process.nextTick(async () => { await save(1); });",
                "  later(() => save(2));",
                "}",
              ),
            },
          ],
        },
        {
          messageId: "asyncSchedulerCallback",
          data: { name: "process.nextTick", overlap: "" },
          line: 5,
          column: 20,
          endLine: 5,
          endColumn: 50,
          suggestions: [
            {
              messageId: "catchErrors",
              output: lines(
                SAVE,
                'import { setImmediate as later } from "node:timers";',
                "export function f(error: unknown) {",
                "  setInterval(async () => save(error), 60_000);",
                "  process.nextTick(async () => {",
                "    try {",
                "      await save(1);",
                "    } catch (error) {",
                "      console.error(error);",
                "    }",
                "  });",
                "  later(() => save(2));",
                "}",
              ),
            },
          ],
        },
        { messageId: "asyncSchedulerCallback", data: { name: "setImmediate", overlap: "" }, line: 6, column: 9, endLine: 6, endColumn: 22, suggestions: [] },
      ],
    },

    // ---------------------------------------------------------------- new Promise(async …)
    {
      name: "an async executor whose catch rethrows, or that awaits outside the try",
      code: lines(
        "declare function load(name: string): Promise<unknown>;",
        "export const a = new Promise<void>(async (resolve) => {",
        "  try { await load('a'); resolve(); } catch (error) { throw error; }",
        "});",
        "export const b = new Promise<unknown>(async (resolve, reject) => {",
        "  const lib = await load('zlib');",
        "  try { resolve(await load(String(lib))); } catch (error) { reject(error); }",
        "});",
      ),
      errors: [
        { messageId: "asyncPromiseExecutor", line: 2, suggestions: [] },
        { messageId: "asyncPromiseExecutor", line: 5, suggestions: [] },
      ],
    },
    {
      name: "async Promise executors: with an await no suggestion, without one remove async",
      code: lines(
        SAVE,
        "export const a = new Promise<void>(async (resolve, reject) => {",
        "  await save(1);",
        "  resolve();",
        "});",
        "export const b = new Promise(async function (resolve) { resolve(1); });",
      ),
      errors: [
        { messageId: "asyncPromiseExecutor", line: 2, column: 36, endLine: 5, endColumn: 2, suggestions: [] },
        {
          messageId: "asyncPromiseExecutor",
          line: 6,
          column: 30,
          endLine: 6,
          endColumn: 70,
          suggestions: [
            {
              messageId: "removeAsync",
              output: lines(
                SAVE,
                "export const a = new Promise<void>(async (resolve, reject) => {",
                "  await save(1);",
                "  resolve();",
                "});",
                "export const b = new Promise(function (resolve) { resolve(1); });",
              ),
            },
          ],
        },
      ],
    },

    // ---------------------------------------------------------------- CommonJS
    {
      name: "CommonJS: a required async function, forEach and setTimeout in a handler",
      ...commonJs,
      code: lines(
        'const { readFile } = require("node:fs/promises");',
        "module.exports = async function load(paths) {",
        "  const first = readFile(paths[0]);",
        "  paths.forEach(async (p) => { await readFile(p); });",
        "};",
      ),
      errors: [
        {
          messageId: "unreadPromise",
          data: { name: "readFile()", variable: "first" },
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 35,
          suggestions: [
            {
              messageId: "awaitBinding",
              output: lines(
                'const { readFile } = require("node:fs/promises");',
                "module.exports = async function load(paths) {",
                "  await readFile(paths[0]);",
                "  paths.forEach(async (p) => { await readFile(p); });",
                "};",
              ),
            },
          ],
        },
        {
          messageId: "asyncForEach",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 16,
          suggestions: [
            {
              messageId: "useForOf",
              output: lines(
                'const { readFile } = require("node:fs/promises");',
                "module.exports = async function load(paths) {",
                "  const first = readFile(paths[0]);",
                "  for (const p of paths) { await readFile(p); }",
                "};",
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
const typedFile = path.join(fixtureProjectRoot, "file.ts");

typed.run("no-dangling-task (typed)", rule, {
  valid: [
    {
      name: "typed: a method returning a number is not a promise",
      filename: typedFile,
      code: lines('import { createRepository } from "./repo";', "export function f() { const size = createRepository().size(); }"),
    },
  ],
  invalid: [
    {
      name: "typed: a promise known only through the type of a method",
      filename: typedFile,
      code: lines(
        'import type { Repository } from "./repo";',
        "export function f(repo: Repository, ids: string[]) {",
        "  const loading = repo.load('a');",
        "  ids.forEach((id) => repo.save({ id }));",
        "}",
      ),
      errors: [
        { messageId: "unreadPromise", data: { name: "repo.load()", variable: "loading" }, line: 3, column: 9, endLine: 3, endColumn: 33, suggestions: [] },
        { messageId: "asyncForEach", line: 4, column: 7, endLine: 4, endColumn: 14, suggestions: [] },
      ],
    },
  ],
});
