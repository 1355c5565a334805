/**
 * How many items an array expression can have, when the code says so: an upper bound from literals and constants,
 * `"bounded"` when the author has visibly cut the input to size (a `chunk`/`batch` variable, an item of
 * `chunk(xs, n)`), `undefined` when nothing is known (a parameter, the result of an unknown call).
 *
 * Known: array literals (`[a, b, ...KNOWN]`), `Array.from({ length: N })`, `Array(N)`, `new Array(N)`,
 * `Array.of(…)`, `Object.keys/values/entries` of an object literal, `xs.slice(a, b)` / `xs.slice(i, i + N)` /
 * `xs.splice(s, N)` with constant spans (or a count named like a chunk size: `splice(0, batchSize)`), size-preserving methods on a known array (`.map`, `.filter`, `.keys()`…),
 * `[...new Set(KNOWN)]`, `const` arrays that are never grown (`push`/`unshift`/`splice`), tuple annotations
 * (`ids: [string, string]`), arrays of keys (`events: (keyof TEvents)[]`: bounded by the key set) and, typed, tuple
 * types.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import type ts from "typescript";
import { isGlobalReference, referenceOf, skipTransparentWrappers, staticMemberName } from "./imports.js";
import { arrayGrowingMethods, chunkingFunctionPattern, chunkNamePattern, chunkSizeNamePattern, sizePreservingArrayMethods } from "./knowledge.js";
import { propertyKey } from "./object-literal.js";

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;
type SourceCode = Readonly<TSESLint.SourceCode>;

export type CollectionSize = number | "bounded" | undefined;

export interface SizeContext {
  readonly sourceCode: SourceCode;
  /** The type of a node in typed mode, for tuple types. */
  readonly typeOf?: (node: Node) => ts.Type | undefined;
  readonly checker?: ts.TypeChecker;
}

const MAX_DEPTH = 8;

/** An upper bound on the number of items of `node`, or `"bounded"`, or `undefined` (unknown). */
export function collectionSize(node: Node, context: SizeContext, depth = 0): CollectionSize {
  if (depth > MAX_DEPTH) return undefined;
  const expression = skipTransparentWrappers(node);
  const typed = tupleLength(expression, context);
  if (typed !== undefined) return typed;
  switch (expression.type) {
    case "ArrayExpression": {
      let total = 0;
      for (const element of expression.elements) {
        if (element?.type === "SpreadElement") {
          const spread = collectionSize(element.argument, context, depth + 1);
          if (typeof spread !== "number") return spread === "bounded" ? "bounded" : undefined;
          total += spread;
        } else {
          total += 1;
        }
      }
      return total;
    }
    case "Identifier":
      return identifierSize(expression, context, depth);
    case "MemberExpression": {
      const name = staticMemberName(expression);
      return name !== undefined && chunkNamePattern.test(name) ? "bounded" : undefined;
    }
    case "CallExpression":
      return callSize(expression, context, depth);
    case "NewExpression":
      return newArraySize(expression, context);
    case "ObjectExpression": {
      // An array-like `{ length: N }` (`Array.from({ length: N }, f)`).
      const length = expression.properties.find(
        (property): property is TSESTree.Property => property.type === "Property" && propertyKey(property) === "length",
      );
      if (!length) return undefined;
      return constantNumber(length.value, context.sourceCode) ?? (isCappedCount(length.value, context.sourceCode) ? "bounded" : undefined);
    }
    case "ConditionalExpression": {
      const a = collectionSize(expression.consequent, context, depth + 1);
      const b = collectionSize(expression.alternate, context, depth + 1);
      if (typeof a === "number" && typeof b === "number") return Math.max(a, b);
      return a !== undefined && b !== undefined ? "bounded" : undefined;
    }
    default:
      return undefined;
  }
}

/** A constant number: a literal, `-N`, `a + b`/`a - b`/`a * b` of constants, or a `const` bound to one. */
export function constantNumber(node: Node, sourceCode: SourceCode, depth = 0): number | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const expression = skipTransparentWrappers(node);
  switch (expression.type) {
    case "Literal":
      return typeof expression.value === "number" ? expression.value : undefined;
    case "UnaryExpression": {
      const value = expression.operator === "-" ? constantNumber(expression.argument, sourceCode, depth + 1) : undefined;
      return value === undefined ? undefined : -value;
    }
    case "BinaryExpression": {
      if (expression.left.type === "PrivateIdentifier") return undefined;
      const left = constantNumber(expression.left, sourceCode, depth + 1);
      const right = constantNumber(expression.right, sourceCode, depth + 1);
      if (left === undefined || right === undefined) return undefined;
      if (expression.operator === "+") return left + right;
      if (expression.operator === "-") return left - right;
      if (expression.operator === "*") return left * right;
      return undefined;
    }
    case "Identifier": {
      const init = constInit(expression, sourceCode);
      return init ? constantNumber(init, sourceCode, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * `Math.min(n, concurrency)`, `Math.min(tasks.length, 8)`: a count capped by a constant or by a value named like a
 * limit (`concurrency`, `maxWorkers`, `poolSize`): a worker pool of at most that many.
 */
export function isCappedCount(node: Node, sourceCode: SourceCode): boolean {
  const expression = skipTransparentWrappers(node);
  if (expression.type !== "CallExpression" || expression.callee.type !== "MemberExpression") return false;
  const object = skipTransparentWrappers(expression.callee.object);
  if (object.type !== "Identifier" || object.name !== "Math" || staticMemberName(expression.callee) !== "min") return false;
  if (!isGlobalReference(object, sourceCode)) return false;
  return expression.arguments.some((argument) => {
    if (argument.type === "SpreadElement") return false;
    if (constantNumber(argument, sourceCode) !== undefined) return true;
    const value = skipTransparentWrappers(argument);
    const name = value.type === "Identifier" ? value.name : value.type === "MemberExpression" ? staticMemberName(value) : undefined;
    return name !== undefined && chunkSizeNamePattern.test(name);
  });
}

/** The initialiser of a variable declared once and never reassigned. */
function constInit(identifier: TSESTree.Identifier, sourceCode: SourceCode): TSESTree.Expression | undefined {
  const variable = referenceOf(identifier, sourceCode)?.resolved;
  const declarator = variable ? singleDeclarator(variable) : undefined;
  return declarator?.init ?? undefined;
}

function singleDeclarator(variable: Variable): TSESTree.VariableDeclarator | undefined {
  if (variable.defs.length !== 1) return undefined;
  const definition = variable.defs[0]!;
  if (definition.type !== "Variable" || definition.node.id.type !== "Identifier") return undefined;
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
  return definition.node;
}

/** Whether some reference grows the array: `xs.push(…)`, `xs.unshift(…)`, `xs.splice(…)`, `xs.length = n`. */
function isGrown(variable: Variable): boolean {
  return variable.references.some((reference) => {
    const parent = reference.identifier.parent;
    if (parent?.type !== "MemberExpression" || parent.object !== reference.identifier) return false;
    const name = staticMemberName(parent);
    if (name === "length") return parent.parent?.type === "AssignmentExpression" && parent.parent.left === parent;
    if (parent.computed && parent.parent?.type === "AssignmentExpression" && parent.parent.left === parent) return true;
    return name !== undefined && arrayGrowingMethods.has(name) && parent.parent?.type === "CallExpression";
  });
}

function identifierSize(identifier: TSESTree.Identifier, context: SizeContext, depth: number): CollectionSize {
  if (chunkNamePattern.test(identifier.name)) return "bounded";
  const variable = referenceOf(identifier, context.sourceCode)?.resolved;
  if (!variable || variable.defs.length !== 1) return undefined;
  const definition = variable.defs[0]!;
  const annotated = annotatedTupleLength(definition.name);
  if (annotated !== undefined && !isGrown(variable)) return annotated;
  if (hasKeyArrayAnnotation(definition.name)) return "bounded";
  if (definition.type !== "Variable") return undefined;
  const declaration = definition.node.parent;
  // `for (const chunk of chunk(xs, 10))`: an item of a chunking.
  if (declaration?.parent?.type === "ForOfStatement" && declaration.parent.left === declaration) {
    const iterable = skipTransparentWrappers(declaration.parent.right);
    if (iterable.type === "CallExpression") {
      const callee = skipTransparentWrappers(iterable.callee);
      const name = callee.type === "Identifier" ? callee.name : callee.type === "MemberExpression" ? staticMemberName(callee) : undefined;
      if (name !== undefined && chunkingFunctionPattern.test(name)) return "bounded";
    }
    if (iterable.type === "Identifier" && /(chunks|batches)$/i.test(iterable.name)) return "bounded";
    return undefined;
  }
  const declarator = singleDeclarator(variable);
  if (!declarator?.init || isGrown(variable)) return undefined;
  return collectionSize(declarator.init, context, depth + 1);
}

function callSize(call: TSESTree.CallExpression, context: SizeContext, depth: number): CollectionSize {
  const { sourceCode } = context;
  const callee = skipTransparentWrappers(call.callee);
  const args = call.arguments;
  if (args.some((argument) => argument.type === "SpreadElement")) return undefined;
  if (callee.type === "Identifier" && callee.name === "Array" && isGlobalReference(callee, sourceCode)) {
    return arrayConstructorSize(args, sourceCode);
  }
  if (callee.type !== "MemberExpression") return undefined;
  const method = staticMemberName(callee);
  const object = skipTransparentWrappers(callee.object);
  if (method === undefined) return undefined;
  if (object.type === "Identifier" && isGlobalReference(object, sourceCode)) {
    if (object.name === "Array" && method === "from" && args[0]) {
      return collectionSize(args[0], context, depth + 1);
    }
    if (object.name === "Array" && method === "of") return args.length;
    if (object.name === "Object" && (method === "keys" || method === "values" || method === "entries") && args[0]) {
      return objectSize(args[0], sourceCode);
    }
  }
  if (method === "slice" || method === "splice") {
    const span = sliceSpan(method, args, sourceCode);
    if (span !== undefined) return span;
    if (isChunkSizeCount(method, args)) return "bounded";
    if (method === "slice" && args.length === 0) return collectionSize(object, context, depth + 1);
    return undefined;
  }
  if (sizePreservingArrayMethods.has(method)) return collectionSize(object, context, depth + 1);
  return undefined;
}

/** `slice(a, b)` with constant `b - a` (including `slice(i, i + N)`), `splice(s, N)`. */
function sliceSpan(method: string, args: readonly TSESTree.CallExpressionArgument[], sourceCode: SourceCode): number | undefined {
  if (args.length !== 2) return undefined;
  const [start, end] = args as [Node, Node];
  if (method === "splice") {
    const count = constantNumber(end, sourceCode);
    return count !== undefined && count >= 0 ? count : undefined;
  }
  const a = constantNumber(start, sourceCode);
  const b = constantNumber(end, sourceCode);
  if (a !== undefined && b !== undefined) return a >= 0 && b >= 0 ? Math.max(0, b - a) : undefined;
  // slice(i, i + N)
  const endExpression = skipTransparentWrappers(end);
  const startExpression = skipTransparentWrappers(start);
  if (endExpression.type === "BinaryExpression" && endExpression.operator === "+" && startExpression.type === "Identifier") {
    const left = skipTransparentWrappers(endExpression.left);
    if (left.type === "Identifier" && left.name === startExpression.name) {
      const span = constantNumber(endExpression.right, sourceCode);
      return span !== undefined && span >= 0 ? span : undefined;
    }
  }
  return undefined;
}

/** `splice(s, batchSize)`, `slice(i, i + chunkSize)`: a count named like a chunk size, even when not constant. */
function isChunkSizeCount(method: string, args: readonly TSESTree.CallExpressionArgument[]): boolean {
  if (args.length !== 2) return false;
  let count = skipTransparentWrappers(args[1]!);
  if (method === "slice") {
    if (count.type !== "BinaryExpression" || count.operator !== "+") return false;
    count = skipTransparentWrappers(count.right);
  }
  const name = count.type === "Identifier" ? count.name : count.type === "MemberExpression" ? staticMemberName(count) : undefined;
  return name !== undefined && chunkSizeNamePattern.test(name);
}

function arrayConstructorSize(args: readonly TSESTree.CallExpressionArgument[], sourceCode: SourceCode): number | undefined {
  if (args.length === 1) {
    const length = constantNumber(args[0]!, sourceCode);
    if (length !== undefined) return length;
    return undefined;
  }
  return args.length;
}

function newArraySize(expression: TSESTree.NewExpression, context: SizeContext): CollectionSize {
  const callee = skipTransparentWrappers(expression.callee);
  if (callee.type !== "Identifier" || !isGlobalReference(callee, context.sourceCode)) return undefined;
  if (expression.arguments.some((argument) => argument.type === "SpreadElement")) return undefined;
  if (callee.name === "Array") return arrayConstructorSize(expression.arguments, context.sourceCode);
  if ((callee.name === "Set" || callee.name === "Map") && expression.arguments[0]) {
    return collectionSize(expression.arguments[0], context, 1);
  }
  return undefined;
}

/** The number of keys of an object literal (or a `const` bound to one) without spreads. */
function objectSize(node: Node, sourceCode: SourceCode): number | undefined {
  let object = skipTransparentWrappers(node);
  if (object.type === "Identifier") {
    const init = constInit(object, sourceCode);
    if (!init) return undefined;
    object = skipTransparentWrappers(init);
  }
  if (object.type !== "ObjectExpression") return undefined;
  return object.properties.every((property) => property.type === "Property") ? object.properties.length : undefined;
}

/** A `[A, B]` / `readonly [A, B]` annotation (no optional or rest elements) on a parameter or variable: its length. */
function annotatedTupleLength(name: Node): number | undefined {
  if (name.type !== "Identifier" || !name.typeAnnotation) return undefined;
  let type = name.typeAnnotation.typeAnnotation;
  if (type.type === "TSTypeOperator" && type.operator === "readonly" && type.typeAnnotation) type = type.typeAnnotation;
  if (type.type !== "TSTupleType") return undefined;
  const fixed = type.elementTypes.every((element) => element.type !== "TSRestType" && element.type !== "TSOptionalType");
  return fixed ? type.elementTypes.length : undefined;
}

/**
 * `events: (keyof TEvents)[]`, `ids: ReadonlyArray<"a" | "b">`: items drawn from a key set or a union of literals
 * the program spells out, so as many as its keys, not as its input.
 */
function hasKeyArrayAnnotation(name: Node): boolean {
  if (name.type !== "Identifier" || !name.typeAnnotation) return false;
  let type = name.typeAnnotation.typeAnnotation;
  if (type.type === "TSTypeOperator" && type.operator === "readonly" && type.typeAnnotation) type = type.typeAnnotation;
  let element: TSESTree.TypeNode | undefined;
  if (type.type === "TSArrayType") element = type.elementType;
  else if (type.type === "TSTypeReference" && type.typeName.type === "Identifier" && (type.typeName.name === "Array" || type.typeName.name === "ReadonlyArray")) {
    element = type.typeArguments?.params[0];
  }
  return element !== undefined && isFiniteKeyType(element);
}

/** `keyof T`, a literal type, or a union of those. */
function isFiniteKeyType(type: TSESTree.TypeNode): boolean {
  if (type.type === "TSTypeOperator") return type.operator === "keyof";
  if (type.type === "TSLiteralType") return type.literal.type === "Literal";
  return type.type === "TSUnionType" && type.types.every(isFiniteKeyType);
}

/** Typed mode: the length of a fixed tuple type (`[A, B]`, `readonly [A, B, C]`). */
function tupleLength(node: Node, context: SizeContext): number | undefined {
  if (!context.typeOf || !context.checker) return undefined;
  const type = context.typeOf(node);
  if (!type || !context.checker.isTupleType(type)) return undefined;
  const target = (type as ts.TypeReference).target as ts.TupleType;
  return target.hasRestElement ? undefined : target.fixedLength;
}
