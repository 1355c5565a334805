/**
 * "Does calling this function give a promise?" in both modes, for callbacks handed to `map`, `forEach`, timers:
 * typed, any call signature of its type returns a promise (`typed-promises.ts`); untyped, `UntypedPromises`'
 * evidence (an `async` function, a `Promise<…>` return type, an arrow whose body is a promise, a same-file or
 * imported project function known to return one). One checker per linted file.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { typedServices } from "./promise-detection.js";
import { TypedPromises } from "./typed-promises.js";
import { UntypedPromises } from "./untyped-promises.js";

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

interface FunctionPromises {
  returnsPromise(node: TSESTree.Node): boolean;
}

const checkers = new WeakMap<object, FunctionPromises>();

function checkerFor(context: AnyContext): FunctionPromises {
  const key = context.sourceCode;
  let checker = checkers.get(key);
  if (checker) return checker;
  const services = typedServices(context);
  if (services) {
    const types = new TypedPromises(services, { thenables: false });
    checker = {
      returnsPromise(node) {
        const type = types.typeOf(node);
        if (!type) return false;
        const at = services.esTreeNodeToTSNodeMap.get(node);
        return type.getCallSignatures().some((signature) => types.isPromiseType(signature.getReturnType(), at));
      },
    };
  } else {
    const untyped = new UntypedPromises(context.sourceCode, context.physicalFilename || context.filename, context.cwd, { thenables: false });
    checker = { returnsPromise: (node) => untyped.returnsPromise(node) };
  }
  checkers.set(key, checker);
  return checker;
}

/** Whether calling the value of `node` (a function expression, an identifier, a member…) returns a promise. */
export function returnsPromise(node: TSESTree.Node, context: AnyContext): boolean {
  return checkerFor(context).returnsPromise(node);
}
