/**
 * Adding module-level code for a suggestion (a helper `async def`, a module-level set): where it goes — just above
 * the top-level statement that needs it, above that statement's leading comments — and under which free name.
 */
import type { RuleTextEdit } from "@eslint/core";
import { lineStartOffset } from "./indentation.js";
import type { PyNode } from "./parser.js";
import { nameOccursIn } from "./references.js";
import type { PythonSourceCode } from "./source-code.js";

/** The statement directly in the module that contains `node`. */
export function topLevelStatementOf(node: PyNode): PyNode | undefined {
  let current: PyNode | null = node;
  while (current?.parent && current.parent.type !== "module") current = current.parent;
  return current?.parent ? current : undefined;
}

/** The offset of the line where code for `statement` (top-level) can be inserted: above its comment block. */
export function insertionOffsetAbove(sourceCode: PythonSourceCode, statement: PyNode): number {
  const text = sourceCode.text;
  const commentStarts = new Set(sourceCode.comments.map((comment) => comment.range[0]));
  let offset = lineStartOffset(text, statement.start);
  while (offset > 0) {
    let end = offset - 1;
    if (text[end] === "\n" && text[end - 1] === "\r") end--;
    const previous = lineStartOffset(text, end);
    if (!commentStarts.has(previous)) break;
    offset = previous;
  }
  return offset;
}

/**
 * Whether code inserted at `offset` (a line start) should open with a blank line: the line above is code, or an
 * import is being added at that very offset.
 */
export function needsBlankLineBefore(text: string, offset: number, addedImport: RuleTextEdit | null): boolean {
  if (addedImport && addedImport.range[0] === offset) return true;
  let end = offset;
  if (text[end - 1] === "\n") end--;
  if (text[end - 1] === "\r") end--;
  return offset > 0 && text.slice(lineStartOffset(text, end), end).trim() !== "";
}

/**
 * The first of `candidates` (then `<first>_1`, `<first>_2`, …) that is spelled nowhere inside `root` and passes
 * `accept`. A name that appears nowhere in a function cannot clash with, or be shadowed by, anything it uses.
 */
export function freshName(root: PyNode, candidates: readonly string[], source: string, accept: (name: string) => boolean = () => true): string {
  const isFree = (name: string) => accept(name) && !nameOccursIn(root, name, source);
  for (const candidate of candidates) if (isFree(candidate)) return candidate;
  for (let index = 1; ; index++) {
    const candidate = `${candidates[0]}_${index}`;
    if (isFree(candidate)) return candidate;
  }
}
