import rule from "../../../rules/typescript/no-blocking-sleep.js";
import { commonJs, lines, typescriptRuleTester } from "./rule-tester.js";

const IMPORT = 'import { setTimeout } from "node:timers/promises";';
const IMPORT_AS_SLEEP = 'import { setTimeout as sleep } from "node:timers/promises";';
const REQUIRE = 'const { setTimeout } = require("node:timers/promises");';

typescriptRuleTester().run("no-blocking-sleep", rule, {
  valid: [
    {
      name: "sync function: blocking is its caller's business",
      code: lines(
        'import { execSync } from "node:child_process";',
        "function pause(ia: Int32Array, end: number) {",
        '  execSync("sleep 1");',
        "  Atomics.wait(ia, 0, 0, 10);",
        "  while (Date.now() < end) {}",
        "}",
      ),
    },
    {
      name: "module top level",
      code: lines(
        'const { execSync } = require("child_process");',
        'execSync("sleep 1");',
        "Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);",
        "const end = Date.now() + 100;",
        "while (Date.now() < end) {}",
      ),
    },
    {
      name: "nested sync function inside an async function (may run in a worker)",
      code: lines(
        "async function run(pool) {",
        "  function block(ia) { Atomics.wait(ia, 0, 0, 10); }",
        "  await pool.exec(block);",
        "}",
      ),
    },
    {
      name: "non-async arrow and function expression inside an async function",
      code: lines(
        'import { execSync } from "child_process";',
        "async function run(pool, end) {",
        '  await pool.exec(() => execSync("sleep 1"));',
        "  const spin = function () { while (Date.now() < end) {} };",
        "  return spin;",
        "}",
      ),
    },
    {
      name: "Atomics.waitAsync is the non-blocking API",
      code: "async function f(ia: Int32Array) { await Atomics.waitAsync(ia, 0, 0, 10).value; }",
    },
    {
      name: "loops that await inside their body or condition",
      code: lines(
        "async function poll(end: number, tick: () => Promise<void>, deadline: () => Promise<number>) {",
        "  while (Date.now() < end) { await tick(); }",
        "  do { await tick(); } while (performance.now() < end);",
        "  while (Date.now() < (await deadline())) {}",
        "  for (let i = 0; Date.now() < end; i++) { for await (const x of source()) {} }",
        "}",
      ),
    },
    {
      name: "loops that break, call out or do work until a deadline are not sleeps",
      code: lines(
        "async function work(end, queue) {",
        "  let n = 0;",
        "  while (Date.now() < end) { n++; if (n > 10) break; }",
        "  while (Date.now() < end) { queue.process(); }",
        "  while (Date.now() < end) { break; }",
        "  for (; Date.now() < end; queue.next()) {}",
        "}",
      ),
    },
    {
      name: "conditions that are not a wait for a deadline",
      code: lines(
        "async function f(end, start, items) {",
        "  while (Date.now() > end) {}",
        "  while (start - Date.now() < 100) {}",
        "  while (items.length < 10) {}",
        "  while (new Date(start).getTime() < end) {}",
        "  while (Math.floor(Date.now() / 1000) < end) {}",
        "  for (;;) { if (Date.now() >= end) break; }",
        "}",
      ),
    },
    {
      name: "local bindings shadow the globals",
      code: lines(
        "const Atomics = { wait: (..._args: unknown[]) => 'ok' };",
        "async function f(Date: { now(): number }, performance: { now(): number }, end: number) {",
        "  Atomics.wait(null, 0, 0, 10);",
        "  while (Date.now() < end) {}",
        "  while (performance.now() < end) {}",
        "}",
      ),
    },
    {
      name: "a parameter named execSync, and execSync not from child_process",
      code: lines(
        'import { execSync } from "node:child_process";',
        'import { execSync as run } from "./shell";',
        'async function f(execSync: (command: string) => void) { execSync("sleep 1"); }',
        'async function g() { run("sleep 1"); }',
        'async function h() { globalThis.execSync("sleep 1"); }',
      ),
    },
    {
      name: "reassigned bindings are not followed",
      code: lines(
        'import { execSync } from "child_process";',
        "let sh = execSync;",
        "sh = (command) => command;",
        'async function f() { sh("sleep 1"); }',
      ),
    },
    {
      name: "child_process calls that are not a sleep",
      code: lines(
        'import { exec, execSync, spawnSync } from "child_process";',
        "async function f(command: string) {",
        '  execSync("ls -la");',
        "  execSync(command);",
        '  execSync("sleepy 1");',
        '  execSync("sleep");',
        '  spawnSync("sleep");',
        '  spawnSync("sleep", []);',
        '  spawnSync("echo", ["sleep", "1"]);',
        '  exec("sleep 1", () => {});',
        "}",
      ),
    },
    {
      name: "type-only imports are not values",
      code: lines('import type * as cp from "child_process";', 'async function f() { cp.execSync("sleep 1"); }'),
    },
    {
      name: "class field initialisers and static blocks are not the async function's body",
      code: lines(
        'import { execSync } from "child_process";',
        "async function f(ia) {",
        "  class A {",
        "    static { Atomics.wait(ia, 0, 0, 1); }",
        '    x = execSync("sleep 1");',
        "  }",
        "  return new A();",
        "}",
      ),
    },
    {
      name: "CommonJS: sync code and the right async code",
      ...commonJs,
      code: lines(
        '"use strict";',
        'const { setTimeout: sleep } = require("node:timers/promises");',
        'const { execSync } = require("node:child_process");',
        'function pause() { execSync("sleep 1"); }',
        "module.exports = async function wait() { await sleep(1000); };",
      ),
    },
  ],
  invalid: [
    // ---------------------------------------------------------------- Atomics.wait
    {
      name: "Atomics.wait on a private buffer: sleep suggestion adds the import",
      code: lines(
        "export async function pause(ms: number): Promise<void> {",
        "  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);",
        "}",
      ),
      errors: [
        {
          messageId: "blockingWait",
          data: { name: "Atomics.wait", alternative: "Atomics.waitAsync" },
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 67,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              data: { callee: "setTimeout", delay: "ms" },
              output: lines(IMPORT, "export async function pause(ms: number): Promise<void> {", "  await setTimeout(ms);", "}"),
            },
          ],
        },
      ],
    },
    {
      name: "Atomics.wait on private variables, in an async arrow",
      code: lines(
        "const pause = async (ms) => {",
        "  const sab = new SharedArrayBuffer(4);",
        "  const ia = new Int32Array(sab);",
        "  Atomics.wait(ia, 0, 0, ms * 2);",
        "};",
      ),
      errors: [
        {
          messageId: "blockingWait",
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 33,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              output: lines(
                IMPORT,
                "const pause = async (ms) => {",
                "  const sab = new SharedArrayBuffer(4);",
                "  const ia = new Int32Array(sab);",
                "  await setTimeout(ms * 2);",
                "};",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "Atomics.wait on a shared array (another thread may notify it): report without suggestion",
      code: lines(
        "const shared = new Int32Array(new SharedArrayBuffer(4));",
        "worker.postMessage(shared);",
        "async function waitForWorker(ia: Int32Array) {",
        "  Atomics.wait(ia, 0, 0, 1000);",
        "  Atomics.wait(shared, 0, 0, 1000);",
        "}",
      ),
      errors: [
        { messageId: "blockingWait", line: 4, column: 3, endLine: 4, endColumn: 31, suggestions: [] },
        { messageId: "blockingWait", line: 5, column: 3, endLine: 5, endColumn: 35, suggestions: [] },
      ],
    },
    {
      name: "Atomics.wait with its result used, without a timeout, or with Infinity: no suggestion",
      code: lines(
        "async function f() {",
        "  const result = Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);",
        "  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);",
        "  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Infinity);",
        "  return result;",
        "}",
      ),
      errors: [
        { messageId: "blockingWait", line: 2, column: 18, endLine: 2, endColumn: 82, suggestions: [] },
        { messageId: "blockingWait", line: 3, column: 3, endLine: 3, endColumn: 63, suggestions: [] },
        { messageId: "blockingWait", line: 4, column: 3, endLine: 4, endColumn: 73, suggestions: [] },
      ],
    },
    {
      name: "globalThis.Atomics.wait and Atomics['wait'] in async methods",
      code: lines(
        "class Pauser {",
        "  async pause() {",
        "    globalThis.Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);",
        "  }",
        "}",
        "const pauser = {",
        "  async pause() {",
        '    Atomics["wait"](new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);',
        "  },",
        "};",
      ),
      errors: [
        {
          messageId: "blockingWait",
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 79,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              output: lines(
                IMPORT,
                "class Pauser {",
                "  async pause() {",
                "    await setTimeout(5);",
                "  }",
                "}",
                "const pauser = {",
                "  async pause() {",
                '    Atomics["wait"](new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);',
                "  },",
                "};",
              ),
            },
          ],
        },
        {
          messageId: "blockingWait",
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 71,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              output: lines(
                IMPORT,
                "class Pauser {",
                "  async pause() {",
                "    globalThis.Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);",
                "  }",
                "}",
                "const pauser = {",
                "  async pause() {",
                "    await setTimeout(5);",
                "  },",
                "};",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "an async function nested in a sync one nested in an async one: the nearest function decides",
      code: lines(
        "async function outer() {",
        "  function middle() {",
        "    return async function inner() {",
        "      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);",
        "    };",
        "  }",
        "  return middle;",
        "}",
      ),
      errors: [
        {
          messageId: "blockingWait",
          line: 4,
         column: 7,
         endLine: 4,
         endColumn: 70,
          column: 7,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              output: lines(
                IMPORT,
                "async function outer() {",
                "  function middle() {",
                "    return async function inner() {",
                "      await setTimeout(1);",
                "    };",
                "  }",
                "  return middle;",
                "}",
              ),
            },
          ],
        },
      ],
    },

    // ---------------------------------------------------------------- child_process sleeps (ESM)
    {
      name: "execSync named import; the global setTimeout is used elsewhere, so the import is named sleep",
      code: lines(
        'import { execSync } from "node:child_process";',
        "",
        "export async function retry(task: () => Promise<void>) {",
        '  execSync("sleep 2");',
        "  await task();",
        "}",
        "setTimeout(() => console.log('tick'), 5);",
      ),
      errors: [
        {
          messageId: "shellSleep",
          data: { name: "execSync" },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 22,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              data: { callee: "sleep", delay: "2000" },
              output: lines(
                'import { execSync } from "node:child_process";',
                IMPORT_AS_SLEEP,
                "",
                "export async function retry(task: () => Promise<void>) {",
                "  await sleep(2000);",
                "  await task();",
                "}",
                "setTimeout(() => console.log('tick'), 5);",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "namespace, default and aliased imports; fractional and suffixed durations; single quotes kept",
      code: lines(
        "import * as cp from 'child_process';",
        "import childProcess from 'node:child_process';",
        "import { execSync as sh, spawnSync as spawn, execFileSync } from 'node:child_process';",
        "async function f() {",
        "  cp.execSync('sleep 0.25');",
        "  childProcess.execSync('/bin/sleep 1.5s');",
        "  sh('sleep 1m');",
        "  spawn('sleep', ['3']);",
        "  execFileSync('/usr/bin/sleep', [1]);",
        "}",
      ),
      errors: [
        {
          messageId: "shellSleep",
          data: { name: "execSync" },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 28,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              data: { callee: "setTimeout", delay: "250" },
              output: lines(
                "import * as cp from 'child_process';",
                "import childProcess from 'node:child_process';",
                "import { execSync as sh, spawnSync as spawn, execFileSync } from 'node:child_process';",
                "import { setTimeout } from 'node:timers/promises';",
                "async function f() {",
                "  await setTimeout(250);",
                "  childProcess.execSync('/bin/sleep 1.5s');",
                "  sh('sleep 1m');",
                "  spawn('sleep', ['3']);",
                "  execFileSync('/usr/bin/sleep', [1]);",
                "}",
              ),
            },
          ],
        },
        {
          messageId: "shellSleep",
          data: { name: "execSync" },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 43,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              data: { callee: "setTimeout", delay: "1500" },
              output: lines(
                "import * as cp from 'child_process';",
                "import childProcess from 'node:child_process';",
                "import { execSync as sh, spawnSync as spawn, execFileSync } from 'node:child_process';",
                "import { setTimeout } from 'node:timers/promises';",
                "async function f() {",
                "  cp.execSync('sleep 0.25');",
                "  await setTimeout(1500);",
                "  sh('sleep 1m');",
                "  spawn('sleep', ['3']);",
                "  execFileSync('/usr/bin/sleep', [1]);",
                "}",
              ),
            },
          ],
        },
        {
          messageId: "shellSleep",
          data: { name: "execSync" },
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 17,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              data: { callee: "setTimeout", delay: "60000" },
              output: lines(
                "import * as cp from 'child_process';",
                "import childProcess from 'node:child_process';",
                "import { execSync as sh, spawnSync as spawn, execFileSync } from 'node:child_process';",
                "import { setTimeout } from 'node:timers/promises';",
                "async function f() {",
                "  cp.execSync('sleep 0.25');",
                "  childProcess.execSync('/bin/sleep 1.5s');",
                "  await setTimeout(60000);",
                "  spawn('sleep', ['3']);",
                "  execFileSync('/usr/bin/sleep', [1]);",
                "}",
              ),
            },
          ],
        },
        {
          messageId: "shellSleep",
          data: { name: "spawnSync" },
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 24,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              data: { callee: "setTimeout", delay: "3000" },
              output: lines(
                "import * as cp from 'child_process';",
                "import childProcess from 'node:child_process';",
                "import { execSync as sh, spawnSync as spawn, execFileSync } from 'node:child_process';",
                "import { setTimeout } from 'node:timers/promises';",
                "async function f() {",
                "  cp.execSync('sleep 0.25');",
                "  childProcess.execSync('/bin/sleep 1.5s');",
                "  sh('sleep 1m');",
                "  await setTimeout(3000);",
                "  execFileSync('/usr/bin/sleep', [1]);",
                "}",
              ),
            },
          ],
        },
        {
          messageId: "shellSleep",
          data: { name: "execFileSync" },
          line: 9,
          column: 3,
          endLine: 9,
          endColumn: 38,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              data: { callee: "setTimeout", delay: "1000" },
              output: lines(
                "import * as cp from 'child_process';",
                "import childProcess from 'node:child_process';",
                "import { execSync as sh, spawnSync as spawn, execFileSync } from 'node:child_process';",
                "import { setTimeout } from 'node:timers/promises';",
                "async function f() {",
                "  cp.execSync('sleep 0.25');",
                "  childProcess.execSync('/bin/sleep 1.5s');",
                "  sh('sleep 1m');",
                "  spawn('sleep', ['3']);",
                "  await setTimeout(1000);",
                "}",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "delay not computable statically, or the command does more than sleep: report without suggestion",
      code: lines(
        'import { execSync, spawnSync } from "child_process";',
        "async function f(seconds: number, args: string[]) {",
        "  execSync(`sleep ${seconds}`);",
        '  execSync("sleep " + seconds);',
        '  execSync("sleep 1 && echo done");',
        '  execSync("sleep infinity");',
        '  spawnSync("sleep", args);',
        '  const output = execSync("sleep 1");',
        "  return output;",
        "}",
      ),
      errors: [
        { messageId: "shellSleep", line: 3, column: 3, endLine: 3, endColumn: 31, suggestions: [] },
        { messageId: "shellSleep", line: 4, column: 3, endLine: 4, endColumn: 31, suggestions: [] },
        { messageId: "shellSleep", line: 5, column: 3, endLine: 5, endColumn: 35, suggestions: [] },
        { messageId: "shellSleep", line: 6, column: 3, endLine: 6, endColumn: 29, suggestions: [] },
        { messageId: "shellSleep", line: 7, column: 3, endLine: 7, endColumn: 27, suggestions: [] },
        { messageId: "shellSleep", line: 8, column: 18, endLine: 8, endColumn: 37, suggestions: [] },
      ],
    },
    {
      name: "an awaited execSync: the whole await expression is replaced",
      code: lines('import { execSync } from "child_process";', "async function f() {", '  await execSync("sleep 1");', "}"),
      errors: [
        {
          messageId: "shellSleep",
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 28,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              output: lines('import { execSync } from "child_process";', IMPORT, "async function f() {", "  await setTimeout(1000);", "}"),
            },
          ],
        },
      ],
    },
    {
      name: "TypeScript import-equals and a dynamic import",
      code: lines(
        'import cp = require("child_process");',
        "async function f() {",
        '  cp.execSync("sleep 1");',
        '  (await import("node:child_process")).execSync("sleep 2");',
        "}",
      ),
      errors: [
        {
          messageId: "shellSleep",
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 25,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              output: lines(
                'import cp = require("child_process");',
                IMPORT,
                "async function f() {",
                "  await setTimeout(1000);",
                '  (await import("node:child_process")).execSync("sleep 2");',
                "}",
              ),
            },
          ],
        },
        {
          messageId: "shellSleep",
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 59,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              output: lines(
                'import cp = require("child_process");',
                IMPORT,
                "async function f() {",
                '  cp.execSync("sleep 1");',
                "  await setTimeout(2000);",
                "}",
              ),
            },
          ],
        },
      ],
    },

    {
      name: "TypeScript wrappers and optional chains around the callee",
      code: lines(
        'import * as cp from "child_process";',
        "async function f() {",
        '  (cp as typeof import("child_process")).execSync("sleep 1");',
        '  cp.execSync!("sleep 2");',
        '  cp?.execSync("sleep 3");',
        "}",
      ),
      errors: [
        {
          messageId: "shellSleep",
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 61,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              output: lines(
                'import * as cp from "child_process";',
                IMPORT,
                "async function f() {",
                "  await setTimeout(1000);",
                '  cp.execSync!("sleep 2");',
                '  cp?.execSync("sleep 3");',
                "}",
              ),
            },
          ],
        },
        {
          messageId: "shellSleep",
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 26,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              output: lines(
                'import * as cp from "child_process";',
                IMPORT,
                "async function f() {",
                '  (cp as typeof import("child_process")).execSync("sleep 1");',
                "  await setTimeout(2000);",
                '  cp?.execSync("sleep 3");',
                "}",
              ),
            },
          ],
        },
        {
          messageId: "shellSleep",
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 26,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              output: lines(
                'import * as cp from "child_process";',
                IMPORT,
                "async function f() {",
                '  (cp as typeof import("child_process")).execSync("sleep 1");',
                '  cp.execSync!("sleep 2");',
                "  await setTimeout(3000);",
                "}",
              ),
            },
          ],
        },
      ],
    },

    // ---------------------------------------------------------------- reusing or naming the timers binding
    {
      name: "setTimeout already imported from timers/promises: reused, no new import",
      code: lines(
        'import { setTimeout } from "timers/promises";',
        'import { execSync } from "child_process";',
        'async function f() { execSync("sleep 1"); }',
      ),
      errors: [
        {
          messageId: "shellSleep",
          line: 3,
          column: 22,
          endLine: 3,
          endColumn: 41,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              data: { callee: "setTimeout", delay: "1000" },
              output: lines(
                'import { setTimeout } from "timers/promises";',
                'import { execSync } from "child_process";',
                "async function f() { await setTimeout(1000); }",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "aliased and namespace imports of node:timers/promises are reused",
      code: lines(
        'import { setTimeout as wait } from "node:timers/promises";',
        'import * as timers from "node:timers/promises";',
        'import { execSync } from "child_process";',
        'async function f() { execSync("sleep 1"); }',
        'async function g(wait: unknown) { execSync("sleep 2"); }',
      ),
      errors: [
        {
          messageId: "shellSleep",
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 41,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              data: { callee: "wait", delay: "1000" },
              output: lines(
                'import { setTimeout as wait } from "node:timers/promises";',
                'import * as timers from "node:timers/promises";',
                'import { execSync } from "child_process";',
                "async function f() { await wait(1000); }",
                'async function g(wait: unknown) { execSync("sleep 2"); }',
              ),
            },
          ],
        },
        {
          messageId: "shellSleep",
          line: 5,
          column: 35,
          endLine: 5,
          endColumn: 54,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              data: { callee: "timers.setTimeout", delay: "2000" },
              output: lines(
                'import { setTimeout as wait } from "node:timers/promises";',
                'import * as timers from "node:timers/promises";',
                'import { execSync } from "child_process";',
                'async function f() { execSync("sleep 1"); }',
                "async function g(wait: unknown) { await timers.setTimeout(2000); }",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "a type-only import of setTimeout is not reused; another import from the module gets the specifier",
      code: lines(
        'import type { setTimeout as T } from "node:timers/promises";',
        'import { setImmediate } from "node:timers/promises";',
        'import { execSync } from "child_process";',
        "export const tick = setImmediate;",
        'async function f() { execSync("sleep 1"); }',
      ),
      errors: [
        {
          messageId: "shellSleep",
          line: 5,
          column: 22,
          endLine: 5,
          endColumn: 41,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              output: lines(
                'import type { setTimeout as T } from "node:timers/promises";',
                'import { setImmediate, setTimeout } from "node:timers/promises";',
                'import { execSync } from "child_process";',
                "export const tick = setImmediate;",
                "async function f() { await setTimeout(1000); }",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "setTimeout shadowed at the call and sleep already declared: the next free name",
      code: lines(
        'import { execSync } from "child_process";',
        "function sleep(ms: number) { return ms; }",
        'async function f(setTimeout: unknown) { execSync("sleep 1"); return sleep(1); }',
      ),
      errors: [
        {
          messageId: "shellSleep",
          line: 3,
          column: 41,
          endLine: 3,
          endColumn: 60,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              data: { callee: "delay", delay: "1000" },
              output: lines(
                'import { execSync } from "child_process";',
                'import { setTimeout as delay } from "node:timers/promises";',
                "function sleep(ms: number) { return ms; }",
                "async function f(setTimeout: unknown) { await delay(1000); return sleep(1); }",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "no imports at all: after a shebang and header, before the JSDoc of the first statement",
      code: lines(
        "#!/usr/bin/env node",
        "// Copyright header.",
        "",
        "/** Pauses. */",
        "async function pause() {",
        "  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);",
        "}",
      ),
      errors: [
        {
          messageId: "blockingWait",
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 67,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              output: lines(
                "#!/usr/bin/env node",
                "// Copyright header.",
                "",
                IMPORT,
                "/** Pauses. */",
                "async function pause() {",
                "  await setTimeout(10);",
                "}",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "no semicolons: the new import has none, an ASI hazard after the replaced loop gets one",
      code: lines(
        "import { readFile } from 'node:fs/promises'",
        "export async function f(end) {",
        "  while (Date.now() < end) {}",
        "  ;[1, 2].forEach(String)",
        "  while (Date.now() < end) {}",
        "  return readFile('x')",
        "}",
      ),
      errors: [
        {
          messageId: "busyWait",
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 30,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              output: lines(
                "import { readFile } from 'node:fs/promises'",
                "import { setTimeout } from 'node:timers/promises'",
                "export async function f(end) {",
                "  await setTimeout(Math.max(0, end - Date.now()))",
                "  ;[1, 2].forEach(String)",
                "  while (Date.now() < end) {}",
                "  return readFile('x')",
                "}",
              ),
            },
          ],
        },
        {
          messageId: "busyWait",
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 30,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              output: lines(
                "import { readFile } from 'node:fs/promises'",
                "import { setTimeout } from 'node:timers/promises'",
                "export async function f(end) {",
                "  while (Date.now() < end) {}",
                "  ;[1, 2].forEach(String)",
                "  await setTimeout(Math.max(0, end - Date.now()))",
                "  return readFile('x')",
                "}",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "CRLF line endings are kept",
      code: 'import { execSync } from "child_process";\r\nasync function f() {\r\n  execSync("sleep 1");\r\n}\r\n',
      errors: [
        {
          messageId: "shellSleep",
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 22,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              output: `import { execSync } from "child_process";\r\n${IMPORT}\r\nasync function f() {\r\n  await setTimeout(1000);\r\n}\r\n`,
            },
          ],
        },
      ],
    },

    // ---------------------------------------------------------------- CommonJS
    {
      name: "CommonJS: destructured require with alias; the require line goes after the other requires",
      ...commonJs,
      code: lines(
        '"use strict";',
        'const fs = require("fs");',
        'const { execSync: run } = require("node:child_process");',
        "",
        "module.exports = async function deploy() {",
        '  run("sleep 5");',
        '  return fs.existsSync("x");',
        "};",
      ),
      errors: [
        {
          messageId: "shellSleep",
          data: { name: "execSync" },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 17,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              output: lines(
                '"use strict";',
                'const fs = require("fs");',
                'const { execSync: run } = require("node:child_process");',
                REQUIRE,
                "",
                "module.exports = async function deploy() {",
                "  await setTimeout(5000);",
                '  return fs.existsSync("x");',
                "};",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "CommonJS: module object, inline require, member require; setTimeout taken, so `sleep`",
      ...commonJs,
      code: lines(
        'const cp = require("child_process");',
        'const spawn = require("child_process").spawnSync;',
        "exports.wait = async () => {",
        '  cp.execSync("sleep 1");',
        "  require('child_process').execSync('sleep 2');",
        '  spawn("sleep", [3]);',
        "};",
        "setTimeout(() => {}, 1);",
      ),
      errors: [
        {
          messageId: "shellSleep",
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 25,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              data: { callee: "sleep", delay: "1000" },
              output: lines(
                'const cp = require("child_process");',
                'const spawn = require("child_process").spawnSync;',
                'const { setTimeout: sleep } = require("node:timers/promises");',
                "exports.wait = async () => {",
                "  await sleep(1000);",
                "  require('child_process').execSync('sleep 2');",
                '  spawn("sleep", [3]);',
                "};",
                "setTimeout(() => {}, 1);",
              ),
            },
          ],
        },
        {
          messageId: "shellSleep",
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 47,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              output: lines(
                'const cp = require("child_process");',
                'const spawn = require("child_process").spawnSync;',
                'const { setTimeout: sleep } = require("node:timers/promises");',
                "exports.wait = async () => {",
                '  cp.execSync("sleep 1");',
                "  await sleep(2000);",
                '  spawn("sleep", [3]);',
                "};",
                "setTimeout(() => {}, 1);",
              ),
            },
          ],
        },
        {
          messageId: "shellSleep",
          data: { name: "spawnSync" },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 22,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              output: lines(
                'const cp = require("child_process");',
                'const spawn = require("child_process").spawnSync;',
                'const { setTimeout: sleep } = require("node:timers/promises");',
                "exports.wait = async () => {",
                '  cp.execSync("sleep 1");',
                "  require('child_process').execSync('sleep 2');",
                "  await sleep(3000);",
                "};",
                "setTimeout(() => {}, 1);",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "CommonJS: destructuring a required module object in a second step",
      ...commonJs,
      code: lines(
        'const cp = require("child_process");',
        "const { execSync } = cp;",
        'module.exports = async () => { execSync("sleep 1"); };',
      ),
      errors: [
        {
          messageId: "shellSleep",
          line: 3,
          column: 32,
          endLine: 3,
          endColumn: 51,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              output: lines(
                'const cp = require("child_process");',
                REQUIRE,
                "const { execSync } = cp;",
                'module.exports = async () => { await setTimeout(1000); };',
              ),
            },
          ],
        },
      ],
    },
    {
      name: "CommonJS: an existing require of timers/promises is reused",
      ...commonJs,
      code: lines(
        'const timers = require("node:timers/promises");',
        'const { execSync } = require("child_process");',
        'module.exports = async function () { execSync("sleep 1"); };',
      ),
      errors: [
        {
          messageId: "shellSleep",
          line: 3,
          column: 38,
          endLine: 3,
          endColumn: 57,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              data: { callee: "timers.setTimeout", delay: "1000" },
              output: lines(
                'const timers = require("node:timers/promises");',
                'const { execSync } = require("child_process");',
                "module.exports = async function () { await timers.setTimeout(1000); };",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "CommonJS without requires: the require line goes after the directive prologue",
      ...commonJs,
      code: lines(
        "'use strict';",
        "module.exports = async function pause(end) {",
        "  while (Date.now() < end);",
        "};",
      ),
      errors: [
        {
          messageId: "busyWait",
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 28,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              output: lines(
                "'use strict';",
                "const { setTimeout } = require('node:timers/promises');",
                "module.exports = async function pause(end) {",
                "  await setTimeout(Math.max(0, end - Date.now()));",
                "};",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "a .js file that uses require is CommonJS",
      filename: "script.js",
      code: lines(
        'const { execSync } = require("child_process");',
        'async function main() { execSync("sleep 1"); }',
        "main();",
      ),
      errors: [
        {
          messageId: "shellSleep",
          line: 2,
          column: 25,
          endLine: 2,
          endColumn: 44,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              output: lines(
                'const { execSync } = require("child_process");',
                REQUIRE,
                "async function main() { await setTimeout(1000); }",
                "main();",
              ),
            },
          ],
        },
      ],
    },

    // ---------------------------------------------------------------- busy-wait loops
    {
      name: "deadline loop: Math.max(0, end - Date.now())",
      code: lines(
        "async function pause(ms: number): Promise<void> {",
        "  const end = Date.now() + ms;",
        "  while (Date.now() < end) {}",
        "}",
      ),
      errors: [
        {
          messageId: "busyWait",
          data: { clock: "Date.now()" },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 30,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              data: { callee: "setTimeout", delay: "Math.max(0, end - Date.now())" },
              output: lines(
                IMPORT,
                "async function pause(ms: number): Promise<void> {",
                "  const end = Date.now() + ms;",
                "  await setTimeout(Math.max(0, end - Date.now()));",
                "}",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "elapsed-time loop: the remaining time, never negative",
      code: lines(
        "async function pause() {",
        "  const start = Date.now();",
        "  while (Date.now() - start < 500) {}",
        "}",
      ),
      errors: [
        {
          messageId: "busyWait",
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 38,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              data: { callee: "setTimeout", delay: "Math.max(0, 500 - (Date.now() - start))" },
              output: lines(
                IMPORT,
                "async function pause() {",
                "  const start = Date.now();",
                "  await setTimeout(Math.max(0, 500 - (Date.now() - start)));",
                "}",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "do-while on performance.now(), deadline written on the left, countdown form",
      code: lines(
        "async function f(end: number, deadline: { at: number }) {",
        "  do {} while (performance.now() <= end);",
        "  while (deadline.at > new Date().getTime()) ;",
        "  while (deadline.at - +new Date() > 0) {}",
        "}",
      ),
      errors: [
        {
          messageId: "busyWait",
          data: { clock: "performance.now()" },
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 42,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              data: { callee: "setTimeout", delay: "Math.max(0, end - performance.now())" },
              output: lines(
                IMPORT,
                "async function f(end: number, deadline: { at: number }) {",
                "  await setTimeout(Math.max(0, end - performance.now()));",
                "  while (deadline.at > new Date().getTime()) ;",
                "  while (deadline.at - +new Date() > 0) {}",
                "}",
              ),
            },
          ],
        },
        {
          messageId: "busyWait",
          data: { clock: "new Date().getTime()" },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 47,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              data: { callee: "setTimeout", delay: "Math.max(0, deadline.at - new Date().getTime())" },
              output: lines(
                IMPORT,
                "async function f(end: number, deadline: { at: number }) {",
                "  do {} while (performance.now() <= end);",
                "  await setTimeout(Math.max(0, deadline.at - new Date().getTime()));",
                "  while (deadline.at - +new Date() > 0) {}",
                "}",
              ),
            },
          ],
        },
        {
          messageId: "busyWait",
          data: { clock: "+new Date()" },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 43,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              data: { callee: "setTimeout", delay: "Math.max(0, deadline.at - +new Date())" },
              output: lines(
                IMPORT,
                "async function f(end: number, deadline: { at: number }) {",
                "  do {} while (performance.now() <= end);",
                "  while (deadline.at > new Date().getTime()) ;",
                "  await setTimeout(Math.max(0, deadline.at - +new Date()));",
                "}",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "a for loop without init and update is replaced; with an init it is only reported",
      code: lines(
        "async function f(end) {",
        "  for (; Date.now() < end; ) {}",
        "  for (const stop = Date.now() + 100; Date.now() < stop; ) {}",
        "}",
      ),
      errors: [
        {
          messageId: "busyWait",
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 32,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              output: lines(
                IMPORT,
                "async function f(end) {",
                "  await setTimeout(Math.max(0, end - Date.now()));",
                "  for (const stop = Date.now() + 100; Date.now() < stop; ) {}",
                "}",
              ),
            },
          ],
        },
        { messageId: "busyWait", line: 3, column: 3, endLine: 3, endColumn: 62, suggestions: [] },
      ],
    },
    {
      name: "spinning bodies (counter, clock variable) and unsimple deadlines: report without suggestion",
      code: lines(
        "async function f(end, start, seconds, getDeadline) {",
        "  let spins = 0;",
        "  while (Date.now() < end) { spins++; }",
        "  let now = Date.now();",
        "  while (now - start < 1000) { now = Date.now(); }",
        "  while ((Date.now() - start) / 1000 < seconds) {}",
        "  while (Date.now() < getDeadline()) {}",
        "  while (Date.now() < (end ?? 0)) { continue; }",
        "  return spins;",
        "}",
      ),
      errors: [
        { messageId: "busyWait", line: 3, column: 3, endLine: 3, endColumn: 40, suggestions: [] },
        { messageId: "busyWait", data: { clock: "Date.now()" }, line: 5, column: 3, endLine: 5, endColumn: 51, suggestions: [] },
        { messageId: "busyWait", line: 6, column: 3, endLine: 6, endColumn: 51, suggestions: [] },
        { messageId: "busyWait", line: 7, column: 3, endLine: 7, endColumn: 40, suggestions: [] },
        { messageId: "busyWait", line: 8, column: 3, endLine: 8, endColumn: 48, suggestions: [] },
      ],
    },
    {
      name: "performance imported from perf_hooks, a TS type assertion, and a shadowed Math (no suggestion)",
      code: lines(
        'import { performance as perf } from "node:perf_hooks";',
        "async function f(end: number) {",
        "  while ((perf.now() as number) < end) {}",
        "}",
        "async function g(end: number, Math: unknown) {",
        "  while (Date.now() < end) {}",
        "}",
      ),
      errors: [
        {
          messageId: "busyWait",
          data: { clock: "perf.now()" },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 42,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              data: { callee: "setTimeout", delay: "Math.max(0, end - perf.now())" },
              output: lines(
                'import { performance as perf } from "node:perf_hooks";',
                IMPORT,
                "async function f(end: number) {",
                "  await setTimeout(Math.max(0, end - perf.now()));",
                "}",
                "async function g(end: number, Math: unknown) {",
                "  while (Date.now() < end) {}",
                "}",
              ),
            },
          ],
        },
        { messageId: "busyWait", line: 6, column: 3, endLine: 6, endColumn: 30, suggestions: [] },
      ],
    },
    {
      name: "a private-field deadline in an async method; the unused label goes with the loop",
      code: lines(
        "class Pacer {",
        "  #next = 0;",
        "  async pace() {",
        "    spin: while (Date.now() < this.#next) {}",
        "  }",
        "}",
      ),
      errors: [
        {
          messageId: "busyWait",
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 45,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              data: { callee: "setTimeout", delay: "Math.max(0, this.#next - Date.now())" },
              output: lines(
                IMPORT,
                "class Pacer {",
                "  #next = 0;",
                "  async pace() {",
                "    await setTimeout(Math.max(0, this.#next - Date.now()));",
                "  }",
                "}",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "busy wait inside an async generator, in an ES module JavaScript file",
      filename: "file.mjs",
      code: lines(
        "export async function* ticks(end) {",
        "  while (Date.now() < end) {}",
        "  yield 1;",
        "}",
      ),
      errors: [
        {
          messageId: "busyWait",
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 30,
          suggestions: [
            {
              messageId: "replaceWithTimersSleep",
              output: lines(
                IMPORT,
                "export async function* ticks(end) {",
                "  await setTimeout(Math.max(0, end - Date.now()));",
                "  yield 1;",
                "}",
              ),
            },
          ],
        },
      ],
    },
  ],
});
