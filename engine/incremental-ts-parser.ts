/**
 * @typescript-eslint/parser with incremental parsing, for the editor: each file's last TypeScript SourceFile is kept,
 * and its next text is parsed with `ts.updateSourceFile`, which reuses every node the edit did not touch (what
 * TypeScript's own language service does on each keystroke). typescript-estree accepts a SourceFile in place of the
 * text, so conversion, tokens and scope analysis are unchanged. The first parse of a file goes through the parser as
 * usual, and the SourceFile it made (with the settings it chose: script kind, JSDoc mode, module detection) is taken
 * from its node map, so later updates inherit exactly those settings.
 *
 * At most MAX_RETAINED files of MAX_RETAINED_CHARS characters in all are kept (least recently parsed go first).
 *
 * Only for untyped parsing: with `project`/`projectService` the program owns the SourceFiles and we step aside.
 */
import type { Linter } from "eslint";
import tsParser from "@typescript-eslint/parser";
import ts from "typescript";
import { changedSpan } from "../rules/changed-span.js";

const MAX_RETAINED = 16;
const MAX_RETAINED_CHARS = 8_000_000;

type ParserOptions = NonNullable<Parameters<typeof tsParser.parseForESLint>[1]>;

/** By file path; Map order is recency. */
const retained = new Map<string, ts.SourceFile>();

function typed(options: ParserOptions): boolean {
  return Boolean(options.project) || Boolean(options.projectService) || Boolean(options.programs);
}

function parseForESLint(code: string, options: ParserOptions = {}): ReturnType<typeof tsParser.parseForESLint> {
  const filePath = options.filePath;
  if (filePath === undefined || typed(options)) return tsParser.parseForESLint(code, options);
  const previous = retained.get(filePath);
  retained.delete(filePath);
  if (previous === undefined || previous.text === code) {
    // First sight (or the same text again): a full parse, then keep the SourceFile it built.
    const result = tsParser.parseForESLint(previous ?? code, options);
    const sourceFile = result.services.esTreeNodeToTSNodeMap?.get(result.ast);
    if (sourceFile !== undefined && ts.isSourceFile(sourceFile)) remember(filePath, sourceFile);
    return result;
  }
  const updated = ts.updateSourceFile(previous, code, changeBetween(previous.text, code));
  // Kept before converting: a text typescript-estree rejects (a syntax error) is still the base of the next edit.
  remember(filePath, updated);
  return tsParser.parseForESLint(updated, options);
}

function remember(filePath: string, sourceFile: ts.SourceFile): void {
  retained.set(filePath, sourceFile);
  let chars = 0;
  for (const kept of retained.values()) chars += kept.text.length;
  for (const [oldest, kept] of retained) {
    if (oldest === filePath || (retained.size <= MAX_RETAINED && chars <= MAX_RETAINED_CHARS)) break;
    chars -= kept.text.length;
    retained.delete(oldest);
  }
}

function changeBetween(before: string, after: string): ts.TextChangeRange {
  const { start, oldEnd, newEnd } = changedSpan(before, after);
  return ts.createTextChangeRange(ts.createTextSpan(start, oldEnd - start), newEnd - start);
}

/** Drops a file's kept SourceFile (its document closed). */
export function forgetTypescriptSourceFile(filePath: string): void {
  retained.delete(filePath);
}

export const incrementalTypescriptParser: Linter.Parser = {
  meta: { name: "async-pitfalls/incremental-typescript-parser" },
  parseForESLint: parseForESLint as unknown as NonNullable<Extract<Linter.Parser, { parseForESLint: unknown }>["parseForESLint"]>,
};
