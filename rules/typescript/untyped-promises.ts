/**
 * Promise questions answered without type information, from names and declarations only (untyped mode: the editor
 * on a file outside any tsconfig, a quick pre-commit run). Only evidence counts; anything unknown is not a promise.
 *
 * An expression is a promise when it is:
 * - a call of a function known to return one: an `async` function or arrow (not an async generator), or one declared
 *   to return `Promise<…>` — a same-file declaration, a `const` bound to a function expression, a parameter or
 *   variable whose type annotation is such a function type, an IIFE; a method of the same class (`this.save()`,
 *   `super.save()`), a method of a known class — a same-file class or a class imported by relative path from another
 *   project module (`module-summary.ts`), inherited methods included where the base class is one of those too — on a
 *   known receiver: `Repo.load()` for statics, `new Repo().save()`, `const repo = new Repo()` (never reassigned), a
 *   parameter, variable or property annotated `: Repo` (or `Repo | undefined`), a `readonly` property initialised with
 *   `new Repo()`; a method of a `const` object literal; a function imported by relative path from another project
 *   module (see `module-summary.ts`), through `import`, `import * as`, `require` and destructuring;
 * - a known promise API (tables in `knowledge.ts`): `fetch`, `Promise.resolve/…`, `fs.promises.*`, `node:fs/promises`,
 *   `timers/promises`, `promisify(fn)(…)`, body readers of a `Response` obtained by `await fetch(…)`, `new Promise(…)`,
 *   `import("…")`, WHATWG stream methods (`readable.pipeTo(…)`, `reader.cancel()` of `res.body.getReader()`),
 *   async test assertions (`expect(p).rejects.toThrow()`);
 * - `.then/.catch/.finally` on a promise;
 * - a variable initialised with a promise (never reassigned) or annotated `Promise<…>`, an `as Promise<…>` assertion,
 *   a variable a passed `instanceof Promise` guard has checked (see `promise-narrowing.ts`);
 * - either branch of `a ? b : c` or `a || b`, the last expression of `a, b`.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import path from "node:path";
import {
  destructuringPath,
  findVariableByName,
  isGlobalReference,
  isReassigned,
  referenceOf,
  requiredModule,
  resolveModuleValue,
  skipTransparentWrappers,
  staticMemberName,
  staticString,
} from "./imports.js";
import {
  asyncAssertions,
  promiseChainMethods,
  promiseConstructors,
  promiseReturningExports,
  promiseReturningGlobals,
  promisifiers,
  responseBodyReaders,
  responseProducers,
  webStreams,
} from "./knowledge.js";
import { isRelativeSpecifier } from "./module-resolution.js";
import { importedClassMember, importedFacts, type ExportFacts, type MemberFacts } from "./module-summary.js";
import { functionReturnsPromise, isPromiseFunctionType, isPromiseType, type AnnotationOptions } from "./promise-annotations.js";
import { isNarrowedToPromise } from "./promise-narrowing.js";
import { keepsErrorsInside } from "./self-handling.js";

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;
type SourceCode = Readonly<TSESLint.SourceCode>;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;
type FunctionLike =
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.ArrowFunctionExpression
  | TSESTree.TSDeclareFunction
  | TSESTree.TSEmptyBodyFunctionExpression;

const MAX_DEPTH = 12;

export interface UntypedPromiseOptions {
  /** Whether `PromiseLike<…>` annotations count (the `checkThenables` option). */
  readonly thenables: boolean;
  /** Type names whose promises are safe to float (`allowForKnownSafePromises`, by name). */
  readonly safeTypeNames?: ReadonlySet<string>;
}

/** A class whose members can be looked up: declared in this file, or exported by another project module. */
type ClassTarget =
  | { readonly kind: "local"; readonly node: ClassNode }
  /** `name` is the export (`"default"` for a default import); `undefined` for what `require()` returns. */
  | { readonly kind: "project"; readonly specifier: string; readonly name: string | undefined };

type NamedClassElement = Exclude<TSESTree.ClassElement, TSESTree.StaticBlock | TSESTree.TSIndexSignature>;

/** Where a member lookup ended: declarations in this file, or the summary of another module's class. */
type MemberOrigin = { readonly kind: "local"; readonly elements: readonly NamedClassElement[] } | { readonly kind: "project"; readonly facts: MemberFacts };

/** A value reached through a relative import or `require`: the module, and the export path inside it. */
interface ProjectReference {
  readonly specifier: string;
  readonly path: readonly string[];
  /** An ESM namespace object (`import * as ns`): not callable itself. */
  readonly namespace: boolean;
}

export class UntypedPromises {
  private readonly annotations: AnnotationOptions;
  private readonly promiseMemo = new Map<Node, boolean>();
  private readonly functionMemo = new Map<Node, boolean>();
  private readonly inProgress = new Set<Node>();
  /** Answers about other modules' exports, by specifier and export name: resolution touches the disk. */
  private readonly projectMemo = new Map<string, boolean>();
  /** Members of other modules' classes, by specifier, export name, member and side. */
  private readonly classMemberMemo = new Map<string, MemberFacts | null>();
  private readonly file: string;

  constructor(
    private readonly sourceCode: SourceCode,
    filename: string,
    cwd: string,
    private readonly options: UntypedPromiseOptions,
  ) {
    this.file = path.resolve(cwd, filename);
    this.annotations = {
      thenables: options.thenables,
      safeTypeNames: options.safeTypeNames,
      isGlobalType: (name, at) => {
        const variable = findVariableByName(at, name, sourceCode);
        return !variable || (variable.scope.type === "global" && variable.defs.length === 0);
      },
    };
  }

  /** Whether evaluating `node` gives a promise. */
  isPromise(node: Node): boolean {
    return this.memoised(this.promiseMemo, node, () => this.computeIsPromise(node));
  }

  /** Whether calling the value of `node` returns a promise. */
  returnsPromise(node: Node): boolean {
    return this.memoised(this.functionMemo, node, () => this.computeReturnsPromise(node));
  }

  /** An array literal holding a promise, or `array.map(fn)` with `fn` returning promises on a known array. */
  isPromiseArray(node: Node): boolean {
    const expression = unwrap(node);
    if (expression.type === "TSAsExpression" && isConstAssertion(expression)) return this.isPromiseArray(expression.expression);
    if (expression.type === "ArrayExpression") {
      return expression.elements.some((element) => element !== null && element.type !== "SpreadElement" && this.isPromise(element));
    }
    if (expression.type === "CallExpression") {
      const callee = unwrap(expression.callee);
      if (callee.type !== "MemberExpression" || staticMemberName(callee) !== "map") return false;
      const mapper = expression.arguments[0];
      return mapper !== undefined && mapper.type !== "SpreadElement" && this.isKnownArray(callee.object, 0) && this.returnsPromise(mapper);
    }
    if (expression.type === "Identifier") {
      const declarator = this.constDeclarator(expression);
      if (declarator?.id.type === "Identifier" && isPromiseArrayType(declarator.id.typeAnnotation?.typeAnnotation, this.annotations)) return true;
      return declarator?.init != null && this.isPromiseArray(declarator.init);
    }
    return false;
  }

  /**
   * Whether `callee` is a method of a known class (see `memberOrigin`) that keeps its errors inside
   * (`self-handling.ts`): calling it and dropping the promise is deliberate.
   */
  calleeKeepsErrorsInside(callee: Node): boolean {
    const member = unwrap(callee);
    if (member.type !== "MemberExpression") return false;
    const name = memberName(member);
    const origin = name === undefined ? undefined : this.memberOrigin(member, name);
    if (!origin) return false;
    if (origin.kind === "project") return origin.facts.keepsErrorsInside;
    for (const element of origin.elements) {
      const value = element.value ? unwrap(element.value) : undefined;
      if (value && (value.type === "FunctionExpression" || value.type === "ArrowFunctionExpression")) return keepsErrorsInside(value);
    }
    return false;
  }

  /** Whether a value certainly cannot be called: literals, `undefined`, object and array literals. */
  isNonFunction(node: Node): boolean {
    const expression = unwrap(node);
    switch (expression.type) {
      case "Literal":
      case "TemplateLiteral":
      case "ObjectExpression":
      case "ArrayExpression":
        return true;
      case "Identifier":
        return expression.name === "undefined" && isGlobalReference(expression, this.sourceCode);
      case "UnaryExpression":
        return expression.operator === "void" || expression.operator === "typeof" || expression.operator === "!" || expression.operator === "-";
      default:
        return false;
    }
  }

  // -------------------------------------------------------------------------------------------------------------

  private memoised(memo: Map<Node, boolean>, node: Node, compute: () => boolean): boolean {
    const known = memo.get(node);
    if (known !== undefined) return known;
    if (this.inProgress.has(node) || this.inProgress.size > MAX_DEPTH * 4) return false;
    this.inProgress.add(node);
    try {
      const result = compute();
      memo.set(node, result);
      return result;
    } finally {
      this.inProgress.delete(node);
    }
  }

  private computeIsPromise(node: Node): boolean {
    switch (node.type) {
      case "ChainExpression":
      case "TSNonNullExpression":
      case "TSSatisfiesExpression":
      case "TSInstantiationExpression":
        return this.isPromise(node.expression);
      case "TSAsExpression":
      case "TSTypeAssertion":
        return this.assertedIsPromise(node);
      case "AwaitExpression":
        return false;
      case "ImportExpression":
        return true;
      case "NewExpression": {
        const callee = unwrap(node.callee);
        return callee.type === "Identifier" && promiseConstructors.has(callee.name) && isGlobalReference(callee, this.sourceCode);
      }
      case "CallExpression":
        return this.callIsPromise(node);
      case "TaggedTemplateExpression":
        return this.returnsPromise(node.tag);
      case "Identifier":
        return this.variableHoldsPromise(node);
      case "MemberExpression":
        return this.memberHoldsPromise(node);
      case "ConditionalExpression":
        return this.isPromise(node.consequent) || this.isPromise(node.alternate);
      case "LogicalExpression":
        return this.isPromise(node.left) || this.isPromise(node.right);
      case "SequenceExpression":
        return node.expressions.length > 0 && this.isPromise(node.expressions.at(-1)!);
      case "AssignmentExpression":
        return node.operator === "=" && this.isPromise(node.right);
      default:
        return false;
    }
  }

  /** `x as Promise<T>` is a promise; an assertion to any other type (an alias we cannot read, `unknown`) is not. */
  private assertedIsPromise(node: TSESTree.TSAsExpression | TSESTree.TSTypeAssertion): boolean {
    return isPromiseType(node.typeAnnotation, this.annotations);
  }

  private callIsPromise(call: TSESTree.CallExpression): boolean {
    const callee = unwrap(call.callee);
    if (callee.type === "MemberExpression") {
      const name = memberName(callee);
      if (name !== undefined && promiseChainMethods.has(name) && this.isPromise(callee.object)) return true;
      if (name !== undefined && responseBodyReaders.has(name) && this.isResponse(callee.object, 0)) return true;
      if (name !== undefined && this.isWebStreamPromiseMethod(callee.object, name)) return true;
      if (this.isAsyncAssertion(callee.object)) return true;
    }
    if (this.isKnownPromiseApi(callee)) return true;
    return this.returnsPromise(callee);
  }

  /** A known promise API from the tables: a global (`fetch`, `Promise.all`) or a module export (`fs.promises.readFile`). */
  private isKnownPromiseApi(callee: Node): boolean {
    const global = this.globalPath(callee);
    if (global) {
      const [name, ...rest] = global;
      if (promiseReturningGlobals.get(name!)?.has(rest.join("."))) return true;
    }
    const value = resolveModuleValue(callee, this.sourceCode);
    return value !== undefined && (promiseReturningExports.get(value.module)?.has(value.path.join(".")) ?? false);
  }

  /** `promisify(fn)`: a call that returns a promise-returning function. */
  private isPromisifyCall(node: Node): boolean {
    const expression = unwrap(node);
    if (expression.type !== "CallExpression") return false;
    const value = resolveModuleValue(expression.callee, this.sourceCode);
    return value !== undefined && (promisifiers.get(value.module)?.has(value.path.join(".")) ?? false);
  }

  /** `fetch` as the global (not shadowed), through `globalThis.` too: `["fetch"]`, `["Promise", "all"]`. */
  private globalPath(node: Node): string[] | undefined {
    const expression = unwrap(node);
    if (expression.type === "Identifier") {
      if (!isGlobalReference(expression, this.sourceCode)) return undefined;
      return expression.name === "globalThis" ? [] : [expression.name];
    }
    if (expression.type === "MemberExpression") {
      const name = staticMemberName(expression);
      const object = name === undefined ? undefined : this.globalPath(expression.object);
      return object && name !== undefined ? [...object, name] : undefined;
    }
    return undefined;
  }

  /**
   * `readable.pipeTo(…)`, `reader.cancel()` with `const reader = res.body.getReader()`, `stream.getWriter().write(…)`:
   * promise methods of a WHATWG stream, or of the reader or writer it hands out.
   */
  private isWebStreamPromiseMethod(object: Node, method: string): boolean {
    if (webStreams.streamMethods.has(method) && this.isWebStream(object)) return true;
    let handle = unwrap(object);
    if (handle.type === "Identifier") {
      const declarator = this.constDeclarator(handle);
      if (declarator?.id.type !== "Identifier" || !declarator.init) return false;
      handle = unwrap(declarator.init);
    }
    if (handle.type !== "CallExpression") return false;
    const factory = unwrap(handle.callee);
    if (factory.type !== "MemberExpression") return false;
    const factoryName = staticMemberName(factory);
    const methods = factoryName === undefined ? undefined : webStreams.handleMethods.get(factoryName);
    return methods !== undefined && methods.has(method) && this.isWebStream(factory.object);
  }

  /** `expect(p).rejects` or `expect(p).resolves.not`: the receiver of an async matcher (see `asyncAssertions`). */
  private isAsyncAssertion(receiver: Node): boolean {
    let member = unwrap(receiver);
    while (member.type === "MemberExpression" && asyncAssertions.passThrough.has(staticMemberName(member) ?? "")) member = unwrap(member.object);
    if (member.type !== "MemberExpression" || !asyncAssertions.modifiers.has(staticMemberName(member) ?? "")) return false;
    const call = unwrap(member.object);
    if (call.type !== "CallExpression") return false;
    const global = this.globalPath(call.callee);
    if (global?.length === 1 && asyncAssertions.globals.has(global[0]!)) return true;
    const value = resolveModuleValue(call.callee, this.sourceCode);
    return value !== undefined && (asyncAssertions.modules.get(value.module)?.has(value.path.join(".")) ?? false);
  }

  /**
   * `new ReadableStream(…)` (the global), a variable declared `: ReadableStream<T>`, or a value named like a stream:
   * `res.body`, `responseReadable`, `writable`.
   */
  private isWebStream(node: Node): boolean {
    const expression = unwrap(node);
    if (expression.type === "NewExpression") {
      const callee = unwrap(expression.callee);
      return callee.type === "Identifier" && webStreams.constructors.has(callee.name) && isGlobalReference(callee, this.sourceCode);
    }
    if (expression.type === "Identifier") {
      const definition = this.variableOf(expression)?.defs[0];
      const annotation = definition?.name.type === "Identifier" ? definition.name.typeAnnotation?.typeAnnotation : undefined;
      if (annotation?.type === "TSTypeReference" && annotation.typeName.type === "Identifier" && webStreams.constructors.has(annotation.typeName.name)) {
        return this.annotations.isGlobalType?.(annotation.typeName.name, expression) ?? true;
      }
    }
    const name = expression.type === "Identifier" ? expression.name : expression.type === "MemberExpression" ? memberName(expression) : undefined;
    return name !== undefined && webStreams.names.test(name);
  }

  /** A `Response`: `await fetch(…)`, or a `const` bound to one. */
  private isResponse(node: Node, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    const expression = unwrap(node);
    if (expression.type === "AwaitExpression") {
      const argument = unwrap(expression.argument);
      if (argument.type !== "CallExpression") return false;
      const global = this.globalPath(argument.callee);
      if (global?.length === 1 && responseProducers.globals.has(global[0]!)) return true;
      const value = resolveModuleValue(argument.callee, this.sourceCode);
      return value !== undefined && (responseProducers.exports.get(value.module)?.has(value.path.join(".")) ?? false);
    }
    if (expression.type === "Identifier") {
      const declarator = this.constDeclarator(expression);
      return declarator?.id.type === "Identifier" && declarator.init != null && this.isResponse(declarator.init, depth + 1);
    }
    return false;
  }

  private computeReturnsPromise(node: Node): boolean {
    const expression = unwrap(node);
    switch (expression.type) {
      case "FunctionExpression":
      case "ArrowFunctionExpression":
        return this.functionReturnsPromise(expression);
      case "Identifier":
        return this.identifierReturnsPromise(expression);
      case "MemberExpression":
        return this.memberReturnsPromise(expression);
      case "CallExpression":
        return this.isPromisifyCall(expression);
      default:
        return false;
    }
  }

  /** `async`, a `Promise<…>` return type, or an arrow whose expression body is a promise (`() => fetch(url)`). */
  private functionReturnsPromise(fn: FunctionLike): boolean {
    if (functionReturnsPromise(fn, this.annotations)) return true;
    if (fn.returnType || fn.async || fn.type !== "ArrowFunctionExpression" || fn.body.type === "BlockStatement") return false;
    return this.isPromise(fn.body);
  }

  /** Every declaration of an overloaded function returns a promise (callers see only the overloads). */
  private declarationsReturnPromise(declarations: readonly FunctionLike[]): boolean {
    const overloads = declarations.filter((declaration) => declaration.type === "TSDeclareFunction" || declaration.type === "TSEmptyBodyFunctionExpression");
    const visible = overloads.length > 0 ? overloads : declarations;
    return visible.length > 0 && visible.every((declaration) => this.functionReturnsPromise(declaration));
  }

  private variableOf(identifier: TSESTree.Identifier): Variable | undefined {
    const reference = referenceOf(identifier, this.sourceCode);
    if (reference) return reference.resolved ?? undefined;
    return findVariableByName(identifier, identifier.name, this.sourceCode);
  }

  private identifierReturnsPromise(identifier: TSESTree.Identifier): boolean {
    const variable = this.variableOf(identifier);
    if (!variable || variable.defs.length === 0) return false;
    const definitions = variable.defs;
    if (definitions.every((definition) => definition.type === "FunctionName")) {
      return this.declarationsReturnPromise(definitions.map((definition) => definition.node as FunctionLike));
    }
    if (definitions.length !== 1) return false;
    const definition = definitions[0]!;
    if (definition.type === "ImportBinding") return this.projectFactsReturnPromise(this.projectReference(identifier, 0));
    if (definition.type !== "Parameter" && definition.type !== "Variable") return false;
    // A declared type says what any value assigned to the variable returns; a type we cannot read means "unknown".
    const annotation = definition.name.typeAnnotation?.typeAnnotation;
    if (annotation) return isPromiseFunctionType(annotation, this.annotations);
    if (definition.type === "Parameter" || isReassigned(variable)) return false;
    const declarator = definition.node;
    if (declarator.id === definition.name && declarator.init && this.returnsPromise(declarator.init)) return true;
    return this.projectFactsReturnPromise(this.projectReference(identifier, 0));
  }

  private memberReturnsPromise(member: TSESTree.MemberExpression): boolean {
    const name = memberName(member);
    if (name === undefined) return false;
    const origin = this.memberOrigin(member, name);
    if (origin) return origin.kind === "project" ? this.factsReturnPromise(origin.facts) : this.elementsReturnPromise(origin.elements);
    const object = unwrap(member.object);
    const literal = this.constObjectLiteral(object);
    if (literal) return this.objectMemberReturnsPromise(literal, name);
    return this.projectFactsReturnPromise(this.projectReference(member, 0));
  }

  /**
   * The declaration of `receiver.name` when the receiver's class is known: `this`/`super` in a class, a class itself
   * (statics), an instance (`instanceClass`); `undefined` when the receiver or the member is unknown.
   */
  private memberOrigin(member: TSESTree.MemberExpression, name: string): MemberOrigin | undefined {
    const object = unwrap(member.object);
    if (object.type === "ThisExpression") {
      const owner = thisClass(object);
      return owner && this.lookupMember({ kind: "local", node: owner.node }, name, owner.isStatic, 0);
    }
    if (object.type === "Super") {
      const owner = thisClass(object);
      const base = owner && this.classOfValue(owner.node.superClass);
      return base && this.lookupMember(base, name, owner!.isStatic, 0);
    }
    const staticOwner = this.sameFileClass(object, 0);
    if (staticOwner) return this.lookupMember({ kind: "local", node: staticOwner }, name, true, 0);
    const instanceOf = this.instanceClass(object, 0);
    if (instanceOf) return this.lookupMember(instanceOf, name, false, 0);
    // A class another module exports, on its static side: `Repo.create()`.
    const imported = object.type === "Identifier" || object.type === "MemberExpression" ? classOfReference(this.projectReference(object, 0)) : undefined;
    return imported && this.lookupMember(imported, name, true, 0);
  }

  // ----- classes -------------------------------------------------------------------------------------------------

  /** The class an identifier (or class expression) names, when it is declared in this file and never reassigned. */
  private sameFileClass(node: Node | null | undefined, depth: number): ClassNode | undefined {
    if (!node || depth > MAX_DEPTH) return undefined;
    const expression = unwrap(node);
    if (expression.type === "ClassExpression") return expression;
    if (expression.type !== "Identifier") return undefined;
    const variable = this.variableOf(expression);
    if (!variable || variable.defs.length !== 1 || isReassigned(variable)) return undefined;
    const definition = variable.defs[0]!;
    if (definition.type === "ClassName") return definition.node;
    if (definition.type === "Variable" && definition.node.id === definition.name && definition.node.init) {
      return this.sameFileClass(definition.node.init, depth + 1);
    }
    return undefined;
  }

  /** The class a value names: a same-file class, or a class imported from a project module (checked on lookup). */
  private classOfValue(node: Node | null | undefined): ClassTarget | undefined {
    if (!node) return undefined;
    const local = this.sameFileClass(node, 0);
    if (local) return { kind: "local", node: local };
    return classOfReference(this.projectReference(node, 0));
  }

  /**
   * The class of the instance a value certainly is: `new Repo()`; a never-reassigned variable bound to one; a
   * parameter or variable annotated `: Repo`; `this.repo` where the class declares `repo: Repo` (a field or a
   * constructor parameter property) or `readonly repo = new Repo()`.
   */
  private instanceClass(node: Node, depth: number): ClassTarget | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const expression = unwrap(node);
    if (expression.type === "NewExpression") return this.classOfValue(expression.callee);
    if (expression.type === "Identifier") {
      const declarator = this.constDeclarator(expression);
      const init = declarator?.id.type === "Identifier" && declarator.init ? unwrap(declarator.init) : undefined;
      if (init?.type === "NewExpression") return this.instanceClass(init, depth + 1);
      const variable = this.variableOf(expression);
      const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (definition?.type !== "Parameter" && definition?.type !== "Variable") return undefined;
      return this.classOfType(definition.name.typeAnnotation?.typeAnnotation);
    }
    if (expression.type === "MemberExpression" && unwrap(expression.object).type === "ThisExpression") {
      const owner = thisClass(unwrap(expression.object));
      const name = memberName(expression);
      return owner && name !== undefined ? this.fieldClass(owner.node, name, owner.isStatic) : undefined;
    }
    return undefined;
  }

  /** `repo: Repo`, `readonly repo = new Repo()` or `constructor(private repo: Repo)` in `owner`. */
  private fieldClass(owner: ClassNode, name: string, isStatic: boolean): ClassTarget | undefined {
    for (const element of owner.body.body) {
      if (element.type === "MethodDefinition" && element.kind === "constructor" && !isStatic) {
        for (const parameter of element.value.params) {
          if (parameter.type !== "TSParameterProperty") continue;
          const binding = parameter.parameter.type === "AssignmentPattern" ? parameter.parameter.left : parameter.parameter;
          if (binding.type === "Identifier" && binding.name === name) return this.classOfType(binding.typeAnnotation?.typeAnnotation);
        }
        continue;
      }
      if (element.type !== "PropertyDefinition" || element.static !== isStatic || classElementName(element) !== name) continue;
      const annotation = element.typeAnnotation?.typeAnnotation;
      if (annotation) return this.classOfType(annotation);
      const value = element.value ? unwrap(element.value) : undefined;
      return element.readonly && value?.type === "NewExpression" ? this.classOfValue(value.callee) : undefined;
    }
    return undefined;
  }

  /** The class a type annotation names: `Repo`, `Repo<T>`, `Repo | undefined` for a same-file or imported class. */
  private classOfType(type: TSESTree.TypeNode | undefined): ClassTarget | undefined {
    if (!type) return undefined;
    if (type.type === "TSUnionType") {
      const others = type.types.filter((member) => member.type !== "TSUndefinedKeyword" && member.type !== "TSNullKeyword");
      return others.length === 1 ? this.classOfType(others[0]) : undefined;
    }
    if (type.type !== "TSTypeReference" || type.typeName.type !== "Identifier") return undefined;
    const variable = this.variableOf(type.typeName);
    // A class merged with an interface or namespace (several definitions) has members we do not read.
    if (!variable || variable.defs.length !== 1) return undefined;
    const definition = variable.defs[0]!;
    if (definition.type === "ClassName") return { kind: "local", node: definition.node };
    // A type-only import names the class as well as a value import does.
    if (definition.type === "ImportBinding") return classOfReference(importReference(definition.node, true));
    return undefined;
  }

  /**
   * The declarations of member `name` (static side with `isStatic`) of a class: looked up in the class, then in its
   * base class when that is a known class too. `undefined` when it is found nowhere we can see.
   */
  private lookupMember(target: ClassTarget, name: string, isStatic: boolean, depth: number): MemberOrigin | undefined {
    if (depth > MAX_DEPTH) return undefined;
    if (target.kind === "project") {
      const facts = this.projectClassMember(target, name, isStatic);
      return facts ? { kind: "project", facts } : undefined;
    }
    const elements = target.node.body.body.filter(
      (element): element is NamedClassElement =>
        element.type !== "StaticBlock" && element.type !== "TSIndexSignature" && element.static === isStatic && classElementName(element) === name,
    );
    if (elements.length > 0) return { kind: "local", elements };
    const base = this.classOfValue(target.node.superClass);
    return base && this.lookupMember(base, name, isStatic, depth + 1);
  }

  private projectClassMember(target: Extract<ClassTarget, { kind: "project" }>, name: string, isStatic: boolean): MemberFacts | undefined {
    const key = `${target.specifier}\0${target.name ?? ""}\0${target.name === undefined}\0${name}\0${isStatic}`;
    const known = this.classMemberMemo.get(key);
    if (known !== undefined) return known ?? undefined;
    const facts = importedClassMember(this.file, target.specifier, target.name, name, isStatic);
    this.classMemberMemo.set(key, facts ?? null);
    return facts;
  }

  /**
   * Whether class members of one name return promises: methods (every overload), or a property holding a promise
   * function. A getter, a setter or any other property does not.
   */
  private elementsReturnPromise(elements: readonly NamedClassElement[]): boolean {
    const functions: FunctionLike[] = [];
    for (const element of elements) {
      switch (element.type) {
        case "MethodDefinition":
        case "TSAbstractMethodDefinition":
          if (element.kind !== "method") return false;
          functions.push(element.value);
          break;
        case "PropertyDefinition":
        case "TSAbstractPropertyDefinition":
        case "AccessorProperty":
        case "TSAbstractAccessorProperty":
          if (isPromiseFunctionType(element.typeAnnotation?.typeAnnotation, this.annotations)) return true;
          if (element.typeAnnotation || !element.value) return false;
          return this.returnsPromise(element.value);
        default:
          return false;
      }
    }
    return this.declarationsReturnPromise(functions);
  }

  // ----- objects of this file ------------------------------------------------------------------------------------

  /** A `const` (or never-reassigned) object literal whose properties nobody assigns: `const api = { async save() {} }`. */
  private constObjectLiteral(node: Node): TSESTree.ObjectExpression | undefined {
    if (node.type !== "Identifier") return undefined;
    const variable = this.variableOf(node);
    const declarator = this.constDeclarator(node);
    const init = declarator?.id.type === "Identifier" && declarator.init ? unwrap(declarator.init) : undefined;
    if (!variable || init?.type !== "ObjectExpression") return undefined;
    const mutated = variable.references.some((reference) => {
      const parent = reference.identifier.parent;
      return parent?.type === "MemberExpression" && parent.object === reference.identifier && isAssignmentTarget(parent);
    });
    return mutated ? undefined : init;
  }

  private objectMemberReturnsPromise(object: TSESTree.ObjectExpression, name: string): boolean {
    let result = false;
    for (const property of object.properties) {
      if (property.type === "SpreadElement") {
        result = false;
        continue;
      }
      if (property.computed && staticString(property.key) === undefined) return false;
      const key = property.key.type === "Identifier" && !property.computed ? property.key.name : staticString(property.key);
      if (key !== name) continue;
      result = property.kind === "init" && this.returnsPromise(property.value);
    }
    return result;
  }

  // ----- variables -----------------------------------------------------------------------------------------------

  /** The declarator of a variable that is never reassigned (`const`, or `let`/`var` assigned only at declaration). */
  private constDeclarator(identifier: TSESTree.Identifier): TSESTree.VariableDeclarator | undefined {
    const variable = this.variableOf(identifier);
    if (!variable || variable.defs.length !== 1 || isReassigned(variable)) return undefined;
    const definition = variable.defs[0]!;
    return definition.type === "Variable" ? definition.node : undefined;
  }

  private variableHoldsPromise(identifier: TSESTree.Identifier): boolean {
    const variable = this.variableOf(identifier);
    if (!variable || variable.defs.length !== 1) return false;
    if (isNarrowedToPromise(identifier, this.sourceCode)) return true;
    const definition = variable.defs[0]!;
    if (definition.type === "Parameter" || definition.type === "Variable") {
      // A declared type describes every value the variable holds; one we cannot read (an alias) means "unknown".
      const annotation = definition.name.typeAnnotation?.typeAnnotation;
      if (annotation) return isPromiseType(annotation, this.annotations);
    }
    if (definition.type !== "Variable" || isReassigned(variable)) return false;
    const declarator = definition.node;
    return declarator.id === definition.name && declarator.init != null && this.isPromise(declarator.init);
  }

  /** `this.ready` where the class declares `ready: Promise<void>`. */
  private memberHoldsPromise(member: TSESTree.MemberExpression): boolean {
    const object = unwrap(member.object);
    const name = memberName(member);
    if (object.type !== "ThisExpression" || name === undefined) return false;
    const owner = thisClass(object);
    if (!owner) return false;
    return owner.node.body.body.some(
      (element) =>
        (element.type === "PropertyDefinition" || element.type === "AccessorProperty") &&
        element.static === owner.isStatic &&
        classElementName(element) === name &&
        isPromiseType(element.typeAnnotation?.typeAnnotation, this.annotations),
    );
  }

  // ----- other project modules -----------------------------------------------------------------------------------

  /** Follows a value to a relative import or `require` of a project module. */
  private projectReference(node: Node, depth: number): ProjectReference | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const expression = unwrap(node);
    switch (expression.type) {
      case "Identifier": {
        const variable = this.variableOf(expression);
        if (!variable || variable.defs.length !== 1 || isReassigned(variable)) return undefined;
        const definition = variable.defs[0]!;
        if (definition.type === "ImportBinding") return importReference(definition.node);
        if (definition.type !== "Variable" || !definition.node.init) return undefined;
        const steps = destructuringPath(definition.name, definition.node.id);
        const base = steps && this.projectReference(definition.node.init, depth + 1);
        return base && steps ? { ...base, path: [...base.path, ...steps] } : undefined;
      }
      case "MemberExpression": {
        const name = staticMemberName(expression);
        const base = name === undefined ? undefined : this.projectReference(expression.object, depth + 1);
        return base && name !== undefined ? { ...base, path: [...base.path, name] } : undefined;
      }
      case "CallExpression": {
        const specifier = requiredModule(expression, this.sourceCode);
        return specifier !== undefined && isRelativeSpecifier(specifier) ? { specifier, path: [], namespace: false } : undefined;
      }
      case "AwaitExpression": {
        const argument = unwrap(expression.argument);
        if (argument.type !== "ImportExpression") return undefined;
        const specifier = staticString(argument.source);
        return specifier !== undefined && isRelativeSpecifier(specifier) ? { specifier, path: [], namespace: true } : undefined;
      }
      default:
        return undefined;
    }
  }

  private projectFactsReturnPromise(reference: ProjectReference | undefined): boolean {
    if (!reference || reference.path.length > 1) return false;
    if (reference.path.length === 0 && reference.namespace) return false;
    const key = `${reference.specifier}\0${reference.path[0] ?? ""}\0${reference.path.length}`;
    const known = this.projectMemo.get(key);
    if (known !== undefined) return known;
    const result = this.factsReturnPromise(importedFacts(this.file, reference.specifier, reference.path[0]));
    this.projectMemo.set(key, result);
    return result;
  }

  /** A summarised function or method returns a promise (a thenable with `checkThenables`) of a type not declared safe. */
  private factsReturnPromise(facts: ExportFacts | undefined): boolean {
    const safe = facts?.returnTypeName !== undefined && (this.options.safeTypeNames?.has(facts.returnTypeName) ?? false);
    return facts !== undefined && !safe && (facts.returnsPromise || (this.options.thenables && facts.returnsThenable));
  }

  /** An array we know to be an `Array`: a literal, `Array.from/of`, `Object.keys/values/entries`, or an annotated variable. */
  private isKnownArray(node: Node, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    const expression = unwrap(node);
    if (expression.type === "ArrayExpression") return true;
    if (expression.type === "TSAsExpression" || expression.type === "TSTypeAssertion") return isArrayType(expression.typeAnnotation);
    if (expression.type === "CallExpression") {
      const global = this.globalPath(expression.callee);
      const name = global?.join(".");
      return name === "Array.from" || name === "Array.of" || name === "Object.keys" || name === "Object.values" || name === "Object.entries";
    }
    if (expression.type !== "Identifier") return false;
    const variable = this.variableOf(expression);
    if (!variable || variable.defs.length !== 1) return false;
    const definition = variable.defs[0]!;
    if ((definition.type === "Parameter" || definition.type === "Variable") && isArrayType(definition.name.typeAnnotation?.typeAnnotation)) {
      return true;
    }
    const declarator = this.constDeclarator(expression);
    return declarator?.id.type === "Identifier" && declarator.init != null && this.isKnownArray(declarator.init, depth + 1);
  }
}

// ---------------------------------------------------------------------------------------------------------------

/** Strips parentheses-free wrappers that keep the value: `x!`, `x satisfies T`, `f<T>`, optional chains. */
function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    if (current.type === "TSNonNullExpression" || current.type === "TSSatisfiesExpression" || current.type === "TSInstantiationExpression" || current.type === "ChainExpression") {
      current = current.expression;
    } else if (current.type === "TSAsExpression" && isConstAssertion(current)) {
      current = current.expression;
    } else {
      return current;
    }
  }
}

function isConstAssertion(node: TSESTree.TSAsExpression): boolean {
  return node.typeAnnotation.type === "TSTypeReference" && node.typeAnnotation.typeName.type === "Identifier" && node.typeAnnotation.typeName.name === "const";
}

/** `a.b`, `a["b"]`, `a.#b` (as `#b`). */
function memberName(member: TSESTree.MemberExpression): string | undefined {
  if (!member.computed && member.property.type === "PrivateIdentifier") return `#${member.property.name}`;
  return staticMemberName(member);
}

function classElementName(element: TSESTree.ClassElement): string | undefined {
  if (element.type === "StaticBlock" || element.type === "TSIndexSignature") return undefined;
  const key = element.key;
  if (key.type === "PrivateIdentifier") return `#${key.name}`;
  if (!element.computed && key.type === "Identifier") return key.name;
  return staticString(key);
}

/**
 * The class whose instance (or constructor, in static code) `this`/`super` is: the nearest non-arrow function must
 * be a method of a class, or `this` must be in a field initialiser or static block.
 */
function thisClass(node: Node): { node: ClassNode; isStatic: boolean } | undefined {
  let child: Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    switch (current.type) {
      case "ArrowFunctionExpression":
        continue;
      case "FunctionExpression": {
        const parent = current.parent;
        if (parent.type === "MethodDefinition" && parent.value === current) return { node: parent.parent.parent, isStatic: parent.static };
        return undefined;
      }
      case "FunctionDeclaration":
        return undefined;
      case "PropertyDefinition":
      case "AccessorProperty":
        if (current.value === child) return { node: current.parent.parent, isStatic: current.static };
        continue;
      case "StaticBlock":
        return { node: current.parent.parent, isStatic: true };
      default:
        continue;
    }
  }
  return undefined;
}

/** The class a project reference names, if it names one export (or what `require()` returns); checked on lookup. */
function classOfReference(reference: ProjectReference | undefined): ClassTarget | undefined {
  if (!reference) return undefined;
  if (reference.path.length === 1) return { kind: "project", specifier: reference.specifier, name: reference.path[0] };
  return reference.path.length === 0 && !reference.namespace ? { kind: "project", specifier: reference.specifier, name: undefined } : undefined;
}

/** Where an import binding leads; a type-only import only when `types` (a type annotation naming a class). */
function importReference(node: TSESTree.ImportClause | TSESTree.TSImportEqualsDeclaration, types = false): ProjectReference | undefined {
  if (node.type === "TSImportEqualsDeclaration") {
    if ((node.importKind === "type" && !types) || node.moduleReference.type !== "TSExternalModuleReference") return undefined;
    const specifier = staticString(node.moduleReference.expression);
    return specifier !== undefined && isRelativeSpecifier(specifier) ? { specifier, path: [], namespace: false } : undefined;
  }
  const declaration = node.parent;
  if (declaration.type !== "ImportDeclaration" || (declaration.importKind === "type" && !types)) return undefined;
  const specifier = declaration.source.value;
  if (!isRelativeSpecifier(specifier)) return undefined;
  switch (node.type) {
    case "ImportDefaultSpecifier":
      return { specifier, path: ["default"], namespace: false };
    case "ImportNamespaceSpecifier":
      return { specifier, path: [], namespace: true };
    case "ImportSpecifier":
      if (node.importKind === "type" && !types) return undefined;
      return { specifier, path: [node.imported.type === "Identifier" ? node.imported.name : node.imported.value], namespace: false };
  }
}

function isAssignmentTarget(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === "AssignmentExpression") return parent.left === node;
  if (parent.type === "UpdateExpression") return true;
  if (parent.type === "UnaryExpression") return parent.operator === "delete";
  return false;
}

/** `T[]`, `readonly T[]`, `Array<T>`, `ReadonlyArray<T>`, tuples. */
function isArrayType(type: TSESTree.TypeNode | undefined): boolean {
  if (!type) return false;
  if (type.type === "TSArrayType" || type.type === "TSTupleType") return true;
  if (type.type === "TSTypeOperator" && type.operator === "readonly") return isArrayType(type.typeAnnotation);
  return type.type === "TSTypeReference" && type.typeName.type === "Identifier" && (type.typeName.name === "Array" || type.typeName.name === "ReadonlyArray");
}

/** `Promise<T>[]`, `Array<Promise<T>>`, tuples with a promise element. */
function isPromiseArrayType(type: TSESTree.TypeNode | undefined, options: AnnotationOptions): boolean {
  if (!type) return false;
  switch (type.type) {
    case "TSArrayType":
      return isPromiseType(type.elementType, options);
    case "TSTupleType":
      return type.elementTypes.some((element) => isPromiseType(element.type === "TSNamedTupleMember" ? element.elementType : element, options));
    case "TSTypeOperator":
      return type.operator === "readonly" && isPromiseArrayType(type.typeAnnotation, options);
    case "TSTypeReference":
      return (
        type.typeName.type === "Identifier" &&
        (type.typeName.name === "Array" || type.typeName.name === "ReadonlyArray") &&
        isPromiseType(type.typeArguments?.params[0], options)
      );
    case "TSUnionType":
      return type.types.some((member) => isPromiseArrayType(member, options));
    default:
      return false;
  }
}
