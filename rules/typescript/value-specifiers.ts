/**
 * typescript-eslint's `TypeOrValueSpecifier` option format — a string, or `{ from: "file" | "lib" | "package", name,
 * path?, package? }` — and how we match calls and types against it, in both modes.
 *
 * Calls (`allowForKnownSafeCalls`), untyped — from names and imports:
 * - `"name"`: the callee is the identifier `name`, or a member chain spelled `name` (`"it.skip"`, `"test.describe"`);
 * - `{ from: "file", name, path? }`: the callee `name` is declared in this file or imported from a project module by
 *   relative path; with `path` (relative to the working directory) only when that file is the one declaring it;
 * - `{ from: "lib", name }`: the callee is the global `name` (no local binding shadows it);
 * - `{ from: "package", name, package }`: the callee is `package`'s export `name` through `import`/`require`, in any
 *   of their forms (`node:` prefixes are ignored: `node:test` and `test` are the same module).
 * Typed, additionally as typescript-eslint does: the callee's type is declared under that name in this file/path, in
 * TypeScript's default library, or in the package's declaration files (`declare module "pkg"` or `node_modules/pkg`).
 *
 * Types (`allowForKnownSafePromises`) are matched in typed mode only (untyped mode knows no types): the type's (or
 * alias's) name, declared where the specifier says; a union matches when every member does, an intersection when
 * any part does.
 */
import type { JSONSchema, TSESLint, TSESTree } from "@typescript-eslint/utils";
import path from "node:path";
import ts from "typescript";
import { findVariableByName, isGlobalReference, normalizeModuleName, referenceOf, resolveModuleValue, skipTransparentWrappers, staticMemberName } from "./imports.js";
import { isRelativeSpecifier, resolveRelativeModule } from "./module-resolution.js";

export type TypeOrValueSpecifier =
  | string
  | { readonly from: "file"; readonly name: string | readonly string[]; readonly path?: string }
  | { readonly from: "lib"; readonly name: string | readonly string[] }
  | { readonly from: "package"; readonly name: string | readonly string[]; readonly package: string };

const nameSchema: JSONSchema.JSONSchema4 = {
  oneOf: [{ type: "string" }, { type: "array", items: { type: "string" }, minItems: 1, uniqueItems: true }],
};

/** JSON schema of a `TypeOrValueSpecifier[]` option. */
export const typeOrValueSpecifiersSchema: JSONSchema.JSONSchema4ArraySchema = {
  type: "array",
  items: {
    oneOf: [
      { type: "string" },
      {
        type: "object",
        additionalProperties: false,
        properties: { from: { type: "string", enum: ["file"] }, name: nameSchema, path: { type: "string" } },
        required: ["from", "name"],
      },
      {
        type: "object",
        additionalProperties: false,
        properties: { from: { type: "string", enum: ["lib"] }, name: nameSchema },
        required: ["from", "name"],
      },
      {
        type: "object",
        additionalProperties: false,
        properties: { from: { type: "string", enum: ["package"] }, name: nameSchema, package: { type: "string" } },
        required: ["from", "name", "package"],
      },
    ],
  },
};

type SourceCode = Readonly<TSESLint.SourceCode>;

function namesOf(specifier: Exclude<TypeOrValueSpecifier, string>): readonly string[] {
  return typeof specifier.name === "string" ? [specifier.name] : specifier.name;
}

/** `it.skip` → `"it.skip"`; `undefined` for computed members, calls and `this`. */
export function calleeSpelling(callee: TSESTree.Node): string | undefined {
  const node = skipTransparentWrappers(callee);
  if (node.type === "Identifier") return node.name;
  if (node.type !== "MemberExpression") return undefined;
  const object = calleeSpelling(node.object);
  const name = staticMemberName(node);
  return object !== undefined && name !== undefined ? `${object}.${name}` : undefined;
}

/** The identifier at the root of a member chain: `it` in `it.skip.each`. */
function rootIdentifier(callee: TSESTree.Node): TSESTree.Identifier | undefined {
  let node = skipTransparentWrappers(callee);
  while (node.type === "MemberExpression") node = skipTransparentWrappers(node.object);
  return node.type === "Identifier" ? node : undefined;
}

export interface CallSpecifierContext {
  readonly sourceCode: SourceCode;
  /** Absolute path of the linted file. */
  readonly file: string;
  readonly cwd: string;
  /** Typed mode: the program and the callee's type. */
  readonly program?: ts.Program;
  readonly calleeType?: ts.Type;
}

/** Whether a call's callee matches one of the specifiers (see the module comment). */
export function calleeMatchesSpecifiers(
  callee: TSESTree.Node,
  specifiers: readonly TypeOrValueSpecifier[],
  context: CallSpecifierContext,
): boolean {
  return specifiers.some((specifier) => calleeMatchesSpecifier(callee, specifier, context));
}

function calleeMatchesSpecifier(callee: TSESTree.Node, specifier: TypeOrValueSpecifier, context: CallSpecifierContext): boolean {
  const spelling = calleeSpelling(callee);
  const { program, calleeType } = context;
  const typeMatches = program !== undefined && calleeType !== undefined && typeMatchesSpecifier(calleeType, specifier, program);
  if (typeof specifier === "string") return spelling === specifier || typeMatches;
  const names = namesOf(specifier);
  switch (specifier.from) {
    case "file":
      return (spelling !== undefined && names.includes(spelling) && declaredInFile(callee, specifier.path, context)) || typeMatches;
    case "lib": {
      const root = rootIdentifier(callee);
      return (spelling !== undefined && names.includes(spelling) && root !== undefined && isGlobalReference(root, context.sourceCode)) || typeMatches;
    }
    case "package": {
      const value = resolveModuleValue(callee, context.sourceCode);
      // The export's name (`it`, `it.skip`, `default`) or, as typescript-eslint does, the callee as written locally.
      const fromPackage =
        value !== undefined &&
        value.module === normalizeModuleName(specifier.package) &&
        (names.includes(value.path.length === 0 ? "default" : value.path.join(".")) || (spelling !== undefined && names.includes(spelling)));
      return fromPackage || typeMatches;
    }
  }
}

/** The callee's root name is declared in this file, or imported from a project module (at `relativePath` if given). */
function declaredInFile(callee: TSESTree.Node, relativePath: string | undefined, context: CallSpecifierContext): boolean {
  const root = rootIdentifier(callee);
  if (!root) return false;
  const variable = referenceOf(root, context.sourceCode)?.resolved ?? findVariableByName(root, root.name, context.sourceCode);
  if (!variable || variable.defs.length === 0) return false;
  const wanted = relativePath === undefined ? undefined : path.resolve(context.cwd, relativePath);
  const definition = variable.defs[0]!;
  if (definition.type === "ImportBinding") {
    const declaration = definition.node.parent;
    if (declaration?.type !== "ImportDeclaration" || !isRelativeSpecifier(declaration.source.value)) return false;
    if (wanted === undefined) return true;
    return resolveRelativeModule(context.file, declaration.source.value) === wanted;
  }
  return wanted === undefined || wanted === context.file;
}

// ---------------------------------------------------------------------------------------------------------------
// Types

/** Whether a type matches a specifier (typed mode). */
export function typeMatchesSpecifier(type: ts.Type, specifier: TypeOrValueSpecifier, program: ts.Program): boolean {
  if (type.isUnion()) return type.types.every((member) => typeMatchesSpecifier(member, specifier, program));
  if (wholeTypeMatches(type, specifier, program)) return true;
  return type.isIntersection() && type.types.some((part) => typeMatchesSpecifier(part, specifier, program));
}

export function typeMatchesSomeSpecifier(type: ts.Type, specifiers: readonly TypeOrValueSpecifier[], program: ts.Program): boolean {
  return specifiers.some((specifier) => typeMatchesSpecifier(type, specifier, program));
}

function intrinsicName(type: ts.Type): string | undefined {
  return (type as { intrinsicName?: string }).intrinsicName;
}

function wholeTypeMatches(type: ts.Type, specifier: TypeOrValueSpecifier, program: ts.Program): boolean {
  if (intrinsicName(type) === "error") return false;
  const symbol = type.aliasSymbol ?? type.getSymbol();
  const candidates = [symbol?.escapedName as string | undefined, intrinsicName(type)].filter((name) => name !== undefined);
  const names = typeof specifier === "string" ? [specifier] : namesOf(specifier);
  if (!names.some((name) => candidates.includes(name))) return false;
  if (typeof specifier === "string") return true;
  const declarations = (type.getSymbol() ?? type.aliasSymbol)?.getDeclarations() ?? [];
  const files = declarations.map((declaration) => declaration.getSourceFile());
  switch (specifier.from) {
    case "file": {
      const root = path.resolve(program.getCurrentDirectory());
      if (specifier.path === undefined) return files.some((file) => path.resolve(file.fileName).startsWith(root));
      const wanted = path.resolve(root, specifier.path);
      return files.some((file) => path.resolve(file.fileName) === wanted);
    }
    case "lib":
      return files.length === 0 || files.some((file) => program.isSourceFileDefaultLibrary(file));
    case "package":
      return declaredInPackage(specifier.package, declarations, files);
  }
}

function declaredInPackage(packageName: string, declarations: readonly ts.Declaration[], files: readonly ts.SourceFile[]): boolean {
  const inAmbientModule = declarations.some((declaration) => {
    for (let node: ts.Node | undefined = declaration; node; node = node.parent) {
      if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) return node.name.text === packageName;
    }
    return false;
  });
  if (inAmbientModule) return true;
  const typesName = packageName.replace(/^@([^/]+)\//u, "$1__");
  return files.some((file) => {
    const normalized = file.fileName.replaceAll("\\", "/");
    return normalized.includes(`/node_modules/${packageName}/`) || normalized.includes(`/node_modules/@types/${typesName}/`);
  });
}
