/**
 * @typescript-eslint/parser that asks for type information only where a TypeScript project covers the file, for the
 * CLI's automatic typed mode: a file with a tsconfig.json that includes it gets the project service's program (rules
 * ask the checker), any other file is parsed untyped (rules resolve names), instead of failing with typescript-eslint's
 * "was not found by the project service" parsing error. A file with no tsconfig.json at or above its folder does not
 * even reach the project service (which would otherwise open it in an inferred project first).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Linter } from "eslint";
import tsParser from "@typescript-eslint/parser";

/** The files type information is asked for (as `TYPE_CHECKED_FILES` in rules/typescript/plugin.ts). */
export const TYPED_EXTENSIONS: ReadonlySet<string> = new Set([".ts", ".tsx", ".mts", ".cts"]);

type ParserOptions = NonNullable<Parameters<typeof tsParser.parseForESLint>[1]>;

/** Folder → whether a tsconfig.json is at or above it (a CLI run asks once per folder). */
const tsconfigAbove = new Map<string, boolean>();

/** Whether a tsconfig.json is in `dir` or a folder above it. */
export function hasTsconfigAbove(dir: string): boolean {
  const known = tsconfigAbove.get(dir);
  if (known !== undefined) return known;
  const parent = path.dirname(dir);
  const found = existsSync(path.join(dir, "tsconfig.json")) || (parent !== dir && hasTsconfigAbove(parent));
  tsconfigAbove.set(dir, found);
  return found;
}

function withoutTypes(options: ParserOptions): ParserOptions {
  const { project: _project, projectService: _projectService, programs: _programs, ...rest } = options;
  return rest;
}

const NOT_IN_PROJECT = /was not found by the project service/u;

function parseForESLint(code: string, options: ParserOptions = {}): ReturnType<typeof tsParser.parseForESLint> {
  const filePath = options.filePath;
  if (!options.projectService || filePath === undefined) return tsParser.parseForESLint(code, options);
  if (!hasTsconfigAbove(path.dirname(path.resolve(filePath)))) return tsParser.parseForESLint(code, withoutTypes(options));
  try {
    return tsParser.parseForESLint(code, options);
  } catch (error) {
    // Outside every tsconfig's `include` (a script, a config file): lint it as the untyped mode does.
    if (error instanceof Error && NOT_IN_PROJECT.test(error.message)) return tsParser.parseForESLint(code, withoutTypes(options));
    throw error;
  }
}

export const typedWhereProjectParser: Linter.Parser = {
  meta: { name: "async-pitfalls/typed-where-project-parser" },
  parseForESLint: parseForESLint as unknown as NonNullable<Extract<Linter.Parser, { parseForESLint: unknown }>["parseForESLint"]>,
};
