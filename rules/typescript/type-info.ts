/**
 * Type information when the file is part of a TypeScript program (`parserOptions.projectService`/`project`), and
 * nothing otherwise: rules ask here and fall back to syntax when the answer is `undefined`.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import ts from "typescript";

export interface TypeInfo {
  readonly checker: ts.TypeChecker;
  typeOf(node: TSESTree.Node): ts.Type;
}

const cache = new WeakMap<object, TypeInfo | null>();

/** The type checker and a node → type lookup, or `undefined` for an untyped run. */
export function typeInfo(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): TypeInfo | undefined {
  const services = context.sourceCode.parserServices;
  if (!services) return undefined;
  const cached = cache.get(services);
  if (cached !== undefined) return cached ?? undefined;
  let info: TypeInfo | null = null;
  if (services.program && services.esTreeNodeToTSNodeMap) {
    const checker = services.program.getTypeChecker();
    const map = services.esTreeNodeToTSNodeMap;
    info = { checker, typeOf: (node) => checker.getTypeAtLocation(map.get(node as never)) };
  }
  cache.set(services, info);
  return info ?? undefined;
}

/** Whether a type is, or has a union member that is, number-like (`number`, a number literal, `any`, `unknown`). */
export function mayBeNumber(type: ts.Type): boolean {
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((part) => (part.flags & (ts.TypeFlags.NumberLike | ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0);
}

/** Whether every member of a type is string-like (`string`, a string literal, a template literal type). */
export function isStringLike(type: ts.Type): boolean {
  const parts = type.isUnion() ? type.types : [type];
  return parts.length > 0 && parts.every((part) => (part.flags & ts.TypeFlags.StringLike) !== 0);
}
