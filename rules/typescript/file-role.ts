/**
 * What a file is for, read from its path (relative to the lint's working directory) and its first line: test code,
 * type-only tests and fixtures that never run, or a one-shot script. Some findings matter only in code that serves
 * while other work waits (a blocking `readFileSync`, a request without a timeout, one query per item at once): in a
 * test, the runner bounds and isolates the work; in a build or maintenance script nothing else waits on the event loop.
 *
 * Only the path *below the working directory* is read: `/home/me/tests/app/src/server.ts` linted from
 * `/home/me/tests/app` is `src/server.ts`, not a test. A file outside the working directory is judged by its name.
 */
import type { TSESLint } from "@typescript-eslint/utils";
import path from "node:path";
import { buildToolModules, commandLineDirectories, commandLineModules } from "./knowledge.js";
import { isRelativeSpecifier } from "./module-resolution.js";
import { normalizeModuleName, requiredModule, staticString } from "./imports.js";

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** `x.test.ts`, `x.spec.tsx`, `x.e2e.ts`, `x.e2e-spec.ts`, `x.bench.ts`, `x.test-d.ts` (jest, vitest, mocha, tsd conventions). */
const testFileName = /\.(?:test|spec|e2e|e2e-spec|bench|test-d|spec-d)\.[cm]?[jt]sx?$/iu;
/** Type tests (`tsd`, vitest's `expectTypeOf` files): only type-checked, never executed. */
const typeTestFileName = /\.(?:test-d|spec-d)\.[cm]?tsx?$/iu;
/** Directories whose files are tests, test helpers, mocks or fixtures. */
const testDirectories: ReadonlySet<string> = new Set(["test", "tests", "__tests__", "__test__", "__mocks__", "__fixtures__", "e2e"]);
/** A directory of one kind of tests: `integration-tests/`, `e2e_tests/`, `api-test/`. */
const testDirectoryName = /^[a-z0-9]+[-_]tests?$/iu;
/**
 * Directories of fixtures: source files that are the *input* of a parser, linter or compiler test (`import("x");`
 * as the whole file), never run as code.
 */
const fixtureDirectories: ReadonlySet<string> = new Set(["fixtures", "__fixtures__", "__testfixtures__"]);
/** Test-support code by name, for a directory or a file's stem: `postgres-codec-testkit/`, `shell-testkit.ts`, `test-utils/`. */
const testSupportName = /(?:^|[-_.])(?:testkit|test-?utils?|test-?helpers?|test-?support)$/iu;
/** Directories of one-shot scripts: build, release and maintenance scripts, benchmarks. */
const scriptDirectories: ReadonlySet<string> = new Set(["scripts", "script", "bench", "benchmark", "benchmarks"]);

export interface FileRole {
  /** A test file, or a file under a test directory (helpers, mocks, fixtures). */
  readonly test: boolean;
  /** A type test (compiled, never run) or a fixture (a tool's input): nothing in it executes, no runtime finding applies. */
  readonly neverRuns: boolean;
  /**
   * A one-shot program rather than code that serves: under a scripts/benchmarks directory, an executable with a
   * `#!` line, a module that imports a command-line argument parser (commander, yargs, clipanion…), a build tool
   * (tsdown, rollup, vite…) or a module of a `bin/` directory (`../bin/index.js`).
   */
  readonly script: boolean;
}

const roles = new WeakMap<object, FileRole>();

/** The role of the file being linted, once per file. */
export function fileRole(context: AnyContext): FileRole {
  const key = context.sourceCode;
  let role = roles.get(key);
  if (!role) {
    role = computeRole(context);
    roles.set(key, role);
  }
  return role;
}

function computeRole(context: AnyContext): FileRole {
  const file = path.resolve(context.cwd, context.physicalFilename || context.filename);
  const relative = path.relative(context.cwd, file);
  const inside = relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
  const segments = inside ? relative.split(/[\\/]/u) : [path.basename(file)];
  const name = segments.at(-1) ?? "";
  const directories = segments.slice(0, -1).map((segment) => segment.toLowerCase());
  const neverRuns = typeTestFileName.test(name) || directories.some((directory) => fixtureDirectories.has(directory));
  const stem = name.replace(/\.[^.]*$/u, "");
  const test =
    neverRuns ||
    testFileName.test(name) ||
    testSupportName.test(stem) ||
    directories.some((directory) => testDirectories.has(directory) || testDirectoryName.test(directory) || testSupportName.test(directory));
  const script =
    directories.some((directory) => scriptDirectories.has(directory)) || context.sourceCode.text.startsWith("#!") || importsCommandLineTooling(context);
  return { test, neverRuns, script };
}

/**
 * An `import`/`require` of a module that parses command-line arguments or builds the project, or of a module in a
 * `bin/` directory: the file is (part of) a command-line program.
 */
function importsCommandLineTooling(context: AnyContext): boolean {
  const { sourceCode } = context;
  for (const statement of sourceCode.ast.body) {
    if (statement.type === "ImportDeclaration") {
      const module = normalizeModuleName(statement.source.value);
      // Even a type import says what the module is for: `import type { UserConfig } from "tsdown"`, `import type
      // { CLIOptions } from "../bin/index.js"`.
      if (isBuildTool(module) || isCommandLineEntryImport(statement.source.value)) return true;
      if (statement.importKind === "type") continue;
      if (isCommandLineImport(module, statement.specifiers.map((specifier) => (specifier.type === "ImportSpecifier" ? importedName(specifier) : undefined)))) {
        return true;
      }
    } else if (statement.type === "VariableDeclaration") {
      for (const declarator of statement.declarations) {
        if (!declarator.init) continue;
        const specifier = requiredModule(declarator.init, sourceCode);
        if (specifier === undefined) continue;
        if (isBuildTool(normalizeModuleName(specifier)) || isCommandLineEntryImport(specifier)) return true;
        const names =
          declarator.id.type === "ObjectPattern"
            ? declarator.id.properties.map((property) =>
                property.type === "Property" && !property.computed && property.key.type === "Identifier" ? property.key.name : undefined,
              )
            : [undefined];
        if (isCommandLineImport(normalizeModuleName(specifier), names)) return true;
      }
    }
  }
  return false;
}

function importedName(specifier: { imported: { type: string; name?: string; value?: unknown } }): string | undefined {
  const imported = specifier.imported as { type: "Identifier"; name: string } | { type: "Literal"; value: string };
  return imported.type === "Identifier" ? imported.name : staticString(imported as never);
}

/** `commander`, `yargs/yargs`…: the whole module; `util`: only its `parseArgs` export. */
function isCommandLineImport(module: string, names: readonly (string | undefined)[]): boolean {
  const exports = commandLineModules.get(module) ?? commandLineModules.get(module.split("/").slice(0, module.startsWith("@") ? 2 : 1).join("/"));
  if (!exports) return false;
  return exports.size === 0 || names.some((name) => name !== undefined && exports.has(name));
}

/** `tsdown`, `vite`, `rollup/parseAst`: a build tool or one of its subpaths. */
function isBuildTool(module: string): boolean {
  return buildToolModules.has(module.split("/").slice(0, module.startsWith("@") ? 2 : 1).join("/"));
}

/** `../bin/index.js`, `./bin/cli`: a relative import of a command-line entry point. */
function isCommandLineEntryImport(specifier: string): boolean {
  return isRelativeSpecifier(specifier) && specifier.split("/").slice(0, -1).some((segment) => commandLineDirectories.has(segment));
}
