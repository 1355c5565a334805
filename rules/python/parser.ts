/**
 * tree-sitter-python → plain ESLint-friendly nodes.
 *
 * The wasm parser is initialised once with a top-level await so that `parse()` can stay synchronous, as
 * ESLint requires. Live wasm nodes are never handed out: the tree is converted and deleted here.
 */
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Language, Parser, type TreeCursor } from "web-tree-sitter";
import type { SourceLocation } from "@eslint/core";

export interface PyNode {
  readonly type: string;
  readonly range: [number, number];
  loc: SourceLocation;
  readonly parent: PyNode | null;
  /** Named children in source order; comments are collected separately. */
  readonly children: PyNode[];
  /** The field name this node has in its parent (`function`, `arguments`, `body`, …), if any. */
  readonly field: string | null;
  /** Set on `function_definition`, `for_statement`, `with_statement`, `for_in_clause` written with `async`. */
  isAsync?: boolean;
  /** Operator token of binary/boolean/unary/augmented-assignment nodes. */
  op?: string;
}

export interface PyComment {
  readonly type: "comment";
  /** The comment text after `#`. */
  readonly value: string;
  readonly range: [number, number];
  loc: SourceLocation;
}

export interface SyntaxProblem {
  readonly message: string;
  /** 1-based line and 1-based column, as ESLint expects from a parse failure. */
  readonly line: number;
  readonly column: number;
}

export interface ParsedPython {
  readonly root: PyNode;
  readonly comments: PyComment[];
  readonly syntaxProblem: SyntaxProblem | null;
}

function locateGrammar(): Uint8Array {
  // Beside this module in the build and in the bundled server; from the package when run from source.
  const beside = fileURLToPath(new URL("./tree-sitter-python.wasm", import.meta.url));
  if (existsSync(beside)) return readFileSync(beside);
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve("tree-sitter-python/tree-sitter-python.wasm"));
}

await Parser.init();
const python = await Language.load(locateGrammar());
const parser = new Parser();
parser.setLanguage(python);

/** Every named node type of the grammar, for ESLint's `visitorKeys`. */
export const nodeTypes: readonly string[] = (() => {
  const names = new Set<string>();
  for (let id = 0; id < python.nodeTypeCount; id++) {
    const name = python.nodeTypeForId(id);
    if (name && python.nodeTypeIsNamed(id)) names.add(name);
  }
  names.add("ERROR");
  return [...names];
})();

function locationOf(cursor: TreeCursor): SourceLocation {
  const start = cursor.startPosition;
  const end = cursor.endPosition;
  return { start: { line: start.row + 1, column: start.column }, end: { line: end.row + 1, column: end.column } };
}

function describeError(cursor: TreeCursor, text: string): string {
  if (cursor.nodeIsMissing) return `missing '${cursor.nodeType}'`;
  const snippet = text.slice(cursor.startIndex, Math.min(cursor.endIndex, cursor.startIndex + 20)).split(/\r?\n/u)[0];
  return snippet ? `unexpected '${snippet}'` : "unexpected end of input";
}

/**
 * Walks the tree once with a cursor (far cheaper than `Node` objects) and builds plain nodes. Iterative, so
 * deeply nested code cannot overflow the stack.
 */
function convert(cursor: TreeCursor, text: string): ParsedPython {
  const comments: PyComment[] = [];
  let syntaxProblem: SyntaxProblem | null = null;
  const root: PyNode = {
    type: cursor.nodeType,
    range: [cursor.startIndex, cursor.endIndex],
    loc: locationOf(cursor),
    parent: null,
    children: [],
    field: null,
  };
  let parent: PyNode | null = root;
  if (!cursor.gotoFirstChild()) return { root, comments, syntaxProblem };

  for (;;) {
    const type = cursor.nodeType;
    let descendInto: PyNode | null = null;
    if ((type === "ERROR" || cursor.nodeIsMissing) && syntaxProblem === null) {
      const position = cursor.startPosition;
      syntaxProblem = { message: describeError(cursor, text), line: position.row + 1, column: position.column + 1 };
    }
    if (cursor.nodeIsNamed) {
      const range: [number, number] = [cursor.startIndex, cursor.endIndex];
      if (type === "comment") {
        comments.push({ type: "comment", value: text.slice(range[0] + 1, range[1]), range, loc: locationOf(cursor) });
      } else {
        const node: PyNode = {
          type,
          range,
          loc: locationOf(cursor),
          parent,
          children: [],
          field: cursor.currentFieldName,
        };
        parent!.children.push(node);
        descendInto = node;
      }
    } else if (type === "async") {
      parent!.isAsync = true;
    } else if (cursor.currentFieldName === "operator") {
      parent!.op = type;
    }

    if (descendInto && cursor.gotoFirstChild()) {
      parent = descendInto;
      continue;
    }
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent() || parent === null) return { root, comments, syntaxProblem };
      parent = parent.parent;
      if (parent === null) return { root, comments, syntaxProblem };
    }
  }
}

/** tree-sitter counts rows at `\n` only; a file with lone `\r` line breaks needs locations from offsets. */
function relocate(parsed: ParsedPython, text: string): void {
  const lineStarts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/gu)) lineStarts.push(match.index + match[0].length);
  const position = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! };
  };
  const stack: PyNode[] = [parsed.root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    node.loc = { start: position(node.range[0]), end: position(node.range[1]) };
    stack.push(...node.children);
  }
  for (const comment of parsed.comments) comment.loc = { start: position(comment.range[0]), end: position(comment.range[1]) };
}

export function parsePython(text: string): ParsedPython {
  const tree = parser.parse(text);
  if (!tree) throw new Error("tree-sitter returned no tree");
  const cursor = tree.walk();
  try {
    const parsed = convert(cursor, text);
    if (/\r(?!\n)/u.test(text)) relocate(parsed, text);
    return parsed;
  } finally {
    cursor.delete();
    tree.delete();
  }
}
