/**
 * Incremental parsing for editors: the last tree-sitter tree of each file is kept, and the next text of that file is
 * parsed as an edit of it, so tree-sitter reuses every subtree the change did not touch. A keystroke in a 2,000-line
 * file then costs a fraction of a full parse. The edit is found by comparing the two texts (common prefix and
 * suffix), so callers need not pass change events. Trees live in wasm memory: at most MAX_RETAINED trees of at most
 * MAX_RETAINED_CHARS characters in all are kept, the least recently parsed go first, and the language server forgets a
 * file's tree when its document closes.
 */
import { Edit, type Point, type Tree } from "web-tree-sitter";
import { changedSpan } from "../changed-span.js";
import { convertTree, parseTree, type ParsedPython } from "./parser.js";

const MAX_RETAINED = 16;
const MAX_RETAINED_CHARS = 8_000_000;

interface Retained {
  readonly text: string;
  readonly tree: Tree;
}

/** By file path; Map order is recency (a parsed file is re-inserted last). */
const retained = new Map<string, Retained>();

export function parsePythonRetaining(filePath: string, text: string): ParsedPython {
  const previous = retained.get(filePath);
  retained.delete(filePath);
  let tree: Tree;
  if (previous === undefined) {
    tree = parseTree(text);
  } else if (previous.text === text) {
    tree = previous.tree;
  } else {
    previous.tree.edit(editBetween(previous.text, text));
    try {
      tree = parseTree(text, previous.tree);
    } finally {
      previous.tree.delete();
    }
  }
  retained.set(filePath, { text, tree });
  let chars = 0;
  for (const entry of retained.values()) chars += entry.text.length;
  for (const [oldest, entry] of retained) {
    if (oldest === filePath || (retained.size <= MAX_RETAINED && chars <= MAX_RETAINED_CHARS)) break;
    chars -= entry.text.length;
    entry.tree.delete();
    retained.delete(oldest);
  }
  return convertTree(tree, text);
}

/** Drops a file's kept tree (its document closed, or it changed on disk outside the editor). */
export function forgetPythonTree(filePath: string): void {
  retained.get(filePath)?.tree.delete();
  retained.delete(filePath);
}

export function retainedPythonTreeCount(): number {
  return retained.size;
}

/** The edit that turns `before` into `after`, in UTF-16 indices as web-tree-sitter counts them. */
export function editBetween(before: string, after: string): Edit {
  const { start, oldEnd, newEnd } = changedSpan(before, after);
  const startPosition = pointAt(before, start);
  return new Edit({
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition,
    oldEndPosition: pointAfter(before, start, startPosition, oldEnd),
    newEndPosition: pointAfter(after, start, startPosition, newEnd),
  });
}

/** Row and column of an index; tree-sitter counts rows by `\n` alone. */
function pointAt(text: string, index: number): Point {
  return pointAfter(text, 0, { row: 0, column: 0 }, index);
}

/** The point of `index`, counting on from a known point at `from`. */
function pointAfter(text: string, from: number, at: Point, index: number): Point {
  let row = at.row;
  let lineStart = from - at.column;
  for (let newline = text.indexOf("\n", from); newline !== -1 && newline < index; newline = text.indexOf("\n", newline + 1)) {
    row++;
    lineStart = newline + 1;
  }
  return { row, column: index - lineStart };
}
