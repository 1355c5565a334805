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
 * - classes declared at the top level (`export class Repo { async save() {} }`, `export default class`, `export { Repo }`,
 *   `module.exports = Repo`): which of their methods (instance and static) are `async` or declared to return
 *   `Promise<…>`, whether such a method keeps its errors inside (`self-handling.ts`), and the `extends` clause, so that
 *   inherited methods are found when the base class is itself a class of this file or imported from a relative module.
 *   A class merged with an interface or namespace of the same name is not summarised.
 * Objects exported under ESM, and functions whose promise shows only in their body are not summarised.
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
import { keepsErrorsInside, tsKeepsErrorsInside } from "./self-handling.js";

/** What an export is, as far as promise detection cares. */
export interface ExportFacts {
  /** Calling it returns a promise (`Promise<T>` declared or `async`). */
  readonly returnsPromise: boolean;
  /** Calling it returns a thenable (`PromiseLike<T>` declared) — counted only with `checkThenables`. */
  readonly returnsThenable: boolean;
  /** The name of its declared return type (`SafePromise` in `(): SafePromise<T>`), for `allowForKnownSafePromises`. */
  readonly returnTypeName?: string;
}

/** What a class member is, as far as promise detection cares. */
export interface MemberFacts extends ExportFacts {
  /** An `async` method whose every `await` and `throw` sits in a `try … catch` that does not rethrow. */
  readonly keepsErrorsInside: boolean;
}

/** A class declared at the top level of a summarised file. */
interface ClassSummary {
  /** Members by `memberKey`: methods, and properties (a property not known to hold a promise function says so). */
  readonly members: ReadonlyMap<string, MemberFacts>;
  /** `extends Name` (a top-level binding of the same file), no base, or a base we cannot follow (`extends mixin(A)`). */
  readonly base: { readonly kind: "none" } | { readonly kind: "unknown" } | { readonly kind: "name"; readonly name: string };
}

type ExportEntry =
  | { readonly kind: "facts"; readonly facts: ExportFacts }
  | { readonly kind: "class"; readonly summary: ClassSummary }
  | { readonly kind: "reexport"; readonly specifier: string; readonly name: string };

/** An export followed to its declaration: a function's facts or a class, with the file declaring it. */
type ResolvedEntry = { readonly file: string; readonly entry: Extract<ExportEntry, { kind: "facts" | "class" }> };

interface ModuleSummary {
  /** Named exports, `default` included. */
  readonly named: ReadonlyMap<string, ExportEntry>;
  /** What `require()` of the module returns, when it is itself summarised (`module.exports = async function …`). */
  readonly moduleItself: ExportEntry | undefined;
  /** Specifiers of `export * from "…"`. */
  readonly stars: readonly string[];
  /** Top-level bindings, for the `extends` clauses of its classes. */
  readonly bindings: ReadonlyMap<string, Binding>;
}

const MAX_DEPTH = 8;
const EMPTY: ModuleSummary = { named: new Map(), moduleItself: undefined, stars: [], bindings: new Map() };

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
  const resolved = importedEntry(fromFile, specifier, name);
  return resolved?.entry.kind === "facts" ? resolved.entry.facts : undefined;
}

/** `memberKey(name, isStatic)`: the key of a class member in `ClassSummary.members`. */
function memberKey(name: string, isStatic: boolean): string {
  return isStatic ? `static ${name}` : name;
}

/**
 * The member `member` (static side with `isStatic`) of the class that `specifier` exports under `name` (as in
 * `importedFacts`), looked up in the class, then in its base classes where they can be followed; `undefined` when the
 * export is not a summarised class or the member is found nowhere we can see.
 */
export function importedClassMember(
  fromFile: string,
  specifier: string,
  name: string | undefined,
  member: string,
  isStatic: boolean,
): MemberFacts | undefined {
  const resolved = importedEntry(fromFile, specifier, name);
  return resolved?.entry.kind === "class" ? classMember(resolved.file, resolved.entry.summary, memberKey(member, isStatic), 0) : undefined;
}

function importedEntry(fromFile: string, specifier: string, name: string | undefined): ResolvedEntry | undefined {
  const target = resolveRelativeModule(fromFile, specifier);
  if (!target) return undefined;
  if (name === undefined) {
    const itself = summaryOf(target).moduleItself;
    return itself ? followEntry(target, itself, new Set(), 0) : undefined;
  }
  return lookupExport(target, name, new Set(), 0);
}

function classMember(file: string, summary: ClassSummary, key: string, depth: number): MemberFacts | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const own = summary.members.get(key);
  if (own) return own;
  if (summary.base.kind !== "name") return undefined;
  const binding = summaryOf(file).bindings.get(summary.base.name);
  if (binding?.kind === "class") return classMember(file, binding.summary, key, depth + 1);
  if (binding?.kind !== "import" || binding.name === "*") return undefined;
  const target = resolveRelativeModule(file, binding.specifier);
  const base = target ? lookupExport(target, binding.name, new Set(), 0) : undefined;
  return base?.entry.kind === "class" ? classMember(base.file, base.entry.summary, key, depth + 1) : undefined;
}

function lookupExport(file: string, name: string, visited: Set<string>, depth: number): ResolvedEntry | undefined {
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

function followEntry(file: string, entry: ExportEntry, visited: Set<string>, depth: number): ResolvedEntry | undefined {
  if (entry.kind !== "reexport") return { file, entry };
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
  | TSESTree.TSDeclareFunction
  | TSESTree.TSEmptyBodyFunctionExpression;

function factsOfFunctions(declarations: readonly FunctionLike[]): ExportFacts {
  // With overloads, callers see only the overload signatures, not the implementation's.
  const overloads = declarations.filter((declaration) => declaration.type === "TSDeclareFunction" || declaration.type === "TSEmptyBodyFunctionExpression");
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
  | { readonly kind: "class"; readonly summary: ClassSummary }
  | { readonly kind: "import"; readonly specifier: string; readonly name: string };

/** A parsed module, and where (by offset of the member's name) the methods that keep their errors inside are. */
interface ParsedModule {
  readonly program: TSESTree.Program;
  readonly selfHandling: ReadonlySet<number>;
}

function parseModule(text: string, file: string): ParsedModule | undefined {
  // The summary reads declarations, never what a function does: parse the file with its function bodies emptied.
  const outline = withoutFunctionBodies(text, file);
  const program = outline !== undefined ? parseDialects(outline.text, file) : undefined;
  if (program) return { program, selfHandling: outline!.selfHandling };
  const full = parseDialects(text, file);
  return full ? { program: full, selfHandling: new Set() } : undefined;
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
 * The source with every function body replaced by `{}` (an arrow's expression body by `0`), interface and namespace
 * bodies and the bodies of classes not declared at the top level emptied, and type aliases defined as `0`; or
 * `undefined` when TypeScript reports a syntax error (the full text is parsed then, as before). Converting a tree to
 * ESTree, with scope analysis, costs several times TypeScript's own parse, and these bodies are most of a module's
 * code: summaries get several times cheaper. What a summary reads is unchanged: top-level declarations, the members of
 * top-level classes, `async`, return type annotations, export and CommonJS forms. What a method's body says that the
 * summary needs (it keeps its errors inside) is read before the body goes: `selfHandling` holds the offsets, in the
 * returned text, of the names of such methods of top-level classes.
 */
function withoutFunctionBodies(text: string, file: string): { text: string; selfHandling: Set<number> } | undefined {
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
  const selfHandling = new Set<number>();
  // Parent pointers are not set (cheaper): top-level statements are known by identity.
  const topLevel = new Set<ts.Node>(sourceFile.statements);
  let from = 0;
  let written = 0;
  const replace = (start: number, end: number, by: string): void => {
    parts.push(text.slice(from, start), by);
    written += start - from + by.length;
    from = end;
  };
  const visit = (node: ts.Node): void => {
    const body = ts.isFunctionLike(node) || ts.isClassStaticBlockDeclaration(node) ? (node as { body?: ts.Node }).body : undefined;
    if (body) return replace(body.getStart(sourceFile), body.end, ts.isBlock(body) ? "{}" : "0");
    // The members of top-level classes are summarised: keep them, with their function bodies emptied.
    if (ts.isClassDeclaration(node) && topLevel.has(node)) {
      for (const child of [...(node.modifiers ?? []), ...(node.heritageClauses ?? [])]) visit(child);
      for (const member of node.members) {
        // Bodies before this member are replaced already: its name's offset in the outline is known now.
        const fn = ts.isPropertyDeclaration(member) ? member.initializer : member;
        const name = member.name && ts.isComputedPropertyName(member.name) ? member.name.expression : member.name;
        if (name && fn && tsKeepsErrorsInside(fn)) selfHandling.add(written + name.getStart(sourceFile) - from);
        visit(member);
      }
      return;
    }
    // Members of other classes and of interfaces, type alias definitions and namespace bodies are not summarised.
    if (ts.isClassLike(node) || ts.isInterfaceDeclaration(node)) {
      for (const child of [...(ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : []), ...(node.heritageClauses ?? [])]) visit(child);
      return replace(node.members.pos, node.members.end, "");
    }
    if (ts.isTypeAliasDeclaration(node)) return replace(node.type.getStart(sourceFile), node.type.end, "0");
    if (ts.isModuleDeclaration(node) && node.body && ts.isModuleBlock(node.body)) return replace(node.body.getStart(sourceFile), node.body.end, "{}");
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sourceFile, visit);
  if (from === 0) return { text, selfHandling };
  parts.push(text.slice(from));
  return { text: parts.join(""), selfHandling };
}

function summarize(text: string, file: string): ModuleSummary {
  const parsed = parseModule(text, file);
  if (!parsed) return EMPTY;
  const program = parsed.program;
  const bindings = topLevelBindings(program, parsed.selfHandling);
  const named = new Map<string, ExportEntry>();
  const stars: string[] = [];
  let moduleItself: ExportEntry | undefined;

  const entryOfBinding = (name: string): ExportEntry | undefined => {
    const binding = bindings.get(name);
    if (!binding) return undefined;
    return binding.kind === "import" ? { kind: "reexport", specifier: binding.specifier, name: binding.name } : binding;
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
        } else if (declaration.type === "ClassDeclaration") {
          setNamed("default", declaration.id ? entryOfBinding(declaration.id.name) : { kind: "class", summary: summarizeClass(declaration, parsed.selfHandling) });
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
  return { named, moduleItself, stars, bindings };
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

/** Top-level functions, function-valued `const`s, classes and imports of the file, by local name. */
function topLevelBindings(program: TSESTree.Program, selfHandling: ReadonlySet<number>): Map<string, Binding> {
  const functions = new Map<string, FunctionLike[]>();
  const bindings = new Map<string, Binding>();
  const unknown = new Set<string>();
  const classes = new Map<string, ClassSummary>();
  // An interface or namespace merged into a class adds members we do not read.
  const merged = new Set<string>();
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
      case "ClassDeclaration":
        if (declaration.id) {
          if (classes.has(declaration.id.name)) merged.add(declaration.id.name);
          classes.set(declaration.id.name, summarizeClass(declaration, selfHandling));
        }
        break;
      case "TSInterfaceDeclaration":
        merged.add(declaration.id.name);
        break;
      case "TSModuleDeclaration":
        if (declaration.id.type === "Identifier") merged.add(declaration.id.name);
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
  for (const [name, summary] of classes) {
    if (merged.has(name) || functions.has(name)) bindings.delete(name);
    else bindings.set(name, { kind: "class", summary });
  }
  // A name assigned again later (`let save = …; save = other`) is not trusted.
  for (const name of reassignedNames(program)) bindings.delete(name);
  for (const name of unknown) if (!functions.has(name)) bindings.delete(name);
  return bindings;
}

const NOT_A_PROMISE_METHOD: MemberFacts = { returnsPromise: false, returnsThenable: false, keepsErrorsInside: false };

/**
 * The members of a class: methods (overloads as for functions) and properties holding functions (an arrow or function
 * expression, or a function type annotation). Getters, setters and other properties are recorded as not returning
 * promises, so that the lookup stops there instead of going on into a base class.
 */
function summarizeClass(node: TSESTree.ClassDeclaration, selfHandling: ReadonlySet<number>): ClassSummary {
  const methods = new Map<string, { functions: FunctionLike[]; selfHandling: boolean }>();
  const members = new Map<string, MemberFacts>();
  for (const element of node.body.body) {
    if (element.type === "StaticBlock" || element.type === "TSIndexSignature") continue;
    const name = classElementName(element);
    if (name === undefined) continue;
    const key = memberKey(name, element.static);
    const keeps = (fn: TSESTree.Node): boolean =>
      selfHandling.has(element.key.range[0]) || ((fn.type === "FunctionExpression" || fn.type === "ArrowFunctionExpression") && keepsErrorsInside(fn));
    switch (element.type) {
      case "MethodDefinition":
      case "TSAbstractMethodDefinition": {
        if (element.kind === "constructor") break;
        if (element.kind !== "method") {
          members.set(key, NOT_A_PROMISE_METHOD);
          methods.delete(key);
          break;
        }
        const group = methods.get(key) ?? { functions: [], selfHandling: false };
        group.functions.push(element.value);
        group.selfHandling ||= keeps(element.value);
        methods.set(key, group);
        members.delete(key);
        break;
      }
      default: {
        methods.delete(key);
        const annotation = element.typeAnnotation?.typeAnnotation;
        const value = element.value;
        if (annotation) members.set(key, { ...factsOfTypeAnnotation(annotation), keepsErrorsInside: value ? keeps(value) : false });
        else if (value && (value.type === "ArrowFunctionExpression" || value.type === "FunctionExpression")) {
          members.set(key, { ...factsOfFunctions([value]), keepsErrorsInside: keeps(value) });
        } else members.set(key, NOT_A_PROMISE_METHOD);
        break;
      }
    }
  }
  for (const [key, group] of methods) members.set(key, { ...factsOfFunctions(group.functions), keepsErrorsInside: group.selfHandling });
  const superClass = node.superClass;
  const base: ClassSummary["base"] = !superClass ? { kind: "none" } : superClass.type === "Identifier" ? { kind: "name", name: superClass.name } : { kind: "unknown" };
  return { members, base };
}

/** `save`, `#save` (private), `["save"]`; `undefined` for a computed key we cannot read. */
function classElementName(element: Exclude<TSESTree.ClassElement, TSESTree.StaticBlock | TSESTree.TSIndexSignature>): string | undefined {
  const key = element.key;
  if (key.type === "PrivateIdentifier") return `#${key.name}`;
  if (!element.computed && key.type === "Identifier") return key.name;
  return staticString(key);
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
