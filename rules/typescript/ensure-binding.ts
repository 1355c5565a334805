/**
 * Making a module export callable at a given place, for fixes and suggestions: reuse a binding that is already in
 * scope, or add one (`import { setTimeout } from "node:timers/promises";`, or the `require` form in CommonJS).
 *
 * Rules for a new local name: it must not be declared anywhere on the scope chain of the place that uses it, and no
 * reference in the file may currently resolve to a global of that name (the new module-level binding would capture
 * it: `import { setTimeout }` would silently change every `setTimeout(callback, ms)` in the file). The edit is
 * idempotent: once applied, the next run finds the binding and reuses it.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { findVariableByName, normalizeModuleName, resolveVariable } from "./imports.js";

type Node = TSESTree.Node;
type Scope = TSESLint.Scope.Scope;
type Variable = TSESLint.Scope.Variable;
type SourceCode = Readonly<TSESLint.SourceCode>;
type RuleFix = TSESLint.RuleFix;
type RuleFixer = TSESLint.RuleFixer;

export interface ModuleExport {
  /** The specifier written into a new import, e.g. `node:timers/promises`. */
  readonly module: string;
  /** Its normalised name (no `node:`), matching existing imports of either spelling. */
  readonly moduleKey: string;
  readonly exportName: string;
  /** Candidate local names for a new binding, in order of preference. */
  readonly localNames: readonly string[];
  /**
   * Other module objects that hold the same exports, e.g. `fs` → `promises` for `fs/promises`: a binding of `fs`
   * reaches `readFile` as `fs.promises.readFile`, one of `import { promises as fsp }` as `fsp.readFile`.
   */
  readonly aliases?: readonly { readonly module: string; readonly path: readonly string[] }[];
}

export interface BindingPlan {
  /** The expression to call at the place of use: `setTimeout`, `sleep`, `timers.setTimeout`. */
  readonly callee: string;
  /** The edit adding the binding, or `undefined` when an existing one is reused. */
  readonly addBinding: ((fixer: RuleFixer) => RuleFix) | undefined;
}

export type ModuleSystem = "esm" | "cjs";

/**
 * How a file loads modules. ESM when it has an `import`/`export` declaration; CommonJS when it is parsed as a script
 * or CommonJS (`.cjs`), or uses the global `require`, `module` or `exports`; ESM otherwise.
 */
export function moduleSystem(sourceCode: SourceCode, sourceType: string | undefined): ModuleSystem {
  const hasModuleSyntax = sourceCode.ast.body.some(
    (statement) =>
      statement.type === "ImportDeclaration" ||
      statement.type === "ExportNamedDeclaration" ||
      statement.type === "ExportDefaultDeclaration" ||
      statement.type === "ExportAllDeclaration" ||
      statement.type === "TSImportEqualsDeclaration" ||
      statement.type === "TSExportAssignment",
  );
  if (hasModuleSyntax) return "esm";
  if (sourceType === "commonjs" || sourceType === "script") return "cjs";
  const globalScope = sourceCode.scopeManager?.globalScope;
  const commonJsGlobals = new Set(["require", "module", "exports"]);
  const usesCommonJs =
    globalScope?.through.some((reference) => commonJsGlobals.has(reference.identifier.name)) ||
    [...commonJsGlobals].some((name) => (globalScope?.set.get(name)?.references.length ?? 0) > 0);
  return usesCommonJs ? "cjs" : "esm";
}

/** The callee text and, when needed, the edit that binds `target` so it can be called at `node`. */
export function planModuleExportBinding(
  node: Node,
  target: ModuleExport,
  sourceCode: SourceCode,
  sourceType: string | undefined,
): BindingPlan | undefined {
  const existing = existingBinding(node, target, sourceCode);
  if (existing !== undefined) return { callee: existing, addBinding: undefined };

  const localName = target.localNames.find((name) => isFreeName(name, node, sourceCode));
  if (localName === undefined) return undefined;
  const system = moduleSystem(sourceCode, sourceType);
  return { callee: localName, addBinding: (fixer) => addBinding(fixer, target, localName, system, sourceCode) };
}

/** An existing binding of the export (or of its module object) visible at `node`, as callee text. */
function existingBinding(node: Node, target: ModuleExport, sourceCode: SourceCode): string | undefined {
  for (let scope: Scope | null = sourceCode.getScope(node); scope; scope = scope.upper) {
    for (const variable of scope.variables) {
      if (!isUsableAt(variable, node, sourceCode)) continue;
      const value = resolveVariable(variable, sourceCode);
      if (!value) continue;
      const homes = [{ module: target.moduleKey, path: [] as readonly string[] }, ...(target.aliases ?? [])];
      for (const home of homes) {
        const full = [...home.path, target.exportName];
        if (value.module !== home.module || value.path.length > full.length) continue;
        if (!value.path.every((segment, index) => segment === full[index])) continue;
        return [variable.name, ...full.slice(value.path.length)].join(".");
      }
    }
  }
  return undefined;
}

/** Not shadowed at `node`, and (unless hoisted like an import) declared before it. */
function isUsableAt(variable: Variable, node: Node, sourceCode: SourceCode): boolean {
  if (variable.defs.length !== 1 || findVariableByName(node, variable.name, sourceCode) !== variable) return false;
  const definition = variable.defs[0]!;
  return definition.type === "ImportBinding" || definition.name.range[1] <= node.range[0];
}

function isGlobalVariable(variable: Variable): boolean {
  return variable.scope.type === "global" && variable.defs.length === 0;
}

/** Names the file uses as globals (references resolving to no declaration in the file), once per scope manager. */
const globalNameSets = new WeakMap<object, ReadonlySet<string>>();

function namesUsedAsGlobals(sourceCode: SourceCode): ReadonlySet<string> {
  const scopeManager = sourceCode.scopeManager;
  if (!scopeManager) return new Set();
  let names = globalNameSets.get(scopeManager);
  if (!names) {
    const found = new Set<string>();
    for (const scope of scopeManager.scopes) {
      for (const reference of scope.references) {
        if (!reference.resolved || isGlobalVariable(reference.resolved)) found.add(reference.identifier.name);
      }
    }
    names = found;
    globalNameSets.set(scopeManager, names);
  }
  return names;
}

/** Whether a new module-level binding `name` would be visible at `node` and change the meaning of nothing else. */
export function isFreeName(name: string, node: Node, sourceCode: SourceCode): boolean {
  const visible = findVariableByName(node, name, sourceCode);
  if (visible && !isGlobalVariable(visible)) return false;
  return !namesUsedAsGlobals(sourceCode).has(name);
}

function lineBreak(sourceCode: SourceCode): string {
  return sourceCode.text.includes("\r\n") ? "\r\n" : "\n";
}

/** The file's string quote (from its first string token) and whether its statements end with `;`. */
export function codeStyle(sourceCode: SourceCode): { quote: string; semicolon: string } {
  const firstString = sourceCode.ast.tokens?.find((token) => token.type === "String");
  const quote = firstString?.value.startsWith("'") ? "'" : '"';
  const statement = sourceCode.ast.body.find(
    (candidate) =>
      candidate.type === "ImportDeclaration" ||
      candidate.type === "VariableDeclaration" ||
      candidate.type === "ExpressionStatement" ||
      candidate.type === "TSImportEqualsDeclaration",
  );
  const last = statement ? sourceCode.getLastToken(statement) : null;
  const semicolon = !statement || (last?.type === "Punctuator" && last.value === ";") ? ";" : "";
  return { quote, semicolon };
}

function declarationText(target: ModuleExport, localName: string, system: ModuleSystem, sourceCode: SourceCode): string {
  const { quote, semicolon } = codeStyle(sourceCode);
  const specifier = `${quote}${target.module}${quote}`;
  if (system === "cjs") {
    const pattern = localName === target.exportName ? localName : `${target.exportName}: ${localName}`;
    return `const { ${pattern} } = require(${specifier})${semicolon}`;
  }
  const imported = localName === target.exportName ? localName : `${target.exportName} as ${localName}`;
  return `import { ${imported} } from ${specifier}${semicolon}`;
}

function addBinding(fixer: RuleFixer, target: ModuleExport, localName: string, system: ModuleSystem, sourceCode: SourceCode): RuleFix {
  const program = sourceCode.ast;
  const eol = lineBreak(sourceCode);
  if (system === "esm") {
    // Add a specifier to an existing value import of the module: `import { setImmediate, setTimeout } from …`.
    const sameModule = program.body.find(
      (statement): statement is TSESTree.ImportDeclaration =>
        statement.type === "ImportDeclaration" &&
        statement.importKind !== "type" &&
        normalizeModuleName(statement.source.value) === target.moduleKey &&
        statement.specifiers.some((specifier) => specifier.type === "ImportSpecifier"),
    );
    if (sameModule) {
      const lastSpecifier = sameModule.specifiers.at(-1)!;
      const imported = localName === target.exportName ? localName : `${target.exportName} as ${localName}`;
      return fixer.insertTextAfter(lastSpecifier, `, ${imported}`);
    }
    const lastImport = program.body.findLast(
      (statement) => statement.type === "ImportDeclaration" || statement.type === "TSImportEqualsDeclaration",
    );
    if (lastImport) return fixer.insertTextAfter(lastImport, `${eol}${declarationText(target, localName, system, sourceCode)}`);
  } else {
    const lastRequire = leadingRequires(program).at(-1);
    if (lastRequire) return fixer.insertTextAfter(lastRequire, `${eol}${declarationText(target, localName, system, sourceCode)}`);
  }
  return insertAtTop(fixer, declarationText(target, localName, system, sourceCode), sourceCode);
}

/** Top-level statements from the start of the file that are directives or `require` declarations. */
function leadingRequires(program: TSESTree.Program): TSESTree.Node[] {
  const anchors: TSESTree.Node[] = [];
  for (const statement of program.body) {
    if (statement.type === "ExpressionStatement" && statement.directive !== undefined) continue;
    if (statement.type === "VariableDeclaration" && statement.declarations.every((declarator) => isRequireLike(declarator.init))) {
      anchors.push(statement);
      continue;
    }
    break;
  }
  return anchors;
}

/** `require("x")`, `require("x").y`: the shapes of a CommonJS import line. */
function isRequireLike(node: TSESTree.Expression | null): boolean {
  let current: TSESTree.Node | null = node;
  while (current?.type === "MemberExpression") current = current.object;
  return current?.type === "CallExpression" && current.callee.type === "Identifier" && current.callee.name === "require";
}

/**
 * A new first statement: after the directive prologue (`"use strict"`), else before the first statement and the
 * comments attached to it (a JSDoc stays with its function), but after a shebang, triple-slash directives and a
 * header comment separated by a blank line.
 */
function insertAtTop(fixer: RuleFixer, text: string, sourceCode: SourceCode): RuleFix {
  const program = sourceCode.ast;
  const eol = lineBreak(sourceCode);
  const directives = program.body.filter(
    (statement, index) =>
      statement.type === "ExpressionStatement" &&
      statement.directive !== undefined &&
      program.body.slice(0, index).every((before) => before.type === "ExpressionStatement" && before.directive !== undefined),
  );
  const lastDirective = directives.at(-1);
  if (lastDirective) return fixer.insertTextAfter(lastDirective, `${eol}${text}`);

  const first = program.body[0];
  if (!first) return fixer.insertTextAfterRange([sourceCode.text.length, sourceCode.text.length], `${text}${eol}`);
  let start = first.range[0];
  let startLine = first.loc.start.line;
  const comments = sourceCode.getCommentsBefore(first);
  for (const comment of [...comments].reverse()) {
    const pinned = (comment.type === "Line" && comment.value.startsWith("/")) || comment.range[0] === 0 && sourceCode.text.startsWith("#!");
    if (pinned || comment.loc.end.line < startLine - 1) break;
    start = comment.range[0];
    startLine = comment.loc.start.line;
  }
  return fixer.insertTextBeforeRange([start, start], `${text}${eol}`);
}
