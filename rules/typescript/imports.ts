/**
 * Name and import resolution without type information, on ESLint's scope manager.
 *
 * `resolveModuleValue(expr)` answers "which module export is this expression?" for the forms Node code uses:
 * `import { execSync as run } from "node:child_process"`, `import * as cp from …` / `import cp from …` (`cp.execSync`),
 * `import cp = require(…)`, `require("child_process").execSync`, `const { execSync: run } = require(…)`,
 * `const cp = require(…)` then `const { execSync } = cp`, and `(await import("child_process")).execSync`.
 * A binding that is reassigned, a parameter, or anything else we cannot follow resolves to `undefined`.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";

type Node = TSESTree.Node;
type Scope = TSESLint.Scope.Scope;
type Variable = TSESLint.Scope.Variable;
type Reference = TSESLint.Scope.Reference;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** A module's export, reached through `path` (`[]` is the module object itself, `["execSync"]` one export). */
export interface ModuleValue {
  /** The module specifier without a `node:` prefix. */
  readonly module: string;
  readonly path: readonly string[];
}

const MAX_DEPTH = 8;

/** `node:child_process` → `child_process`: Node accepts both spellings for built-in modules. */
export function normalizeModuleName(specifier: string): string {
  return specifier.startsWith("node:") ? specifier.slice("node:".length) : specifier;
}

/** Strips TypeScript-only wrappers and optional chains that do not change the value: `x!`, `x as T`, `<T>x`, `a?.b`. */
export function skipTransparentWrappers(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case "TSNonNullExpression":
      case "TSAsExpression":
      case "TSSatisfiesExpression":
      case "TSTypeAssertion":
      case "TSInstantiationExpression":
        current = current.expression;
        break;
      case "ChainExpression":
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** The text of a string literal or a template literal without substitutions, else `undefined`. */
export function staticString(node: Node): string | undefined {
  if (node.type === "Literal" && typeof node.value === "string") return node.value;
  if (node.type === "TemplateLiteral" && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** The property name of `a.b`, `a["b"]` or `` a[`b`] ``; `undefined` for a computed, dynamic or private name. */
export function staticMemberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed) return node.property.type === "Identifier" ? node.property.name : undefined;
  return staticString(node.property);
}

/** The key of a non-computed or literal-keyed object property. */
function staticPropertyKey(property: TSESTree.Property): string | undefined {
  if (!property.computed && property.key.type === "Identifier") return property.key.name;
  return staticString(property.key);
}

/** Every reference in a file by its identifier node, built once per scope manager. */
const referenceIndexes = new WeakMap<object, Map<TSESTree.Node, Reference>>();

function referenceIndex(sourceCode: SourceCode): Map<TSESTree.Node, Reference> {
  const scopeManager = sourceCode.scopeManager;
  if (!scopeManager) return new Map();
  let index = referenceIndexes.get(scopeManager);
  if (!index) {
    index = new Map();
    for (const scope of scopeManager.scopes) for (const reference of scope.references) index.set(reference.identifier, reference);
    referenceIndexes.set(scopeManager, index);
  }
  return index;
}

/** The ESLint reference object for an identifier in expression position. */
export function referenceOf(identifier: TSESTree.Identifier, sourceCode: SourceCode): Reference | undefined {
  return referenceIndex(sourceCode).get(identifier);
}

/** The variable named `name` visible from `node`'s scope (value or type), or `undefined`. */
export function findVariableByName(node: Node, name: string, sourceCode: SourceCode): Variable | undefined {
  for (let scope: Scope | null = sourceCode.getScope(node); scope; scope = scope.upper) {
    const variable = scope.set.get(name);
    if (variable) return variable;
  }
  return undefined;
}

/** A variable that is a built-in or configured global: declared nowhere in this file. */
function isGlobalVariable(variable: Variable): boolean {
  return variable.scope.type === "global" && variable.defs.length === 0;
}

/** Whether `identifier` (in expression position) refers to the global of that name, not to a local binding. */
export function isGlobalReference(identifier: TSESTree.Identifier, sourceCode: SourceCode): boolean {
  const reference = referenceOf(identifier, sourceCode);
  const variable = reference ? reference.resolved : findVariableByName(identifier, identifier.name, sourceCode);
  return !variable || isGlobalVariable(variable);
}

/** Whether the name `name`, used at `node`, would refer to the global of that name. */
export function isGlobalName(node: Node, name: string, sourceCode: SourceCode): boolean {
  const variable = findVariableByName(node, name, sourceCode);
  return !variable || isGlobalVariable(variable);
}

/** `require("x")` with the global `require` and a static specifier: the normalised module name. */
export function requiredModule(node: Node, sourceCode: SourceCode): string | undefined {
  if (node.type !== "CallExpression" || node.arguments.length !== 1) return undefined;
  const callee = skipTransparentWrappers(node.callee);
  if (callee.type !== "Identifier" || callee.name !== "require" || !isGlobalReference(callee, sourceCode)) return undefined;
  const specifier = staticString(node.arguments[0]!);
  return specifier === undefined ? undefined : normalizeModuleName(specifier);
}

/** `await import("x")` with a static specifier: the normalised module name. */
function dynamicallyImportedModule(node: Node): string | undefined {
  if (node.type !== "AwaitExpression") return undefined;
  const argument = skipTransparentWrappers(node.argument);
  if (argument.type !== "ImportExpression") return undefined;
  const specifier = staticString(argument.source);
  return specifier === undefined ? undefined : normalizeModuleName(specifier);
}

/** Which module export `expression` evaluates to, if it can be followed statically. */
export function resolveModuleValue(expression: Node, sourceCode: SourceCode, depth = 0): ModuleValue | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const node = skipTransparentWrappers(expression);
  switch (node.type) {
    case "Identifier": {
      const variable = referenceOf(node, sourceCode)?.resolved;
      return variable ? resolveVariable(variable, sourceCode, depth + 1) : undefined;
    }
    case "MemberExpression": {
      const name = staticMemberName(node);
      if (name === undefined) return undefined;
      const object = resolveModuleValue(node.object, sourceCode, depth + 1);
      return object ? { module: object.module, path: [...object.path, name] } : undefined;
    }
    case "CallExpression": {
      const module = requiredModule(node, sourceCode);
      return module === undefined ? undefined : { module, path: [] };
    }
    case "AwaitExpression": {
      const module = dynamicallyImportedModule(node);
      return module === undefined ? undefined : { module, path: [] };
    }
    default:
      return undefined;
  }
}

/** Whether anything but its declaration writes the variable (`let x = …; x = other`). */
export function isReassigned(variable: Variable): boolean {
  return variable.references.some((reference) => reference.isWrite() && !reference.init);
}

/** Which module export a variable is bound to: an import binding or a `const`/`let`/`var` initialised from one. */
export function resolveVariable(variable: Variable, sourceCode: SourceCode, depth = 0): ModuleValue | undefined {
  if (depth > MAX_DEPTH || variable.defs.length !== 1 || isReassigned(variable)) return undefined;
  const definition = variable.defs[0]!;
  if (definition.type === "ImportBinding") return resolveImportBinding(definition.node);
  if (definition.type !== "Variable") return undefined;
  const declarator = definition.node;
  if (!declarator.init) return undefined;
  const path = destructuringPath(definition.name, declarator.id);
  if (!path) return undefined;
  const initial = resolveModuleValue(declarator.init, sourceCode, depth + 1);
  return initial ? { module: initial.module, path: [...initial.path, ...path] } : undefined;
}

function isTypeOnlyImport(specifier: TSESTree.ImportClause, declaration: TSESTree.ImportDeclaration): boolean {
  return declaration.importKind === "type" || (specifier.type === "ImportSpecifier" && specifier.importKind === "type");
}

function resolveImportBinding(
  node: TSESTree.ImportClause | TSESTree.TSImportEqualsDeclaration,
): ModuleValue | undefined {
  if (node.type === "TSImportEqualsDeclaration") {
    if (node.importKind === "type" || node.moduleReference.type !== "TSExternalModuleReference") return undefined;
    const specifier = staticString(node.moduleReference.expression);
    return specifier === undefined ? undefined : { module: normalizeModuleName(specifier), path: [] };
  }
  const declaration = node.parent;
  if (declaration.type !== "ImportDeclaration" || isTypeOnlyImport(node, declaration)) return undefined;
  const module = normalizeModuleName(declaration.source.value);
  if (node.type !== "ImportSpecifier") return { module, path: [] };
  const imported = node.imported.type === "Identifier" ? node.imported.name : node.imported.value;
  // Node's built-in modules are CommonJS: their default export is the module object itself.
  return imported === "default" ? { module, path: [] } : { module, path: [imported] };
}

/**
 * The property path from a declarator's pattern down to one bound name: `{ a: { b: x } }` binds `x` to `init.a.b`.
 * `[]` when the pattern is the name itself; `undefined` through arrays, rest elements and computed keys.
 */
export function destructuringPath(name: TSESTree.Identifier, pattern: TSESTree.Node): string[] | undefined {
  const path: string[] = [];
  let current: TSESTree.Node = name;
  while (current !== pattern) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) return undefined;
    if (parent.type === "AssignmentPattern" && parent.left === current) {
      current = parent;
      continue;
    }
    if (parent.type === "Property" && parent.value === current && parent.parent.type === "ObjectPattern") {
      const key = staticPropertyKey(parent);
      if (key === undefined) return undefined;
      path.unshift(key);
      current = parent.parent;
      continue;
    }
    return undefined;
  }
  return path;
}

/** Which module export a call invokes: `execSync(…)`, `cp.execSync(…)`, `require("child_process").execSync(…)`. */
export function resolveCallee(call: TSESTree.CallExpression, sourceCode: SourceCode): ModuleValue | undefined {
  return resolveModuleValue(call.callee, sourceCode);
}

/** Whether a module value is `module`'s export `name` (module given without `node:`). */
export function isModuleExport(value: ModuleValue | undefined, module: string, name: string): boolean {
  return value !== undefined && value.module === module && value.path.length === 1 && value.path[0] === name;
}
