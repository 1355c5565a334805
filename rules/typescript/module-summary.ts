/**
 * What another project module exports, as far as promises go, read from its source without type information:
 * `import { save } from "./repo"` followed into `repo.ts` to learn that `save` is an `async function`.
 *
 * A file is parsed with `@typescript-eslint/parser`'s `parse` (no program, no types) and summarised once per content
 * version (mtime and size on disk, or the editor's overlay; see `project-files.ts`). Recognised:
 * - ESM: `export async function f`, `export function f(): Promise<T>`, `export declare function f(): Promise<T>`,
 *   `export const f = async () => …`, `export const f: () => Promise<T> = …`, `export { f, g as h }` of such local
 *   declarations, `export default` of one, `export = f`;
 * - re-exports: `export { f } from "./y"`, `export { default as f } from "./y"`, `import { f } from "./y"; export { f }`,
 *   `export * from "./y"` — followed up to `MAX_DEPTH` files deep, with cycle protection;
 * - CommonJS: `module.exports = async function …`, `module.exports = { f, g: async () => … }`,
 *   `exports.f = async …`, `module.exports.f = …`.
 * Classes, objects exported under ESM, and functions whose promise shows only in their body are not summarised.
 * Overloaded functions count only when every overload returns a promise.
 */
import { parse } from "@typescript-eslint/parser";
import type { TSESTree } from "@typescript-eslint/utils";
import path from "node:path";
import ts from "typescript";
import { resolveRelativeModule } from "./module-resolution.js";
import { functionReturnsPromise, isPromiseFunctionType, type AnnotationOptions } from "./promise-annotations.js";
import { readProjectFile, projectFileVersion } from "./project-files.js";
import { staticString } from "./imports.js";

/** What an export is, as far as promise detection cares. */
export interface ExportFacts {
  /** Calling it returns a promise (`Promise<T>` declared or `async`). */
  readonly returnsPromise: boolean;
  /** Calling it returns a thenable (`PromiseLike<T>` declared) — counted only with `checkThenables`. */
  readonly returnsThenable: boolean;
  /** The name of its declared return type (`SafePromise` in `(): SafePromise<T>`), for `allowForKnownSafePromises`. */
  readonly returnTypeName?: string;
}

type ExportEntry =
  | { readonly kind: "facts"; readonly facts: ExportFacts }
  | { readonly kind: "reexport"; readonly specifier: string; readonly name: string };

interface ModuleSummary {
  /** Named exports, `default` included. */
  readonly named: ReadonlyMap<string, ExportEntry>;
  /** What `require()` of the module returns, when it is itself summarised (`module.exports = async function …`). */
  readonly moduleItself: ExportEntry | undefined;
  /** Specifiers of `export * from "…"`. */
  readonly stars: readonly string[];
}

const MAX_DEPTH = 8;
const EMPTY: ModuleSummary = { named: new Map(), moduleItself: undefined, stars: [] };

const cache = new Map<string, { readonly version: string; readonly summary: ModuleSummary }>();

/** Drops every cached summary (tests). */
export function clearModuleSummaries(): void {
  cache.clear();
}

/** The summary of `file`, from the cache while its content version is unchanged. */
function summaryOf(file: string): ModuleSummary {
  const version = projectFileVersion(file);
  if (version === undefined) return EMPTY;
  const cached = cache.get(file);
  if (cached?.version === version) return cached.summary;
  const read = readProjectFile(file);
  const summary = read ? summarize(read.text, file) : EMPTY;
  cache.set(file, { version: read?.version ?? version, summary });
  return summary;
}

/**
 * What `specifier` (relative to `fromFile`) exports under `name` (`"default"` for a default import), or, with
 * `name === undefined`, what `require(specifier)` itself is.
 */
export function importedFacts(fromFile: string, specifier: string, name: string | undefined): ExportFacts | undefined {
  const target = resolveRelativeModule(fromFile, specifier);
  if (!target) return undefined;
  if (name === undefined) {
    const itself = summaryOf(target).moduleItself;
    return itself ? followEntry(target, itself, new Set(), 0) : undefined;
  }
  return lookupExport(target, name, new Set(), 0);
}

function lookupExport(file: string, name: string, visited: Set<string>, depth: number): ExportFacts | undefined {
  const key = `${file}\0${name}`;
  if (depth > MAX_DEPTH || visited.has(key)) return undefined;
  visited.add(key);
  const summary = summaryOf(file);
  const entry = summary.named.get(name);
  if (entry) return followEntry(file, entry, visited, depth);
  if (name === "default") return undefined;
  for (const star of summary.stars) {
    const target = resolveRelativeModule(file, star);
    const found = target ? lookupExport(target, name, visited, depth + 1) : undefined;
    if (found) return found;
  }
  return undefined;
}

function followEntry(file: string, entry: ExportEntry, visited: Set<string>, depth: number): ExportFacts | undefined {
  if (entry.kind === "facts") return entry.facts;
  if (entry.name === "*") return undefined;
  const target = resolveRelativeModule(file, entry.specifier);
  return target ? lookupExport(target, entry.name, visited, depth + 1) : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Summarising one file

const promiseOptions: AnnotationOptions = { thenables: false };
const thenableOptions: AnnotationOptions = { thenables: true };

type FunctionLike =
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.ArrowFunctionExpression
  | TSESTree.TSDeclareFunction;

function factsOfFunctions(declarations: readonly FunctionLike[]): ExportFacts {
  // With overloads, callers see only the overload signatures, not the implementation's.
  const overloads = declarations.filter((declaration) => declaration.type === "TSDeclareFunction");
  const visible = overloads.length > 0 ? overloads : declarations;
  const returnType = visible[0]?.returnType?.typeAnnotation;
  return {
    returnsPromise: visible.length > 0 && visible.every((fn) => functionReturnsPromise(fn, promiseOptions)),
    returnsThenable: visible.length > 0 && visible.every((fn) => functionReturnsPromise(fn, thenableOptions)),
    returnTypeName: typeReferenceName(returnType),
  };
}

function typeReferenceName(type: TSESTree.TypeNode | undefined): string | undefined {
  return type?.type === "TSTypeReference" && type.typeName.type === "Identifier" ? type.typeName.name : undefined;
}

function factsOfTypeAnnotation(type: TSESTree.TypeNode | undefined): ExportFacts {
  return {
    returnsPromise: isPromiseFunctionType(type, promiseOptions),
    returnsThenable: isPromiseFunctionType(type, thenableOptions),
    returnTypeName: type?.type === "TSFunctionType" ? typeReferenceName(type.returnType?.typeAnnotation) : undefined,
  };
}

/** A top-level binding of the summarised file. */
type Binding =
  | { readonly kind: "facts"; readonly facts: ExportFacts }
  | { readonly kind: "import"; readonly specifier: string; readonly name: string };

function parseModule(text: string, file: string): TSESTree.Program | undefined {
  // The summary reads declarations, never what a function does: parse the file with its function bodies emptied.
  const outline = withoutFunctionBodies(text, file);
  return (outline !== undefined && parseDialects(outline, file)) || parseDialects(text, file);
}

function parseDialects(text: string, file: string): TSESTree.Program | undefined {
  const extension = path.extname(file);
  const jsx = extension === ".tsx" || extension === ".jsx" || extension === ".js" || extension === ".mjs" || extension === ".cjs";
  const attempts = [
    { jsx, sourceType: "module" as const },
    { jsx: false, sourceType: "module" as const },
    { jsx: false, sourceType: "script" as const },
  ];
  for (const attempt of attempts) {
    try {
      // `loc: true` although unused: with `false` the parser makes another pass over the tree to delete it.
      return parse(text, { ...attempt, range: true, loc: true, comment: false, tokens: false, filePath: file }) as TSESTree.Program;
    } catch {
      // try the next dialect
    }
  }
  return undefined;
}

const SCRIPT_KINDS: Readonly<Record<string, ts.ScriptKind>> = {
  ".tsx": ts.ScriptKind.TSX,
  ".jsx": ts.ScriptKind.JSX,
  ".js": ts.ScriptKind.JS,
  ".mjs": ts.ScriptKind.JS,
  ".cjs": ts.ScriptKind.JS,
};

/**
 * The source with every function body replaced by `{}` (an arrow's expression body by `0`), class, interface and
 * namespace bodies emptied and type aliases defined as `0`; or `undefined` when TypeScript reports a syntax error (the
 * full text is parsed then, as before). Converting a tree to ESTree, with scope analysis, costs several times
 * TypeScript's own parse, and these bodies are most of a module's code: summaries get several times cheaper. What a
 * summary reads is unchanged: top-level declarations, `async`, return type annotations, export and CommonJS forms.
 */
function withoutFunctionBodies(text: string, file: string): string | undefined {
  const kind = SCRIPT_KINDS[path.extname(file)] ?? ts.ScriptKind.TS;
  const sourceFile = ts.createSourceFile(
    file,
    text,
    { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
    false,
    kind,
  );
  if ((sourceFile as unknown as { parseDiagnostics?: readonly unknown[] }).parseDiagnostics?.length) return undefined;
  const parts: string[] = [];
  let from = 0;
  const replace = (start: number, end: number, by: string): void => {
    parts.push(text.slice(from, start), by);
    from = end;
  };
  const visit = (node: ts.Node): void => {
    const body = ts.isFunctionLike(node) || ts.isClassStaticBlockDeclaration(node) ? (node as { body?: ts.Node }).body : undefined;
    if (body) return replace(body.getStart(sourceFile), body.end, ts.isBlock(body) ? "{}" : "0");
    // Members of classes and interfaces, type alias definitions and namespace bodies are not summarised either.
    if (ts.isClassLike(node) || ts.isInterfaceDeclaration(node)) {
      for (const child of [...(ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : []), ...(node.heritageClauses ?? [])]) visit(child);
      return replace(node.members.pos, node.members.end, "");
    }
    if (ts.isTypeAliasDeclaration(node)) return replace(node.type.getStart(sourceFile), node.type.end, "0");
    if (ts.isModuleDeclaration(node) && node.body && ts.isModuleBlock(node.body)) return replace(node.body.getStart(sourceFile), node.body.end, "{}");
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sourceFile, visit);
  if (from === 0) return text;
  parts.push(text.slice(from));
  return parts.join("");
}

function summarize(text: string, file: string): ModuleSummary {
  const program = parseModule(text, file);
  if (!program) return EMPTY;
  const bindings = topLevelBindings(program);
  const named = new Map<string, ExportEntry>();
  const stars: string[] = [];
  let moduleItself: ExportEntry | undefined;

  const entryOfBinding = (name: string): ExportEntry | undefined => {
    const binding = bindings.get(name);
    if (!binding) return undefined;
    return binding.kind === "facts" ? binding : { kind: "reexport", specifier: binding.specifier, name: binding.name };
  };
  const entryOfExpression = (expression: TSESTree.Node): ExportEntry | undefined => {
    if (expression.type === "Identifier") return entryOfBinding(expression.name);
    if (expression.type === "FunctionExpression" || expression.type === "ArrowFunctionExpression") {
      return { kind: "facts", facts: factsOfFunctions([expression]) };
    }
    return undefined;
  };
  const setNamed = (name: string, entry: ExportEntry | undefined): void => {
    if (entry) named.set(name, entry);
    else named.delete(name);
  };

  for (const statement of program.body) {
    switch (statement.type) {
      case "ExportNamedDeclaration": {
        const declaration = statement.declaration;
        // `export declare function f()` has `exportKind: "type"` but declares a value; `export type { f }` does not.
        if (!declaration && statement.exportKind === "type") break;
        if (declaration) {
          for (const name of declaredNames(declaration)) setNamed(name, entryOfBinding(name));
          break;
        }
        for (const specifier of statement.specifiers) {
          if (specifier.exportKind === "type") continue;
          const local = moduleExportName(specifier.local);
          const exported = moduleExportName(specifier.exported);
          if (statement.source) named.set(exported, { kind: "reexport", specifier: statement.source.value, name: local });
          else setNamed(exported, entryOfBinding(local));
        }
        break;
      }
      case "ExportAllDeclaration":
        if (statement.exportKind === "type") break;
        if (statement.exported) named.set(moduleExportName(statement.exported), { kind: "reexport", specifier: statement.source.value, name: "*" });
        else stars.push(statement.source.value);
        break;
      case "ExportDefaultDeclaration": {
        const declaration = statement.declaration;
        if (declaration.type === "FunctionDeclaration" || declaration.type === "TSDeclareFunction") {
          setNamed("default", declaration.id ? entryOfBinding(declaration.id.name) : { kind: "facts", facts: factsOfFunctions([declaration]) });
        } else {
          setNamed("default", entryOfExpression(declaration));
        }
        break;
      }
      case "TSExportAssignment": {
        const entry = entryOfExpression(statement.expression);
        moduleItself = entry;
        setNamed("default", entry);
        break;
      }
      case "ExpressionStatement": {
        const assignment = statement.expression;
        if (assignment.type !== "AssignmentExpression" || assignment.operator !== "=") break;
        const target = commonJsExportTarget(assignment.left);
        if (target === undefined) break;
        if (target === "") {
          moduleItself = entryOfExpression(assignment.right);
          if (moduleItself) named.set("default", moduleItself);
          if (assignment.right.type === "ObjectExpression") {
            named.clear();
            for (const [name, entry] of objectEntries(assignment.right, entryOfExpression)) named.set(name, entry);
          }
        } else {
          setNamed(target, entryOfExpression(assignment.right));
        }
        break;
      }
      default:
        break;
    }
  }
  return { named, moduleItself, stars };
}

function moduleExportName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === "Identifier" ? node.name : node.value;
}

/** Names declared by an exported declaration: `export const a = …, b = …`, `export function f`. */
function declaredNames(declaration: TSESTree.NamedExportDeclarations): string[] {
  switch (declaration.type) {
    case "FunctionDeclaration":
    case "TSDeclareFunction":
    case "ClassDeclaration":
      return declaration.id ? [declaration.id.name] : [];
    case "VariableDeclaration":
      return declaration.declarations.flatMap((declarator) => (declarator.id.type === "Identifier" ? [declarator.id.name] : []));
    default:
      return [];
  }
}

/** Top-level functions, function-valued `const`s and imports of the file, by local name. */
function topLevelBindings(program: TSESTree.Program): Map<string, Binding> {
  const functions = new Map<string, FunctionLike[]>();
  const bindings = new Map<string, Binding>();
  const unknown = new Set<string>();
  for (const statement of program.body) {
    const declaration =
      (statement.type === "ExportNamedDeclaration" || statement.type === "ExportDefaultDeclaration") && statement.declaration
        ? statement.declaration
        : statement;
    switch (declaration.type) {
      case "FunctionDeclaration":
      case "TSDeclareFunction":
        if (declaration.id) functions.set(declaration.id.name, [...(functions.get(declaration.id.name) ?? []), declaration]);
        break;
      case "VariableDeclaration":
        for (const declarator of declaration.declarations) {
          if (declarator.id.type !== "Identifier") continue;
          const name = declarator.id.name;
          const init = declarator.init;
          if (declaration.kind !== "const" && declaration.kind !== "let" && declaration.kind !== "var") continue;
          const annotation = declarator.id.typeAnnotation?.typeAnnotation;
          if (annotation) bindings.set(name, { kind: "facts", facts: factsOfTypeAnnotation(annotation) });
          else if (init && (init.type === "ArrowFunctionExpression" || init.type === "FunctionExpression")) {
            bindings.set(name, { kind: "facts", facts: factsOfFunctions([init]) });
          } else unknown.add(name);
        }
        break;
      case "ImportDeclaration":
        if (declaration.importKind === "type") break;
        for (const specifier of declaration.specifiers) {
          const name =
            specifier.type === "ImportDefaultSpecifier"
              ? "default"
              : specifier.type === "ImportNamespaceSpecifier"
                ? "*"
                : specifier.importKind === "type"
                  ? undefined
                  : moduleExportName(specifier.imported);
          if (name !== undefined) bindings.set(specifier.local.name, { kind: "import", specifier: declaration.source.value, name });
        }
        break;
      default:
        break;
    }
  }
  for (const [name, declarations] of functions) bindings.set(name, { kind: "facts", facts: factsOfFunctions(declarations) });
  // A name assigned again later (`let save = …; save = other`) is not trusted.
  for (const name of reassignedNames(program)) bindings.delete(name);
  for (const name of unknown) if (!functions.has(name)) bindings.delete(name);
  return bindings;
}

/** Top-level names assigned after their declaration: `name = …` at any depth of a top-level expression statement. */
function reassignedNames(program: TSESTree.Program): Set<string> {
  const names = new Set<string>();
  for (const statement of program.body) {
    if (statement.type !== "ExpressionStatement") continue;
    const expression = statement.expression;
    if (expression.type === "AssignmentExpression" && expression.left.type === "Identifier") names.add(expression.left.name);
  }
  return names;
}

/** `module.exports` → `""`, `module.exports.f` / `exports.f` → `"f"`, anything else → `undefined`. */
function commonJsExportTarget(node: TSESTree.Node): string | undefined {
  if (node.type !== "MemberExpression") return undefined;
  const property = node.computed ? staticString(node.property) : node.property.type === "Identifier" ? node.property.name : undefined;
  if (property === undefined) return undefined;
  if (node.object.type === "Identifier") {
    if (node.object.name === "module" && property === "exports") return "";
    if (node.object.name === "exports") return property;
    return undefined;
  }
  return commonJsExportTarget(node.object) === "" ? property : undefined;
}

/** `{ f, g: async () => …, async h() {} }` → entries for the properties we can summarise. */
function objectEntries(
  object: TSESTree.ObjectExpression,
  entryOfExpression: (expression: TSESTree.Node) => ExportEntry | undefined,
): [string, ExportEntry][] {
  const entries: [string, ExportEntry][] = [];
  for (const property of object.properties) {
    if (property.type !== "Property" || property.kind !== "init") continue;
    const key = property.computed ? staticString(property.key) : property.key.type === "Identifier" ? property.key.name : staticString(property.key);
    if (key === undefined) continue;
    const entry = entryOfExpression(property.value);
    if (entry) entries.push([key, entry]);
  }
  return entries;
}
