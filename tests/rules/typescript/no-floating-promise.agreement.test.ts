/**
 * Agreement with typescript-eslint's `no-floating-promises`: its own rule tests, run through our rule.
 *
 * The cases below are the non-skipped valid and invalid cases of typescript-eslint's
 * `packages/eslint-plugin/tests/rules/no-floating-promises.test.ts` (MIT licence, commit 56c9ed90d0ae), copied as
 * input code, options and the lines typescript-eslint reports (`null`: a report whose line the test leaves open). The
 * code keeps its leading newline, so the line numbers are theirs. Suggestion outputs are not compared: ours differ by
 * design (see below).
 *
 * 1. Typed mode (`parserOptions.projectService`, `fixture-project/tsconfig.json`): we must report exactly the lines
 *    typescript-eslint reports, case by case. Our catalogue has the same intent for all of these cases; no case of
 *    this suite is a deliberate difference (`typedDifferences` is empty). One option needs mapping: a
 *    `{ from: "file", path }` specifier is relative to the project root, which here is `fixture-project/`.
 * 2. Untyped mode (no type information, what the editor runs outside a tsconfig): precision first, so we may miss what
 *    only the checker knows, but we must never report a line typescript-eslint does not report — except for the
 *    cases in `untypedDifferences`, each with its reason.
 * 3. Our own cases where we deliberately differ from typescript-eslint, with the reason (`ourDifferences`); they are
 *    checked to give our verdict (typescript-eslint's is stated, not run: its plugin is not a dependency).
 */
import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import path from "node:path";
import rule from "../../../rules/typescript/no-floating-promise.js";
import { fixtureProjectRoot, typedParserOptions } from "./typed-rule-tester.js";

interface AgreementCase {
  /** `valid <n>` / `invalid <n>`: the index in typescript-eslint's `valid`/`invalid` array (skipped cases dropped). */
  readonly id: string;
  /** The line of the case in typescript-eslint's test file. */
  readonly source: number;
  readonly options?: readonly unknown[];
  /** Lines typescript-eslint reports (`null`: reported, line not specified). */
  readonly reported: readonly (number | null)[];
  readonly code: string;
}

/** typescript-eslint cases where our typed verdict deliberately differs, by id, with the reason. */
const typedDifferences: ReadonlyMap<string, string> = new Map();

/** typescript-eslint cases where untyped mode reports lines typescript-eslint (typed) does not, by id, with the reason. */
const untypedDifferences: ReadonlyMap<string, string> = new Map([
  [
    "valid 32",
    "`let condition = false; condition && myPromise();` — the checker narrows `condition` to the literal `false`, so " +
      "the call never runs. Without types we do not track a `let`'s value through control flow; `flag && save()` " +
      "floats whenever `flag` is true, which is what the catalogue asks us to report.",
  ],
]);

const cases: readonly AgreementCase[] = [
  {
    id: "valid 0", source: 11, reported: [],
    code: `
async function test() {
  await Promise.resolve('value');
  Promise.resolve('value').then(
    () => {},
    () => {},
  );
  Promise.resolve('value')
    .then(() => {})
    .catch(() => {});
  Promise.resolve('value')
    .then(() => {})
    .catch(() => {})
    .finally(() => {});
  Promise.resolve('value').catch(() => {});
  return Promise.resolve('value');
}
    `,
  },
  {
    id: "valid 1", source: 29, options: [{ignoreVoid: true}], reported: [],
    code: `
async function test() {
  void Promise.resolve('value');
}
      `,
  },
  {
    id: "valid 2", source: 37, reported: [],
    code: `
async function test() {
  await Promise.reject(new Error('message'));
  Promise.reject(new Error('message')).then(
    () => {},
    () => {},
  );
  Promise.reject(new Error('message'))
    .then(() => {})
    .catch(() => {});
  Promise.reject(new Error('message'))
    .then(() => {})
    .catch(() => {})
    .finally(() => {});
  Promise.reject(new Error('message')).catch(() => {});
  return Promise.reject(new Error('message'));
}
    `,
  },
  {
    id: "valid 3", source: 55, reported: [],
    code: `
async function test() {
  await (async () => true)();
  (async () => true)().then(
    () => {},
    () => {},
  );
  (async () => true)()
    .then(() => {})
    .catch(() => {});
  (async () => true)()
    .then(() => {})
    .catch(() => {})
    .finally(() => {});
  (async () => true)().catch(() => {});
  return (async () => true)();
}
    `,
  },
  {
    id: "valid 4", source: 73, reported: [],
    code: `
async function test() {
  async function returnsPromise() {}
  await returnsPromise();
  returnsPromise().then(
    () => {},
    () => {},
  );
  returnsPromise()
    .then(() => {})
    .catch(() => {});
  returnsPromise()
    .then(() => {})
    .catch(() => {})
    .finally(() => {});
  returnsPromise().catch(() => {});
  return returnsPromise();
}
    `,
  },
  {
    id: "valid 5", source: 92, reported: [],
    code: `
async function test() {
  const x = Promise.resolve();
  const y = x.then(() => {});
  y.catch(() => {});
}
    `,
  },
  {
    id: "valid 6", source: 99, reported: [],
    code: `
async function test() {
  Math.random() > 0.5 ? Promise.resolve().catch(() => {}) : null;
}
    `,
  },
  {
    id: "valid 7", source: 104, reported: [],
    code: `
async function test() {
  (Promise.resolve().catch(() => {}), 123);
  (123,
    Promise.resolve().then(
      () => {},
      () => {},
    ));
  (123,
    Promise.resolve().then(
      () => {},
      () => {},
    ),
    123);
}
    `,
  },
  {
    id: "valid 8", source: 120, reported: [],
    code: `
async function test() {
  void Promise.resolve().catch(() => {});
}
    `,
  },
  {
    id: "valid 9", source: 125, reported: [],
    code: `
async function test() {
  Promise.resolve().catch(() => {}) ||
    Promise.resolve().then(
      () => {},
      () => {},
    );
}
    `,
  },
  {
    id: "valid 10", source: 134, reported: [],
    code: `
declare const promiseValue: Promise<number>;
async function test() {
  await promiseValue;
  promiseValue.then(
    () => {},
    () => {},
  );
  promiseValue.then(() => {}).catch(() => {});
  promiseValue
    .then(() => {})
    .catch(() => {})
    .finally(() => {});
  promiseValue.catch(() => {});
  return promiseValue;
}
    `,
  },
  {
    id: "valid 11", source: 151, reported: [],
    code: `
declare const promiseUnion: Promise<number> | number;
async function test() {
  await promiseUnion;
  promiseUnion.then(
    () => {},
    () => {},
  );
  promiseUnion.then(() => {}).catch(() => {});
  promiseUnion
    .then(() => {})
    .catch(() => {})
    .finally(() => {});
  promiseUnion.catch(() => {});
  promiseValue.finally(() => {});
  return promiseUnion;
}
    `,
  },
  {
    id: "valid 12", source: 169, reported: [],
    code: `
declare const promiseIntersection: Promise<number> & number;
async function test() {
  await promiseIntersection;
  promiseIntersection.then(
    () => {},
    () => {},
  );
  promiseIntersection.then(() => {}).catch(() => {});
  promiseIntersection.catch(() => {});
  return promiseIntersection;
}
    `,
  },
  {
    id: "valid 13", source: 182, reported: [],
    code: `
async function test() {
  class CanThen extends Promise<number> {}
  const canThen: CanThen = Foo.resolve(2);

  await canThen;
  canThen.then(
    () => {},
    () => {},
  );
  canThen.then(() => {}).catch(() => {});
  canThen
    .then(() => {})
    .catch(() => {})
    .finally(() => {});
  canThen.catch(() => {});
  return canThen;
}
    `,
  },
  {
    id: "valid 14", source: 201, reported: [],
    code: `
declare const intersectionPromise: Promise<number> & number;
async function test() {
  await (Math.random() > 0.5 ? numberPromise : 0);
  await (Math.random() > 0.5 ? foo : 0);
  await (Math.random() > 0.5 ? bar : 0);

  await intersectionPromise;
}
    `,
  },
  {
    id: "valid 15", source: 211, reported: [],
    code: `
async function test() {
  class Thenable {
    then(callback: () => void): Thenable {
      return new Thenable();
    }
  }
  const thenable = new Thenable();

  await thenable;
  thenable;
  thenable.then(() => {});
  return thenable;
}
    `,
  },
  {
    id: "valid 16", source: 226, reported: [],
    code: `
async function test() {
  class NonFunctionParamThenable {
    then(param: string, param2: number): NonFunctionParamThenable {
      return new NonFunctionParamThenable();
    }
  }
  const thenable = new NonFunctionParamThenable();

  await thenable;
  thenable;
  thenable.then('abc', 'def');
  return thenable;
}
    `,
  },
  {
    id: "valid 17", source: 241, reported: [],
    code: `
async function test() {
  class NonFunctionThenable {
    then: number;
  }
  const thenable = new NonFunctionThenable();

  thenable;
  thenable.then;
  return thenable;
}
    `,
  },
  {
    id: "valid 18", source: 253, reported: [],
    code: `
async function test() {
  class CatchableThenable {
    then(callback: () => void, callback: () => void): CatchableThenable {
      return new CatchableThenable();
    }
  }
  const thenable = new CatchableThenable();

  await thenable;
  return thenable;
}
    `,
  },
  {
    id: "valid 19", source: 266, reported: [],
    code: `
// https://github.com/DefinitelyTyped/DefinitelyTyped/blob/master/types/promise-polyfill/index.d.ts
// Type definitions for promise-polyfill 6.0
// Project: https://github.com/taylorhakes/promise-polyfill
// Definitions by: Steve Jenkins <https://github.com/skysteve>
//                 Daniel Cassidy <https://github.com/djcsdy>
// Definitions: https://github.com/DefinitelyTyped/DefinitelyTyped

interface PromisePolyfillConstructor extends PromiseConstructor {
  _immediateFn?: (handler: (() => void) | string) => void;
}

declare const PromisePolyfill: PromisePolyfillConstructor;

async function test() {
  const promise = new PromisePolyfill(() => {});

  await promise;
  promise.then(
    () => {},
    () => {},
  );
  promise.then(() => {}).catch(() => {});
  promise
    .then(() => {})
    .catch(() => {})
    .finally(() => {});
  promise.catch(() => {});
  return promise;
}
    `,
  },
  {
    id: "valid 20", source: 299, reported: [],
    code: `
declare const returnsPromise: () => Promise<void> | null;
async function test() {
  await returnsPromise?.();
  returnsPromise()?.then(
    () => {},
    () => {},
  );
  returnsPromise()
    ?.then(() => {})
    ?.catch(() => {});
  returnsPromise()?.catch(() => {});
  return returnsPromise();
}
    `,
  },
  {
    id: "valid 21", source: 314, reported: [],
    code: `
const doSomething = async (
  obj1: { a?: { b?: { c?: () => Promise<void> } } },
  obj2: { a?: { b?: { c: () => Promise<void> } } },
  obj3: { a?: { b: { c?: () => Promise<void> } } },
  obj4: { a: { b: { c?: () => Promise<void> } } },
  obj5: { a?: () => { b?: { c?: () => Promise<void> } } },
  obj6?: { a: { b: { c?: () => Promise<void> } } },
  callback?: () => Promise<void>,
): Promise<void> => {
  await obj1.a?.b?.c?.();
  await obj2.a?.b?.c();
  await obj3.a?.b.c?.();
  await obj4.a.b.c?.();
  await obj5.a?.().b?.c?.();
  await obj6?.a.b.c?.();

  return callback?.();
};

void doSomething();
    `,
  },
  {
    id: "valid 22", source: 337, options: [{ignoreIIFE: true}], reported: [],
    code: `
(async () => {
  await something();
})();
      `,
  },
  {
    id: "valid 23", source: 345, options: [{ignoreIIFE: true}], reported: [],
    code: `
(async () => {
  something();
})();
      `,
  },
  {
    id: "valid 24", source: 353, options: [{ignoreIIFE: true}], reported: [],
    code: `(async function foo() {})();`,
  },
  {
    id: "valid 25", source: 357, options: [{ignoreIIFE: true}], reported: [],
    code: `
function foo() {
  (async function bar() {})();
}
      `,
  },
  {
    id: "valid 26", source: 365, options: [{ignoreIIFE: true}], reported: [],
    code: `
const foo = () =>
  new Promise(res => {
    (async function () {
      await res(1);
    })();
  });
      `,
  },
  {
    id: "valid 27", source: 376, options: [{ignoreIIFE: true}], reported: [],
    code: `
(async function () {
  await res(1);
})();
      `,
  },
  {
    id: "valid 28", source: 384, reported: [],
    code: `
async function foo() {
  const myPromise = async () => void 0;
  const condition = true;
  void (condition && myPromise());
}
      `,
  },
  {
    id: "valid 29", source: 393, options: [{ignoreVoid: false}], reported: [],
    code: `
async function foo() {
  const myPromise = async () => void 0;
  const condition = true;
  await (condition && myPromise());
}
      `,
  },
  {
    id: "valid 30", source: 403, reported: [],
    code: `
async function foo() {
  const myPromise = async () => void 0;
  const condition = true;
  condition && void myPromise();
}
      `,
  },
  {
    id: "valid 31", source: 412, options: [{ignoreVoid: false}], reported: [],
    code: `
async function foo() {
  const myPromise = async () => void 0;
  const condition = true;
  condition && (await myPromise());
}
      `,
  },
  {
    id: "valid 32", source: 422, options: [{ignoreVoid: false}], reported: [],
    code: `
async function foo() {
  const myPromise = async () => void 0;
  let condition = false;
  condition && myPromise();
  condition = true;
  condition || myPromise();
  condition ?? myPromise();
}
      `,
  },
  {
    id: "valid 33", source: 435, options: [{ignoreVoid: false}], reported: [],
    code: `
declare const definitelyCallable: () => void;
Promise.reject().catch(definitelyCallable);
      `,
  },
  {
    id: "valid 34", source: 442, reported: [],
    code: `
Promise.reject()
  .catch(() => {})
  .finally(() => {});
      `,
  },
  {
    id: "valid 35", source: 449, options: [{ignoreVoid: false}], reported: [],
    code: `
Promise.reject()
  .catch(() => {})
  .finally(() => {})
  .finally(() => {});
      `,
  },
  {
    id: "valid 36", source: 458, reported: [],
    code: `
Promise.reject()
  .catch(() => {})
  .finally(() => {})
  .finally(() => {})
  .finally(() => {});
      `,
  },
  {
    id: "valid 37", source: 467, reported: [],
    code: `
await Promise.all([Promise.resolve(), Promise.resolve()]);
      `,
  },
  {
    id: "valid 38", source: 472, reported: [],
    code: `
declare const promiseArray: Array<Promise<unknown>>;
void promiseArray;
      `,
  },
  {
    id: "valid 39", source: 478, options: [{ignoreVoid: false}], reported: [],
    code: `
[1, 2, void Promise.reject(), 3];
      `,
  },
  {
    id: "valid 40", source: 486, reported: [],
    code: `
['I', 'am', 'just', 'an', 'array'];
      `,
  },
  {
    id: "valid 41", source: 491, options: [{allowForKnownSafePromises: [{from: "file", name: "SafeThenable"}]}], reported: [],
    code: `
interface SafeThenable<T> {
  then<TResult1 = T, TResult2 = never>(
    onfulfilled?:
      ((value: T) => TResult1 | SafeThenable<TResult1>) | undefined | null,
    onrejected?:
      ((reason: any) => TResult2 | SafeThenable<TResult2>) | undefined | null,
  ): SafeThenable<TResult1 | TResult2>;
}
let promise: SafeThenable<number> = Promise.resolve(5);
(0, promise);
      `,
  },
  {
    id: "valid 42", source: 510, options: [{allowForKnownSafePromises: [{from: "file", name: "SafeThenable"}]}], reported: [],
    code: `
interface SafeThenable<T> {
  then<TResult1 = T, TResult2 = never>(
    onfulfilled?:
      ((value: T) => TResult1 | SafeThenable<TResult1>) | undefined | null,
    onrejected?:
      ((reason: any) => TResult2 | SafeThenable<TResult2>) | undefined | null,
  ): SafeThenable<TResult1 | TResult2>;
}
let promise: SafeThenable<number> = Promise.resolve(5);
0 ? promise : 3;
      `,
  },
  {
    id: "valid 43", source: 529, options: [{allowForKnownSafePromises: [{from: "file", name: "SafePromise"}]}], reported: [],
    code: `
class SafePromise<T> extends Promise<T> {}
let promise: { a: SafePromise<number> } = { a: Promise.resolve(5) };
promise.a;
      `,
  },
  {
    id: "valid 44", source: 539, options: [{allowForKnownSafePromises: [{from: "file", name: "SafePromise"}]}], reported: [],
    code: `
class SafePromise<T> extends Promise<T> {}
let promise: SafePromise<number> = Promise.resolve(5);
promise;
      `,
  },
  {
    id: "valid 45", source: 549, options: [{allowForKnownSafePromises: [{from: "file", name: "Foo"}]}], reported: [],
    code: `
type Foo = Promise<number> & { hey?: string };
let promise: Foo = Promise.resolve(5);
0 || promise;
      `,
  },
  {
    id: "valid 46", source: 557, options: [{allowForKnownSafePromises: [{from: "file", name: "Foo"}]}], reported: [],
    code: `
type Foo = Promise<number> & { hey?: string };
let promise: Foo = Promise.resolve(5);
promise.finally();
      `,
  },
  {
    id: "valid 47", source: 565, options: [{allowForKnownSafePromises: [{from: "file", name: "SafeThenable"}]}], reported: [],
    code: `
interface SafeThenable<T> {
  then<TResult1 = T, TResult2 = never>(
    onfulfilled?:
      ((value: T) => TResult1 | SafeThenable<TResult1>) | undefined | null,
    onrejected?:
      ((reason: any) => TResult2 | SafeThenable<TResult2>) | undefined | null,
  ): SafeThenable<TResult1 | TResult2>;
}
let promise: () => SafeThenable<number> = () => Promise.resolve(5);
(0, promise());
      `,
  },
  {
    id: "valid 48", source: 584, options: [{allowForKnownSafePromises: [{from: "file", name: "SafeThenable"}]}], reported: [],
    code: `
interface SafeThenable<T> {
  then<TResult1 = T, TResult2 = never>(
    onfulfilled?:
      ((value: T) => TResult1 | SafeThenable<TResult1>) | undefined | null,
    onrejected?:
      ((reason: any) => TResult2 | SafeThenable<TResult2>) | undefined | null,
  ): SafeThenable<TResult1 | TResult2>;
}
let promise: () => SafeThenable<number> = () => Promise.resolve(5);
0 ? promise() : 3;
      `,
  },
  {
    id: "valid 49", source: 603, options: [{allowForKnownSafePromises: [{from: "file", name: "Foo"}]}], reported: [],
    code: `
type Foo = Promise<number> & { hey?: string };
let promise: () => Foo = () => Promise.resolve(5);
promise();
      `,
  },
  {
    id: "valid 50", source: 611, options: [{allowForKnownSafePromises: [{from: "file", name: "Foo"}]}], reported: [],
    code: `
type Foo = Promise<number> & { hey?: string };
let promise: () => Foo = async () => 5;
promise().finally();
      `,
  },
  {
    id: "valid 51", source: 619, options: [{allowForKnownSafePromises: [{from: "file", name: "SafePromise"}]}], reported: [],
    code: `
class SafePromise<T> extends Promise<T> {}
let promise: () => SafePromise<number> = async () => 5;
0 || promise();
      `,
  },
  {
    id: "valid 52", source: 629, options: [{allowForKnownSafePromises: [{from: "file", name: "SafePromise"}]}], reported: [],
    code: `
class SafePromise<T> extends Promise<T> {}
let promise: () => SafePromise<number> = async () => 5;
null ?? promise();
      `,
  },
  {
    id: "valid 53", source: 639, options: [{allowForKnownSafePromises: [{from: "lib", name: "PromiseLike"}]}], reported: [],
    code: `
let promise: () => PromiseLike<number> = () => Promise.resolve(5);
promise();
      `,
  },
  {
    id: "valid 54", source: 648, options: [{allowForKnownSafePromises: [{from: "file", name: "Foo"}]}], reported: [],
    code: `
type Foo<T> = Promise<T> & { hey?: string };
declare const arrayOrPromiseTuple: Foo<unknown>[];
arrayOrPromiseTuple;
      `,
  },
  {
    id: "valid 55", source: 656, options: [{allowForKnownSafePromises: [{from: "file", name: "Foo"}]}], reported: [],
    code: `
type Foo<T> = Promise<T> & { hey?: string };
declare const arrayOrPromiseTuple: [Foo<unknown>, 5];
arrayOrPromiseTuple;
      `,
  },
  {
    id: "valid 56", source: 664, options: [{allowForKnownSafePromises: [{from: "file", name: "SafePromise"}]}], reported: [],
    code: `
type SafePromise = Promise<number> & { __linterBrands?: string };
declare const myTag: (strings: TemplateStringsArray) => SafePromise;
myTag\`abc\`;
      `,
  },
  {
    id: "valid 57", source: 674, options: [{allowForKnownSafeCalls: [{from: "file", name: "it", path: "file.ts"}]}], reported: [],
    code: `
declare function it(...args: unknown[]): Promise<void>;

it('...', () => {});
      `,
  },
  {
    id: "valid 58", source: 698, reported: [],
    code: `
declare const myTag: (strings: TemplateStringsArray) => Promise<void>;
myTag\`abc\`.catch(() => {});
      `,
  },
  {
    id: "valid 59", source: 704, reported: [],
    code: `
declare const myTag: (strings: TemplateStringsArray) => string;
myTag\`abc\`;
      `,
  },
  {
    id: "valid 60", source: 710, reported: [],
    code: `
declare let x: any;
declare const promiseArray: Array<Promise<unknown>>;
x = promiseArray;
      `,
  },
  {
    id: "valid 61", source: 717, reported: [],
    code: `
declare let x: Promise<number>;
x = Promise.resolve(2);
      `,
  },
  {
    id: "valid 62", source: 723, reported: [],
    code: `
declare const promiseArray: Array<Promise<unknown>>;
async function f() {
  return promiseArray;
}
      `,
  },
  {
    id: "valid 63", source: 731, reported: [],
    code: `
declare const promiseArray: Array<Promise<unknown>>;
async function* generator() {
  yield* promiseArray;
}
      `,
  },
  {
    id: "valid 64", source: 739, reported: [],
    code: `
async function* generator() {
  yield Promise.resolve();
}
      `,
  },
  {
    id: "valid 65", source: 746, options: [{allowForKnownSafePromises: [{from: "file", name: "SafeThenable"}]}], reported: [],
    code: `
interface SafeThenable<T> {
  then<TResult1 = T, TResult2 = never>(
    onfulfilled?:
      ((value: T) => TResult1 | SafeThenable<TResult1>) | undefined | null,
    onrejected?:
      ((reason: any) => TResult2 | SafeThenable<TResult2>) | undefined | null,
  ): SafeThenable<TResult1 | TResult2>;
}
let promise: () => SafeThenable<number> = () => Promise.resolve(5);
promise().then(() => {});
      `,
  },
  {
    id: "valid 66", source: 766, options: [{allowForKnownSafeCalls: [{from: "package", name: "it", package: "abc"}]}], reported: [],
    code: `
declare module 'abc' {
  export function it(name: string, action: () => void): void;
}
it('...', () => {});
      `,
  },
  {
    id: "valid 67", source: 781, options: [{allowForKnownSafeCalls: [{from: "package", name: "it", package: "abc"}]}], reported: [],
    code: `
declare module 'abc' {
  export function it(name: string, action: () => void): void;
}

it('...', () => {});
      `,
  },
  {
    id: "valid 69", source: 813, options: [{allowForKnownSafePromises: [{from: "file", name: "SafePromise"}], checkThenables: true}], reported: [],
    code: `
interface SafePromise<T> extends Promise<T> {
  brand: 'safe';
}

declare const createSafePromise: () => SafePromise<string>;
createSafePromise();
      `,
  },
  {
    id: "valid 70", source: 829, reported: [],
    code: `
declare const createPromiseLike: () => PromiseLike<number>;
createPromiseLike();
    `,
  },
  {
    id: "valid 71", source: 833, reported: [],
    code: `
interface MyThenable {
  then(onFulfilled: () => void, onRejected: () => void): MyThenable;
}

declare function createMyThenable(): MyThenable;

createMyThenable();
    `,
  },
  {
    id: "valid 72", source: 842, options: [{allowForKnownSafeCalls: ["randomAsyncFunction"]}], reported: [],
    code: `
const randomAsyncFunction = async () => {
  return Promise.resolve(true);
};

randomAsyncFunction();
      `,
  },
  {
    id: "valid 73", source: 856, options: [{allowForKnownSafeCalls: ["myAsyncFunction"]}], reported: [],
    code: `
async function myAsyncFunction() {
  return Promise.resolve('test');
}

myAsyncFunction();
      `,
  },
  {
    id: "valid 74", source: 871, reported: [],
    code: `document.addEventListener('click', () => void fetch('/api/click'));`,
  },
  {
    id: "valid 75", source: 873, reported: [],
    code: `
document.addEventListener('click', () => {
  void fetch('/api/click');
});
    `,
  },
  {
    id: "valid 76", source: 884, reported: [],
    code: `
interface CustomNode<P> {
  getNextNode: () => CustomNode<P>;
}

declare const createNode: () => {
  getNextNode: <T>() => CustomNode<T>;
};

function wrapNode<T>(getNode: () => CustomNode<T>) {
  return getNode;
}

(async () => {
  wrapNode(() => {
    const node = createNode();

    return wrapNode<typeof node.getNextNode<any>>(node.getNextNode);
  });
})().catch(() => {});
    `,
  },
  {
    id: "invalid 0", source: 908, reported: [3,4,5,6],
    code: `
async function test() {
  Promise.resolve('value');
  Promise.resolve('value').then(() => {});
  Promise.resolve('value').catch();
  Promise.resolve('value').finally();
}
      `,
  },
  {
    id: "invalid 1", source: 1032, reported: [11,12,13,14,15,16,18,21],
    code: `
const doSomething = async (
  obj1: { a?: { b?: { c?: () => Promise<void> } } },
  obj2: { a?: { b?: { c: () => Promise<void> } } },
  obj3: { a?: { b: { c?: () => Promise<void> } } },
  obj4: { a: { b: { c?: () => Promise<void> } } },
  obj5: { a?: () => { b?: { c?: () => Promise<void> } } },
  obj6?: { a: { b: { c?: () => Promise<void> } } },
  callback?: () => Promise<void>,
): Promise<void> => {
  obj1.a?.b?.c?.();
  obj2.a?.b?.c();
  obj3.a?.b.c?.();
  obj4.a.b.c?.();
  obj5.a?.().b?.c?.();
  obj6?.a.b.c?.();

  callback?.();
};

doSomething();
      `,
  },
  {
    id: "invalid 2", source: 1506, reported: [3],
    code: `
declare const myTag: (strings: TemplateStringsArray) => Promise<void>;
myTag\`abc\`;
      `,
  },
  {
    id: "invalid 3", source: 1534, reported: [3],
    code: `
declare const myTag: (strings: TemplateStringsArray) => Promise<void>;
myTag\`abc\`.then(() => {});
      `,
  },
  {
    id: "invalid 4", source: 1562, reported: [3],
    code: `
declare const myTag: (strings: TemplateStringsArray) => Promise<void>;
myTag\`abc\`.finally(() => {});
      `,
  },
  {
    id: "invalid 5", source: 1591, options: [{ignoreVoid: true}], reported: [3],
    code: `
async function test() {
  Promise.resolve('value');
}
      `,
  },
  {
    id: "invalid 6", source: 1623, reported: [3,4,5,6],
    code: `
async function test() {
  Promise.reject(new Error('message'));
  Promise.reject(new Error('message')).then(() => {});
  Promise.reject(new Error('message')).catch();
  Promise.reject(new Error('message')).finally();
}
      `,
  },
  {
    id: "invalid 7", source: 1747, reported: [3,4,5],
    code: `
async function test() {
  (async () => true)();
  (async () => true)().then(() => {});
  (async () => true)().catch();
}
      `,
  },
  {
    id: "invalid 8", source: 1836, reported: [5,6,7,8],
    code: `
async function test() {
  async function returnsPromise() {}

  returnsPromise();
  returnsPromise().then(() => {});
  returnsPromise().catch();
  returnsPromise().finally();
}
      `,
  },
  {
    id: "invalid 9", source: 1978, reported: [3,4],
    code: `
async function test() {
  Math.random() > 0.5 ? Promise.resolve() : null;
  Math.random() > 0.5 ? null : Promise.resolve();
}
      `,
  },
  {
    id: "invalid 10", source: 2036, reported: [3,4,5],
    code: `
async function test() {
  (Promise.resolve(), 123);
  (123, Promise.resolve());
  (123, Promise.resolve(), 123);
}
      `,
  },
  {
    id: "invalid 11", source: 2125, options: [{ignoreVoid: false}], reported: [3],
    code: `
async function test() {
  void Promise.resolve();
}
      `,
  },
  {
    id: "invalid 12", source: 2149, options: [{ignoreVoid: false}], reported: [4],
    code: `
async function test() {
  const promise = new Promise((resolve, reject) => resolve('value'));
  promise;
}
      `,
  },
  {
    id: "invalid 13", source: 2175, options: [{ignoreVoid: false}], reported: [5],
    code: `
async function returnsPromise() {
  return 'value';
}
void returnsPromise();
      `,
  },
  {
    id: "invalid 14", source: 2201, options: [{ignoreVoid: false}], reported: [5],
    code: `
async function returnsPromise() {
  return 'value';
}
void /* ... */ returnsPromise();
      `,
  },
  {
    id: "invalid 15", source: 2228, options: [{ignoreVoid: false}], reported: [5],
    code: `
async function returnsPromise() {
  return 'value';
}
(1, returnsPromise());
      `,
  },
  {
    id: "invalid 16", source: 2254, options: [{ignoreVoid: false}], reported: [5],
    code: `
async function returnsPromise() {
  return 'value';
}
bool ? returnsPromise() : null;
      `,
  },
  {
    id: "invalid 17", source: 2280, reported: [4],
    code: `
async function test() {
  const obj = { foo: Promise.resolve() };
  obj.foo;
}
      `,
  },
  {
    id: "invalid 18", source: 2314, reported: [3],
    code: `
async function test() {
  new Promise(resolve => resolve());
}
      `,
  },
  {
    id: "invalid 19", source: 2345, reported: [5,6,7,8],
    code: `
declare const promiseValue: Promise<number>;

async function test() {
  promiseValue;
  promiseValue.then(() => {});
  promiseValue.catch();
  promiseValue.finally();
}
      `,
  },
  {
    id: "invalid 20", source: 2487, reported: [5],
    code: `
declare const promiseUnion: Promise<number> | number;

async function test() {
  promiseUnion;
}
      `,
  },
  {
    id: "invalid 21", source: 2524, reported: [5,6,7],
    code: `
declare const promiseIntersection: Promise<number> & number;

async function test() {
  promiseIntersection;
  promiseIntersection.then(() => {});
  promiseIntersection.catch();
}
      `,
  },
  {
    id: "invalid 22", source: 2627, reported: [6,7,8,9],
    code: `
async function test() {
  class CanThen extends Promise<number> {}
  const canThen: CanThen = Foo.resolve(2);

  canThen;
  canThen.then(() => {});
  canThen.catch();
  canThen.finally();
}
      `,
  },
  {
    id: "invalid 23", source: 2778, options: [{checkThenables: true}], reported: [10,11],
    code: `
async function test() {
  class CatchableThenable {
    then(callback: () => void, callback: () => void): CatchableThenable {
      return new CatchableThenable();
    }
  }
  const thenable = new CatchableThenable();

  thenable;
  thenable.then(() => {});
}
      `,
  },
  {
    id: "invalid 24", source: 2872, reported: [18,19,20],
    code: `
// https://github.com/DefinitelyTyped/DefinitelyTyped/blob/master/types/promise-polyfill/index.d.ts
// Type definitions for promise-polyfill 6.0
// Project: https://github.com/taylorhakes/promise-polyfill
// Definitions by: Steve Jenkins <https://github.com/skysteve>
//                 Daniel Cassidy <https://github.com/djcsdy>
// Definitions: https://github.com/DefinitelyTyped/DefinitelyTyped

interface PromisePolyfillConstructor extends PromiseConstructor {
  _immediateFn?: (handler: (() => void) | string) => void;
}

declare const PromisePolyfill: PromisePolyfillConstructor;

async function test() {
  const promise = new PromisePolyfill(() => {});

  promise;
  promise.then(() => {});
  promise.catch();
}
      `,
  },
  {
    id: "invalid 25", source: 3066, reported: [2],
    code: `
(async () => {
  await something();
})();
      `,
  },
  {
    id: "invalid 26", source: 3097, reported: [2],
    code: `
(async () => {
  something();
})();
      `,
  },
  {
    id: "invalid 27", source: 3128, reported: [1],
    code: `(async function foo() {})();`,
  },
  {
    id: "invalid 28", source: 3147, reported: [3],
    code: `
function foo() {
  (async function bar() {})();
}
      `,
  },
  {
    id: "invalid 29", source: 3178, reported: [4],
    code: `
const foo = () =>
  new Promise(res => {
    (async function () {
      await res(1);
    })();
  });
      `,
  },
  {
    id: "invalid 30", source: 3218, reported: [2],
    code: `
(async function () {
  await res(1);
})();
      `,
  },
  {
    id: "invalid 31", source: 3249, options: [{ignoreIIFE: true}], reported: [3],
    code: `
(async function () {
  Promise.resolve();
})();
      `,
  },
  {
    id: "invalid 32", source: 3281, options: [{ignoreIIFE: true}], reported: [4,5,6,7],
    code: `
declare const promiseIntersection: Promise<number> & number;
(async function () {
  promiseIntersection;
  promiseIntersection.then(() => {});
  promiseIntersection.catch();
  promiseIntersection.finally();
})();
      `,
  },
  {
    id: "invalid 33", source: 3415, reported: [6],
    code: `
async function foo() {
  const myPromise = async () => void 0;
  const condition = true;

  void condition || myPromise();
}
      `,
  },
  {
    id: "invalid 34", source: 3455, options: [{ignoreVoid: false}], reported: [6],
    code: `
async function foo() {
  const myPromise = async () => void 0;
  const condition = true;

  (await condition) && myPromise();
}
      `,
  },
  {
    id: "invalid 35", source: 3485, reported: [6],
    code: `
async function foo() {
  const myPromise = async () => void 0;
  const condition = true;

  condition && myPromise();
}
      `,
  },
  {
    id: "invalid 36", source: 3525, reported: [6],
    code: `
async function foo() {
  const myPromise = async () => void 0;
  const condition = false;

  condition || myPromise();
}
      `,
  },
  {
    id: "invalid 37", source: 3565, reported: [6],
    code: `
async function foo() {
  const myPromise = async () => void 0;
  const condition = null;

  condition ?? myPromise();
}
      `,
  },
  {
    id: "invalid 38", source: 3605, options: [{ignoreVoid: false}], reported: [5],
    code: `
async function foo() {
  const myPromise = Promise.resolve(true);
  let condition = true;
  condition && myPromise;
}
      `,
  },
  {
    id: "invalid 39", source: 3633, options: [{ignoreVoid: false}], reported: [5],
    code: `
async function foo() {
  const myPromise = Promise.resolve(true);
  let condition = false;
  condition || myPromise;
}
      `,
  },
  {
    id: "invalid 40", source: 3661, options: [{ignoreVoid: false}], reported: [5],
    code: `
async function foo() {
  const myPromise = Promise.resolve(true);
  let condition = null;
  condition ?? myPromise;
}
      `,
  },
  {
    id: "invalid 41", source: 3689, reported: [6],
    code: `
async function foo() {
  const myPromise = async () => void 0;
  const condition = false;

  condition || condition || myPromise();
}
      `,
  },
  {
    id: "invalid 42", source: 3729, reported: [4,5,6,7,10,11,12,13],
    code: `
declare const maybeCallable: string | (() => void);
declare const definitelyCallable: () => void;
Promise.resolve().then(() => {}, undefined);
Promise.resolve().then(() => {}, null);
Promise.resolve().then(() => {}, 3);
Promise.resolve().then(() => {}, maybeCallable);
Promise.resolve().then(() => {}, definitelyCallable);

Promise.resolve().catch(undefined);
Promise.resolve().catch(null);
Promise.resolve().catch(3);
Promise.resolve().catch(maybeCallable);
Promise.resolve().catch(definitelyCallable);
      `,
  },
  {
    id: "invalid 43", source: 4084, reported: [2],
    code: `
Promise.reject() || 3;
      `,
  },
  {
    id: "invalid 44", source: 4109, options: [{ignoreVoid: false}], reported: [2],
    code: `
void Promise.resolve().then(() => {}, undefined);
      `,
  },
  {
    id: "invalid 45", source: 4129, options: [{ignoreVoid: false}], reported: [3],
    code: `
declare const maybeCallable: string | (() => void);
Promise.resolve().then(() => {}, maybeCallable);
      `,
  },
  {
    id: "invalid 46", source: 4151, options: [{ignoreVoid: false}], reported: [4,5,6,7,10,11,12,13],
    code: `
declare const maybeCallable: string | (() => void);
declare const definitelyCallable: () => void;
Promise.resolve().then(() => {}, undefined);
Promise.resolve().then(() => {}, null);
Promise.resolve().then(() => {}, 3);
Promise.resolve().then(() => {}, maybeCallable);
Promise.resolve().then(() => {}, definitelyCallable);

Promise.resolve().catch(undefined);
Promise.resolve().catch(null);
Promise.resolve().catch(3);
Promise.resolve().catch(maybeCallable);
Promise.resolve().catch(definitelyCallable);
      `,
  },
  {
    id: "invalid 47", source: 4363, options: [{ignoreVoid: false}], reported: [2],
    code: `
Promise.reject() || 3;
      `,
  },
  {
    id: "invalid 48", source: 4383, reported: [2],
    code: `
Promise.reject().finally(() => {});
      `,
  },
  {
    id: "invalid 49", source: 4408, options: [{ignoreVoid: false}], reported: [2],
    code: `
Promise.reject()
  .finally(() => {})
  .finally(() => {});
      `,
  },
  {
    id: "invalid 50", source: 4432, reported: [2],
    code: `
Promise.reject()
  .finally(() => {})
  .finally(() => {})
  .finally(() => {});
      `,
  },
  {
    id: "invalid 51", source: 4466, reported: [2],
    code: `
Promise.reject()
  .then(() => {})
  .finally(() => {});
      `,
  },
  {
    id: "invalid 52", source: 4497, reported: [3],
    code: `
declare const returnsPromise: () => Promise<void> | null;
returnsPromise()?.finally(() => {});
      `,
  },
  {
    id: "invalid 53", source: 4525, reported: [3],
    code: `
const promiseIntersection: Promise<number> & number;
promiseIntersection.finally(() => {});
      `,
  },
  {
    id: "invalid 54", source: 4553, reported: [2],
    code: `
(Promise.resolve().finally(() => {}), 123);
      `,
  },
  {
    id: "invalid 55", source: 4578, reported: [2],
    code: `
(async () => true)().finally();
      `,
  },
  {
    id: "invalid 56", source: 4603, reported: [2],
    code: `
Promise.reject(new Error('message')).finally(() => {});
      `,
  },
  {
    id: "invalid 57", source: 4628, reported: [5],
    code: `
function _<T, S extends Array<T | Promise<T>>>(
  maybePromiseArray: S | undefined,
): void {
  maybePromiseArray?.[0];
}
      `,
  },
  {
    id: "invalid 58", source: 4665, reported: [2],
    code: `
[1, 2, 3].map(() => Promise.reject());
      `,
  },
  {
    id: "invalid 59", source: 4671, reported: [3],
    code: `
declare const array: unknown[];
array.map(() => Promise.reject());
      `,
  },
  {
    id: "invalid 60", source: 4678, options: [{ignoreVoid: false}], reported: [3],
    code: `
declare const promiseArray: Array<Promise<unknown>>;
void promiseArray;
      `,
  },
  {
    id: "invalid 61", source: 4686, options: [{ignoreVoid: false}], reported: [4],
    code: `
declare const promiseArray: Array<Promise<unknown>>;
async function f() {
  await promiseArray;
}
      `,
  },
  {
    id: "invalid 62", source: 4696, reported: [2],
    code: `
[1, 2, Promise.reject(), 3];
      `,
  },
  {
    id: "invalid 63", source: 4702, reported: [2],
    code: `
[1, 2, Promise.reject().catch(() => {}), 3];
      `,
  },
  {
    id: "invalid 64", source: 4708, reported: [3],
    code: `
const data = ['test'];
data.map(async () => {
  await new Promise((_res, rej) => setTimeout(rej, 1000));
});
      `,
  },
  {
    id: "invalid 65", source: 4717, reported: [5],
    code: `
function _<T, S extends Array<T | Array<T | Promise<T>>>>(
  maybePromiseArrayArray: S | undefined,
): void {
  maybePromiseArrayArray?.[0];
}
      `,
  },
  {
    id: "invalid 66", source: 4727, reported: [3],
    code: `
function f<T extends Array<Promise<number>>>(a: T): void {
  a;
}
      `,
  },
  {
    id: "invalid 67", source: 4735, reported: [3],
    code: `
declare const a: Array<Promise<number>> | undefined;
a;
      `,
  },
  {
    id: "invalid 68", source: 4742, reported: [3],
    code: `
function f<T extends Array<Promise<number>>>(a: T | undefined): void {
  a;
}
      `,
  },
  {
    id: "invalid 69", source: 4750, reported: [2],
    code: `
[Promise.reject()] as const;
      `,
  },
  {
    id: "invalid 70", source: 4756, reported: [3],
    code: `
declare function cursed(): [Promise<number>, Promise<string>];
cursed();
      `,
  },
  {
    id: "invalid 71", source: 4763, reported: [2],
    code: `
[
  'Type Argument number ',
  1,
  'is not',
  Promise.resolve(),
  'but it still is flagged',
] as const;
      `,
  },
  {
    id: "invalid 72", source: 4775, reported: [4],
    code: `
declare const arrayOrPromiseTuple:
  Array<number> | [number, number, Promise<unknown>, string];
arrayOrPromiseTuple;
      `,
  },
  {
    id: "invalid 73", source: 4783, reported: [3],
    code: `
declare const okArrayOrPromiseArray: Array<number> | Array<Promise<unknown>>;
okArrayOrPromiseArray;
      `,
  },
  {
    id: "invalid 74", source: 4790, options: [{allowForKnownSafePromises: [{from: "file", name: "SafeThenable"}], checkThenables: true}], reported: [11],
    code: `
interface UnsafeThenable<T> {
  then<TResult1 = T, TResult2 = never>(
    onfulfilled?:
      ((value: T) => TResult1 | UnsafeThenable<TResult1>) | undefined | null,
    onrejected?:
      ((reason: any) => TResult2 | UnsafeThenable<TResult2>) | undefined | null,
  ): UnsafeThenable<TResult1 | TResult2>;
}
let promise: UnsafeThenable<number> = Promise.resolve(5);
promise;
      `,
  },
  {
    id: "invalid 75", source: 4848, options: [{allowForKnownSafePromises: [{from: "file", name: "SafePromise"}]}], reported: [4],
    code: `
class SafePromise<T> extends Promise<T> {}
let promise: SafePromise<number> = Promise.resolve(5);
promise.catch();
      `,
  },
  {
    id: "invalid 76", source: 4882, options: [{allowForKnownSafePromises: [{from: "file", name: "SafePromise"}]}], reported: [4],
    code: `
class UnsafePromise<T> extends Promise<T> {}
let promise: () => UnsafePromise<number> = async () => 5;
promise().finally();
      `,
  },
  {
    id: "invalid 77", source: 4916, options: [{allowForKnownSafePromises: [{from: "file", name: "SafePromise"}]}], reported: [4],
    code: `
type UnsafePromise = Promise<number> & { hey?: string };
let promise: UnsafePromise = Promise.resolve(5);
0 ? promise.catch() : 2;
      `,
  },
  {
    id: "invalid 78", source: 4950, options: [{allowForKnownSafePromises: [{from: "file", name: "SafePromise"}]}], reported: [4],
    code: `
type UnsafePromise = Promise<number> & { hey?: string };
let promise: () => UnsafePromise = async () => 5;
null ?? promise().catch();
      `,
  },
  {
    id: "invalid 79", source: 4984, options: [{allowForKnownSafePromises: [{from: "file", name: "Bar"}]}], reported: [4],
    code: `
type Foo<T> = Promise<T> & { hey?: string };
declare const arrayOrPromiseTuple: Foo<unknown>[];
arrayOrPromiseTuple;
      `,
  },
  {
    id: "invalid 80", source: 4995, options: [{allowForKnownSafePromises: [{from: "file", name: "SafePromise"}]}], reported: [5],
    code: `
type SafePromise = Promise<number> & { hey?: string };
let foo: SafePromise = Promise.resolve(1);
let bar = [Promise.resolve(2), foo];
bar;
      `,
  },
  {
    id: "invalid 81", source: 5007, options: [{allowForKnownSafePromises: [{from: "file", name: "Bar"}]}], reported: [4],
    code: `
type Foo<T> = Promise<T> & { hey?: string };
declare const arrayOrPromiseTuple: [Foo<unknown>, 5];
arrayOrPromiseTuple;
      `,
  },
  {
    id: "invalid 82", source: 5016, options: [{allowForKnownSafePromises: [{from: "file", name: "Foo"}]}], reported: [4],
    code: `
type SafePromise = Promise<number> & { __linterBrands?: string };
declare const myTag: (strings: TemplateStringsArray) => SafePromise;
myTag\`abc\`;
      `,
  },
  {
    id: "invalid 83", source: 5048, options: [{allowForKnownSafeCalls: [{from: "file", name: "it", path: "file.ts"}]}], reported: [4],
    code: `
declare function unsafe(...args: unknown[]): Promise<void>;

unsafe('...', () => {});
      `,
  },
  {
    id: "invalid 84", source: 5094, options: [{allowForKnownSafeCalls: [{from: "file", name: "it", path: "file.ts"}]}], reported: [4],
    code: `
declare function it(...args: unknown[]): Promise<void>;

it('...', () => {}).then(() => {});
      `,
  },
  {
    id: "invalid 85", source: 5139, options: [{allowForKnownSafeCalls: [{from: "file", name: "it", path: "file.ts"}]}], reported: [4],
    code: `
declare function it(...args: unknown[]): Promise<void>;

it('...', () => {}).finally(() => {});
      `,
  },
  {
    id: "invalid 86", source: 5184, options: [{checkThenables: true}], reported: [3],
    code: `
declare const createPromise: () => PromiseLike<number>;
createPromise();
      `,
  },
  {
    id: "invalid 87", source: 5213, options: [{checkThenables: true}], reported: [8],
    code: `
interface MyThenable {
  then(onFulfilled: () => void, onRejected: () => void): MyThenable;
}

declare function createMyThenable(): MyThenable;

createMyThenable();
      `,
  },
  {
    id: "invalid 88", source: 5257, reported: [3],
    code: `
declare const createPromise: () => Promise<number>;
createPromise();
      `,
  },
  {
    id: "invalid 89", source: 5285, reported: [4],
    code: `
class MyPromise<T> extends Promise<T> {}
declare const createMyPromise: () => MyPromise<number>;
createMyPromise();
      `,
  },
  {
    id: "invalid 90", source: 5316, options: [{checkThenables: true}], reported: [6],
    code: `
class MyPromise<T> extends Promise<T> {
  additional: string;
}
declare const createMyPromise: () => MyPromise<number>;
createMyPromise();
      `,
  },
  {
    id: "invalid 91", source: 5354, reported: [null],
    code: `
declare const x: any;
function* generator(): Generator<number, void, Promise<number>> {
  yield x;
}
      `,
  },
  {
    id: "invalid 92", source: 5387, reported: [null],
    code: `
declare const x: Generator<number, Promise<number>, void>;
function* generator(): Generator<number, void, void> {
  yield* x;
}
      `,
  },
  {
    id: "invalid 93", source: 5420, reported: [3],
    code: `
const value = {};
value as Promise<number>;
      `,
  },
  {
    id: "invalid 94", source: 5448, reported: [2],
    code: `
({}) as Promise<number> & number;
      `,
  },
  {
    id: "invalid 95", source: 5473, reported: [2],
    code: `
({}) as Promise<number> & { yolo?: string };
      `,
  },
  {
    id: "invalid 96", source: 5498, reported: [2],
    code: `
<Promise<number>>{};
      `,
  },
  {
    id: "invalid 97", source: 5523, reported: [null],
    code: `
Promise.reject('foo').then();
      `,
  },
  {
    id: "invalid 98", source: 5547, reported: [null],
    code: `
Promise.reject('foo').finally();
      `,
  },
  {
    id: "invalid 99", source: 5571, reported: [null],
    code: `
Promise.reject('foo').finally(...[], () => {});
      `,
  },
  {
    id: "invalid 100", source: 5595, reported: [null],
    code: `
Promise.reject('foo').then(...[], () => {});
      `,
  },
  {
    id: "invalid 101", source: 5625, reported: [null],
    code: `
interface CustomNode<P> {
  getNextNode: () => CustomNode<P>;
}

declare const createNode: () => {
  getNextNode: <T>() => CustomNode<T>;
};

function wrapNode<T>(getNode: () => CustomNode<T>) {
  return getNode;
}

(async () => {
  wrapNode(() => {
    const node = createNode();

    return wrapNode<typeof node.getNextNode<any>>(node.getNextNode);
  });
})();
      `,
  },
  {
    id: "invalid 102", source: 5704, options: [{ignoreVoid: false}], reported: [1],
    code: `document.addEventListener('click', () => void fetch('/api/click'));`,
  },
  {
    id: "invalid 103", source: 5725, options: [{ignoreVoid: false}], reported: [3],
    code: `
document.addEventListener('click', () => {
  void fetch('/api/click');
});
      `,
  },
];

const filename = path.join(fixtureProjectRoot, "file.ts");
const linter = new Linter({ configType: "flat", cwd: fixtureProjectRoot });

function reportedLines(code: string, options: readonly unknown[] | undefined, typed: boolean): number[] {
  const messages = linter.verify(
    code,
    [
      {
        files: ["**/*.ts"],
        languageOptions: { parser: tsParser as Linter.Parser, parserOptions: typed ? typedParserOptions : {} },
        plugins: { "async-pitfalls": { rules: { "no-floating-promise": rule as never } } },
        rules: { "async-pitfalls/no-floating-promise": ["error", ...(options ?? [])] as Linter.RuleEntry },
      },
    ],
    { filename },
  );
  const fatal = messages.filter((message) => message.fatal);
  expect(fatal, "the case must parse").toEqual([]);
  return messages.map((message) => message.line).sort((a, b) => a - b);
}

/** Same verdict on every line: the same lines (for `null` lines, the same number of reports). */
function sameLines(ours: readonly number[], theirs: readonly (number | null)[]): boolean {
  if (theirs.includes(null)) return ours.length === theirs.length;
  return JSON.stringify(ours) === JSON.stringify([...theirs].sort((a, b) => a! - b!));
}

describe("no-floating-promise agrees with typescript-eslint's no-floating-promises", () => {
  it("has a representative selection", () => {
    expect(cases.filter((entry) => entry.id.startsWith("valid")).length).toBeGreaterThanOrEqual(30);
    expect(cases.filter((entry) => entry.id.startsWith("invalid")).length).toBeGreaterThanOrEqual(30);
  });

  describe("typed: same verdict on every line", () => {
    for (const entry of cases) {
      if (typedDifferences.has(entry.id)) continue;
      it(`${entry.id} (their line ${entry.source})`, () => {
        expect(reportedLines(entry.code, entry.options, true)).toSatisfy((ours: number[]) => sameLines(ours, entry.reported));
      });
    }
  });

  describe("untyped: never reports what typescript-eslint does not", () => {
    for (const entry of cases) {
      if (untypedDifferences.has(entry.id)) continue;
      it(`${entry.id} (their line ${entry.source})`, () => {
        const ours = reportedLines(entry.code, entry.options, false);
        if (entry.reported.includes(null)) expect(ours.length).toBeLessThanOrEqual(entry.reported.length);
        else for (const line of ours) expect(entry.reported).toContain(line);
      });
    }
    it("lists real differences only", () => {
      for (const id of untypedDifferences.keys()) {
        const entry = cases.find((candidate) => candidate.id === id)!;
        const ours = reportedLines(entry.code, entry.options, false);
        expect(ours.some((line) => !entry.reported.includes(line))).toBe(true);
      }
    });
  });
});

/**
 * Our own cases where we deliberately differ from typescript-eslint, typed mode. `typescriptEslint` is its verdict
 * (flagged or not) as documented or as its implementation decides; `ours` is asserted.
 */
const ourDifferences: readonly { name: string; code: string; options?: readonly unknown[]; ours: boolean; typescriptEslint: boolean; reason: string }[] = [
  {
    name: "node:test's test() / describe() are known safe",
    code: 'import { describe, it } from "node:test";\ndescribe("suite", async () => {\n  it("works", async () => {});\n});\n',
    ours: false,
    typescriptEslint: true,
    reason:
      "node:test returns promises the test runner itself awaits; a top-level describe/it needs no handling. " +
      "typescript-eslint reports them unless listed in allowForKnownSafeCalls (and its package matcher misses node: modules, " +
      "its issue #11504); ours is a built-in allow-list in knowledge.ts.",
  },
  {
    name: "import { it } from 'node:test' with allowForKnownSafeCalls { from: 'package' }",
    code: 'import { it } from "node:test";\nit("works", async () => {});\n',
    options: [{ allowForKnownSafeCalls: [{ from: "package", name: "it", package: "node:test" }] }],
    ours: false,
    typescriptEslint: true,
    reason: "We resolve the import, so the package specifier matches (typescript-eslint's skipped test, issue #11504).",
  },
  {
    name: "a rejection handler typed any is given the benefit of the doubt",
    code: "declare const handler: any;\nPromise.reject(new Error('x')).catch(handler);\n",
    ours: false,
    typescriptEslint: true,
    reason:
      "typescript-eslint counts a handler without call signatures as 'not a function', `any` included. An `any` " +
      "handler (an untyped import) usually is a function; precision first.",
  },
  {
    name: "an async IIFE whose every await is inside a try … catch that does not rethrow",
    code: "declare function work(): Promise<void>;\n(async () => {\n  try {\n    await work();\n  } catch (error) {\n    console.error(error);\n  }\n})();\n",
    ours: false,
    typescriptEslint: true,
    reason:
      "The function cannot reject: the author caught what can fail, so firing it and forgetting is deliberate " +
      "(self-handling.ts). Seen in hono's streaming helpers; typescript-eslint does not look into the callee.",
  },
  {
    name: "a call of a function (here a method of another module's class) that keeps its errors inside",
    code: 'import { Repository } from "./repo";\nnew Repository().close();\n',
    ours: false,
    typescriptEslint: true,
    reason: "As above, through the checker's resolved declaration (`Repository.close` catches around its only await).",
  },
  {
    name: "popping a [type, promise] tuple off a stack",
    code: "declare const stack: [number, Promise<void>][];\nstack.pop();\n",
    ours: false,
    typescriptEslint: true,
    reason:
      "pop/shift/splice take out what someone else created and stored; nothing new floats. typescript-eslint reports " +
      "a promise-holding tuple as a promise array (seen in hono's JSX hooks).",
  },
  {
    name: "Object.assign onto a promise that is returned afterwards",
    code: "export function f() {\n  const p = Promise.resolve(1);\n  Object.assign(p, { label: 'x' });\n  return p;\n}\n",
    ours: false,
    typescriptEslint: true,
    reason: "Object.assign returns its first argument, which the code keeps by name (seen in hono's css helper).",
  },
  {
    name: "a resolve captured from a Promise executor, declared `(() => void) | undefined`",
    code:
      "export function f(g: () => unknown) {\n  let resolve: (() => void) | undefined;\n  const done = new Promise<void>((r) => (resolve = r));\n" +
      "  const res = g();\n  if (res instanceof Promise) res.then(resolve, resolve);\n  return done;\n}\n",
    ours: false,
    typescriptEslint: true,
    reason:
      "The executor runs synchronously inside `new Promise`, so the variable holds a function before the handler is " +
      "passed; the checker cannot see it. A real maybe-function (`string | (() => void)`, an optional callback) is still reported.",
  },
];

describe("deliberate differences (typed)", () => {
  for (const difference of ourDifferences) {
    it(`${difference.name}: ours ${difference.ours ? "reports" : "is silent"}, typescript-eslint ${difference.typescriptEslint ? "reports" : "is silent"}`, () => {
      expect(difference.ours).not.toBe(difference.typescriptEslint);
      expect(reportedLines(difference.code, difference.options, true).length > 0).toBe(difference.ours);
    });
  }
});
