/**
 * Promise questions answered by the TypeScript type checker (typed mode: `parserOptions.projectService`).
 *
 * - A value is a promise when its type, or any member of its union, is the built-in `Promise` (declared in the
 *   default library) or a class or interface deriving from it; type parameters are judged by their constraint and an
 *   intersection counts when any part is a promise.
 * - With `thenables`, any type with a `then(onFulfilled, onRejected)` method taking two functions counts too (a
 *   `then` with one callback cannot report a rejection, so nothing is lost by dropping it).
 * - A promise array is an array or tuple type with a promise element type.
 */
import type { ParserServicesWithTypeInformation, TSESTree } from "@typescript-eslint/utils";
import ts from "typescript";

export interface TypedPromiseOptions {
  readonly thenables: boolean;
  /** Types that must not count as promises (the `allowForKnownSafePromises` option). */
  readonly isSafeType?: (type: ts.Type) => boolean;
}

export class TypedPromises {
  readonly checker: ts.TypeChecker;
  readonly program: ts.Program;

  constructor(
    readonly services: ParserServicesWithTypeInformation,
    private readonly options: TypedPromiseOptions,
  ) {
    this.program = services.program;
    this.checker = services.program.getTypeChecker();
  }

  /** The type of an expression, or `undefined` when the checker fails on it. */
  typeOf(node: TSESTree.Node): ts.Type | undefined {
    try {
      return this.checker.getTypeAtLocation(this.services.esTreeNodeToTSNodeMap.get(node));
    } catch {
      return undefined;
    }
  }

  isPromise(node: TSESTree.Node): boolean {
    const type = this.typeOf(node);
    return type !== undefined && this.isPromiseType(type, this.services.esTreeNodeToTSNodeMap.get(node));
  }

  isPromiseType(type: ts.Type, at: ts.Node): boolean {
    if (this.options.isSafeType?.(type)) return false;
    const parts = unionParts(this.checker.getApparentType(type));
    if (parts.some((part) => this.isBuiltinPromise(part, new Set()))) return true;
    return this.options.thenables && parts.some((part) => this.isRejectableThenable(part, at));
  }

  /** An array or tuple whose elements are promises: `xs.map(async (x) => …)`. */
  isPromiseArray(node: TSESTree.Node): boolean {
    const type = this.typeOf(node);
    if (!type) return false;
    const at = this.services.esTreeNodeToTSNodeMap.get(node);
    for (const part of unionParts(type).map((member) => this.checker.getApparentType(member))) {
      if (this.checker.isArrayType(part)) {
        const element = this.checker.getTypeArguments(part as ts.TypeReference)[0];
        if (element && this.isPromiseType(element, at)) return true;
      }
      if (this.checker.isTupleType(part) && this.checker.getTypeArguments(part as ts.TypeReference).some((element) => this.isPromiseType(element, at))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a value certainly cannot be called: a rejection handler like `3`, `null` or `string | (() => void)`.
   * `any`, `unknown` and unresolved types are given the benefit of the doubt.
   */
  isNonFunction(node: TSESTree.Node): boolean {
    const type = this.typeOf(node);
    if (!type || type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return false;
    return type.getCallSignatures().length === 0;
  }

  private isBuiltinPromise(type: ts.Type, seen: Set<ts.Type>): boolean {
    if (seen.has(type)) return false;
    seen.add(type);
    if (type.isIntersection()) return type.types.some((part) => this.isBuiltinPromise(part, seen));
    if (type.isUnion()) return type.types.every((part) => this.isBuiltinPromise(part, seen));
    if (type.flags & ts.TypeFlags.TypeParameter) {
      const constraint = type.getConstraint();
      return constraint !== undefined && this.isBuiltinPromise(constraint, seen);
    }
    const symbol = type.getSymbol();
    if (!symbol) return false;
    if (symbol.getName() === "Promise" && this.isFromDefaultLibrary(symbol)) return true;
    if (!(symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface))) return false;
    const declared = this.checker.getDeclaredTypeOfSymbol(symbol);
    if (!declared.isClassOrInterface()) return false;
    return this.checker.getBaseTypes(declared).some((base) => this.isBuiltinPromise(base, seen));
  }

  private isFromDefaultLibrary(symbol: ts.Symbol): boolean {
    return (symbol.getDeclarations() ?? []).some((declaration) => this.program.isSourceFileDefaultLibrary(declaration.getSourceFile()));
  }

  /** `then(onFulfilled, onRejected)` where both parameters accept functions. */
  private isRejectableThenable(type: ts.Type, at: ts.Node): boolean {
    const then = type.getProperty("then");
    if (!then) return false;
    const thenType = this.checker.getTypeOfSymbolAtLocation(then, at);
    return unionParts(thenType).some((part) =>
      part.getCallSignatures().some((signature) => {
        const [first, second] = signature.parameters;
        return first !== undefined && second !== undefined && this.acceptsFunction(first, at) && this.acceptsFunction(second, at);
      }),
    );
  }

  private acceptsFunction(parameter: ts.Symbol, at: ts.Node): boolean {
    const type = this.checker.getApparentType(this.checker.getTypeOfSymbolAtLocation(parameter, at));
    return unionParts(type).some((part) => part.getCallSignatures().length > 0);
  }
}

export function unionParts(type: ts.Type): readonly ts.Type[] {
  return type.isUnion() ? type.types : [type];
}
