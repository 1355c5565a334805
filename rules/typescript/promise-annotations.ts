/**
 * Reading TypeScript type annotations without a type checker: does `Promise<T>` (or, for thenables, `PromiseLike<T>`)
 * appear as the type, or as the return type of a function type? Used for same-file declarations and for the exports
 * of other project modules, where there is no type information.
 *
 * A union counts when any member is a promise (`Promise<void> | null` can float), an intersection when any part is.
 * Type aliases and interfaces are not followed.
 */
import type { TSESTree } from "@typescript-eslint/utils";

export interface AnnotationOptions {
  /** Whether `PromiseLike<T>` counts too (the `checkThenables` option). */
  readonly thenables: boolean;
  /** Whether the name `Promise`/`PromiseLike` at this node means the global type (not a local declaration). */
  readonly isGlobalType?: (name: string, at: TSESTree.Node) => boolean;
  /** Type names declared safe to float (`allowForKnownSafePromises`, matched by name in untyped mode). */
  readonly safeTypeNames?: ReadonlySet<string>;
}

/**
 * Whether an annotation names a type listed as safe: `SafePromise<T>`; a union when every member is safe, an
 * intersection when any part is (as typescript-eslint matches types).
 */
export function isSafeTypeAnnotation(type: TSESTree.TypeNode | undefined, options: AnnotationOptions): boolean {
  if (!type || !options.safeTypeNames || options.safeTypeNames.size === 0) return false;
  switch (type.type) {
    case "TSTypeReference":
      return type.typeName.type === "Identifier" && options.safeTypeNames.has(type.typeName.name);
    case "TSUnionType":
      return type.types.every((member) => isSafeTypeAnnotation(member, options));
    case "TSIntersectionType":
      return type.types.some((member) => isSafeTypeAnnotation(member, options));
    default:
      return false;
  }
}

function promiseTypeNames(options: AnnotationOptions): readonly string[] {
  return options.thenables ? ["Promise", "PromiseLike"] : ["Promise"];
}

/** Whether a type annotation denotes a promise: `Promise<T>`, `Promise<T> | undefined`, `Promise<T> & Extra`. */
export function isPromiseType(type: TSESTree.TypeNode | undefined, options: AnnotationOptions): boolean {
  if (!type || isSafeTypeAnnotation(type, options)) return false;
  switch (type.type) {
    case "TSTypeReference": {
      if (type.typeName.type !== "Identifier") return false;
      const name = type.typeName.name;
      return promiseTypeNames(options).includes(name) && (options.isGlobalType?.(name, type) ?? true);
    }
    case "TSUnionType":
    case "TSIntersectionType":
      return type.types.some((member) => isPromiseType(member, options));
    default:
      return false;
  }
}

/** Whether a type annotation is a function type returning a promise: `() => Promise<void>`, `(() => Promise<T>) | undefined`. */
export function isPromiseFunctionType(type: TSESTree.TypeNode | undefined, options: AnnotationOptions): boolean {
  if (!type) return false;
  switch (type.type) {
    case "TSFunctionType":
      return isPromiseType(type.returnType?.typeAnnotation, options);
    case "TSUnionType":
      return type.types.some((member) => isPromiseFunctionType(member, options));
    default:
      return false;
  }
}

type FunctionLike =
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.ArrowFunctionExpression
  | TSESTree.TSDeclareFunction
  | TSESTree.TSEmptyBodyFunctionExpression;

/**
 * Whether calling a function returns a promise, from its declaration alone: `async` (not an async generator, which
 * returns an async iterator) unless its declared return type is listed as safe, or a declared `Promise<…>` return type.
 */
export function functionReturnsPromise(fn: FunctionLike, options: AnnotationOptions): boolean {
  const returnType = fn.returnType?.typeAnnotation;
  if (fn.async && !fn.generator) return !isSafeTypeAnnotation(returnType, options);
  return isPromiseType(returnType, options);
}
