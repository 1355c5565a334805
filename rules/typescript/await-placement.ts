/**
 * Whether an `await` may be written at a place: in the body of an `async` function, or at the top level of an ES
 * module where top-level `await` parses and compiles.
 *
 * Top level counts only outside every function, class field and static block, and only when the file is an ES module:
 * - `.mjs`/`.mts`: always; `.cjs`/`.cts`, or a file parsed as a script or CommonJS: never;
 * - TypeScript files must also contain `import`/`export` (TypeScript rejects top-level `await` in a non-module file);
 * - typed mode: the compiler's `module` setting must allow it (`es2022`, `esnext`, `system`, `preserve`, or a
 *   `node16`+ setting under which this file is an ES module);
 * - untyped mode: the nearest `package.json` must say `"type": "module"` (else Node runs `.js`/`.ts` as CommonJS).
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { canAwaitAt } from "./async-context.js";

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export function canAwaitHere(node: TSESTree.Node, context: AnyContext): boolean {
  return canAwaitAt(node) || (isModuleTopLevel(node) && allowsTopLevelAwait(context));
}

/** Outside every function, class field initialiser and static block. */
export function isModuleTopLevel(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    switch (current.type) {
      case "FunctionDeclaration":
      case "FunctionExpression":
      case "ArrowFunctionExpression":
      case "StaticBlock":
      case "PropertyDefinition":
      case "AccessorProperty":
      case "TSModuleBlock":
        return false;
      default:
        break;
    }
  }
  return true;
}

const TOP_LEVEL_AWAIT_MODULES: ReadonlySet<ts.ModuleKind> = new Set([ts.ModuleKind.ES2022, ts.ModuleKind.ESNext, ts.ModuleKind.System, ts.ModuleKind.Preserve]);
const NODE_MODULES: ReadonlySet<ts.ModuleKind> = new Set([ts.ModuleKind.Node16, ts.ModuleKind.Node18, ts.ModuleKind.Node20, ts.ModuleKind.NodeNext]);

function allowsTopLevelAwait(context: AnyContext): boolean {
  const filename = context.physicalFilename || context.filename;
  const extension = path.extname(filename).toLowerCase();
  if (extension === ".cjs" || extension === ".cts") return false;
  const sourceType = context.languageOptions.sourceType;
  if (sourceType === "script" || sourceType === "commonjs") return false;
  const isTypeScript = extension === ".ts" || extension === ".tsx" || extension === ".mts";
  if (isTypeScript && !hasModuleSyntax(context.sourceCode.ast) && extension !== ".mts") return false;

  const program = context.sourceCode.parserServices?.program;
  if (program) {
    const options = program.getCompilerOptions();
    if (options.target !== undefined && options.target < ts.ScriptTarget.ES2017) return false;
    const module = options.module;
    if (module !== undefined && TOP_LEVEL_AWAIT_MODULES.has(module)) return true;
    if (module !== undefined && NODE_MODULES.has(module)) {
      const sourceFile = program.getSourceFile(filename);
      return sourceFile?.impliedNodeFormat === ts.ModuleKind.ESNext;
    }
    return false;
  }
  if (extension === ".mjs" || extension === ".mts") return true;
  return packageType(path.dirname(path.resolve(context.cwd, filename))) === "module";
}

function hasModuleSyntax(program: TSESTree.Program): boolean {
  return program.body.some(
    (statement) =>
      statement.type === "ImportDeclaration" ||
      statement.type === "ExportNamedDeclaration" ||
      statement.type === "ExportDefaultDeclaration" ||
      statement.type === "ExportAllDeclaration",
  );
}

const packageTypes = new Map<string, string | undefined>();

/** The `type` of the nearest `package.json` above `directory` (cached per directory for the process). */
function packageType(directory: string): string | undefined {
  if (packageTypes.has(directory)) return packageTypes.get(directory);
  let result: string | undefined;
  try {
    const manifest = JSON.parse(readFileSync(path.join(directory, "package.json"), "utf8")) as { type?: unknown };
    result = typeof manifest.type === "string" ? manifest.type : "commonjs";
  } catch {
    const parent = path.dirname(directory);
    result = parent === directory ? undefined : packageType(parent);
  }
  packageTypes.set(directory, result);
  return result;
}
