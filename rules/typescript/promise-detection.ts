/**
 * One question for every rule that cares about promises: "is this expression a promise?", answered in two modes.
 *
 * - **Typed**, when the file was parsed with type information (`parserOptions.projectService` or `project`): the
 *   checker decides (`typed-promises.ts`): the built-in `Promise` and what derives from it, any member of a union;
 *   with `checkThenables`, any type whose `then` takes a fulfilment and a rejection callback.
 * - **Untyped** otherwise: names and declarations decide (`untyped-promises.ts`): same-file `async` functions and
 *   `Promise<…>` annotations, methods of the same class, methods of same-file classes and of classes imported from
 *   other project modules on receivers whose class is certain, functions imported from other project modules, and the
 *   known promise APIs of `knowledge.ts`. Unknown receivers and callees are not promises.
 *
 * `no-floating-promise` uses it; `no-dangling-task` and `no-unbounded-fan-out` reuse `isPromiseValued`.
 */
import { ESLintUtils, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import type ts from "typescript";
import { TypedPromises } from "./typed-promises.js";
import { UntypedPromises } from "./untyped-promises.js";

export { clearOverlays, setOverlay } from "./project-files.js";

export interface PromiseDetectionOptions {
  /** Count any thenable, not just `Promise` (typed: `then(onFulfilled, onRejected)`; untyped: `PromiseLike<…>`). */
  readonly checkThenables?: boolean;
  /** Typed mode: types that must not count as promises (`allowForKnownSafePromises`). */
  readonly isSafeType?: (type: ts.Type) => boolean;
  /** Untyped mode: type names (in annotations) whose promises must not count. */
  readonly safeTypeNames?: ReadonlySet<string>;
}

export interface PromiseDetector {
  /** Whether the checker answers (typed mode). */
  readonly typed: boolean;
  /** The checker's side, in typed mode. */
  readonly types: TypedPromises | undefined;
  /** Whether evaluating `node` gives a promise (or, for a conditional or logical expression, may give one). */
  isPromise(node: TSESTree.Node): boolean;
  /** An array or tuple of promises: `xs.map(async (x) => …)`, `[p, q]`. */
  isPromiseArray(node: TSESTree.Node): boolean;
  /** Whether a value certainly is not a function (a rejection handler like `null` or `3`). */
  isNonFunction(node: TSESTree.Node): boolean;
  /**
   * Untyped mode: whether a callee is a method of a known class (same-file, or imported from a project module) that
   * keeps its errors inside (`self-handling.ts`). Typed mode answers `false`: the rule asks the checker itself.
   */
  calleeKeepsErrorsInside(callee: TSESTree.Node): boolean;
}

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The parser services with a type checker, or `undefined` in untyped mode (any parser, no `project`). */
export function typedServices(context: AnyContext): ParserServicesWithTypeInformation | undefined {
  if (!context.sourceCode.parserServices?.program) return undefined;
  const services = ESLintUtils.getParserServices(context, true);
  return services.program ? (services as ParserServicesWithTypeInformation) : undefined;
}

export function createPromiseDetector(context: AnyContext, options: PromiseDetectionOptions = {}): PromiseDetector {
  const thenables = options.checkThenables ?? false;
  const services = typedServices(context);
  if (services) {
    const types = new TypedPromises(services, { thenables, isSafeType: options.isSafeType });
    return {
      typed: true,
      types,
      isPromise: (node) => types.isPromise(node),
      isPromiseArray: (node) => types.isPromiseArray(node),
      isNonFunction: (node) => types.isNonFunction(node),
      calleeKeepsErrorsInside: () => false,
    };
  }
  const untyped = new UntypedPromises(context.sourceCode, context.physicalFilename || context.filename, context.cwd, {
    thenables,
    safeTypeNames: options.safeTypeNames,
  });
  return {
    typed: false,
    types: undefined,
    isPromise: (node) => untyped.isPromise(node),
    isPromiseArray: (node) => untyped.isPromiseArray(node),
    isNonFunction: (node) => untyped.isNonFunction(node),
    calleeKeepsErrorsInside: (callee) => untyped.calleeKeepsErrorsInside(callee),
  };
}

const defaultDetectors = new WeakMap<object, PromiseDetector>();

/** Whether `node` evaluates to a promise, with the default options; one detector per linted file. */
export function isPromiseValued(node: TSESTree.Node, context: AnyContext): boolean {
  let detector = defaultDetectors.get(context.sourceCode);
  if (!detector) {
    detector = createPromiseDetector(context);
    defaultDetectors.set(context.sourceCode, detector);
  }
  return detector.isPromise(node);
}
