/**
 * tree-sitter-python → plain ESLint-friendly nodes.
 *
 * The wasm parser is initialised once with a top-level await so that `parse()` can stay synchronous, as
 * ESLint requires. Live wasm nodes are never handed out: trees are converted to plain nodes, and deleted here or, for
 * incremental parsing, kept by retained-trees.ts.
 */
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Language, Parser, type Tree } from "web-tree-sitter";
import type { SourceLocation } from "@eslint/core";
import { adoptBinding, moduleOptions, openWalk, type CursorWalk } from "./cursor-walk.js";

export interface PyNode {
  readonly type: string;
  /** What all nodes of this parse share (one object per tree); see tree-memo.ts. */
  readonly tree: SharedByTree;
  readonly range: [number, number];
  /** `range[0]` and `range[1]`, as espree's nodes also have them: reading these allocates nothing (`range` is made at each use). */
  readonly start: number;
  readonly end: number;
  loc: SourceLocation;
  readonly parent: PyNode | null;
  /**
   * Named children in source order; comments are collected separately. A string literal that cannot hold replacement
   * fields (no `f`/`t` prefix) has none: its text says it all.
   */
  readonly children: readonly PyNode[];
  /** The field name this node has in its parent (`function`, `arguments`, `body`, …), if any. */
  readonly field: string | null;
  /** Set on `function_definition`, `for_statement`, `with_statement`, `for_in_clause` written with `async`. */
  readonly isAsync?: boolean;
  /** Operator token of binary/boolean/unary/augmented-assignment nodes. */
  readonly op?: string;
}

/** One per parse: memos that must live exactly as long as the tree (tree-memo.ts). */
export interface SharedByTree {
  readonly memos: unknown[];
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

await Parser.init(moduleOptions);
adoptBinding();
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

/**
 * Named node types that can have an anonymous child in the `operator` field (tree-sitter-python's
 * src/node-types.json): only under these is the field of an anonymous child worth asking for.
 */
const OPERATOR_PARENTS = new Set(["augmented_assignment", "binary_operator", "boolean_operator", "unary_operator"]);

/**
 * What a node type id says, looked up once per grammar instead of asked of the cursor per node (every cursor
 * getter is a call into wasm). Ids outside the table (tree-sitter's error symbol, 65535) are `ERROR`, a named node.
 */
const typeNames: string[] = [];
const namedTypes: boolean[] = [];
for (let id = 0; id < python.nodeTypeCount; id++) {
  typeNames[id] = python.nodeTypeForId(id) || "ERROR";
  namedTypes[id] = python.nodeTypeIsNamed(id);
}
/**
 * tree-sitter numbers the grammar's tokens before its rules, the start rule (`module`) first: a node whose type id is
 * below it is a token, which has no children, so the cursor need not try to enter it (half the named nodes are
 * tokens: identifiers, string parts, numbers…). Aliases (ids past the symbols) and ERROR (65535) are not below it.
 */
const firstRuleId = python.idForNodeType("module", true) ?? 0;
/** `string`: see `hasNoFields`. */
const stringTypeId = python.idForNodeType("string", true);

/**
 * Whether the string literal starting at `start` has no prefix letter that allows replacement fields (`f`, or `t` for
 * Python 3.14's template strings). Such a literal is converted as a leaf: its parts (`string_start`, `string_content`,
 * `string_end`, escapes) say nothing its text does not, and they are an eighth of all nodes.
 */
function hasNoFields(text: string, start: number): boolean {
  for (let at = start; ; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x22 || code === 0x27 || Number.isNaN(code)) return true; // the opening quote
    if (code === 0x66 || code === 0x46 || code === 0x74 || code === 0x54) return false; // f F t T
  }
}

/** Field names by field id (index 0, no field, is null). */
const fieldNames: readonly (string | null)[] = python.fields;

/**
 * Line starts of one text, shared by its nodes, which compute their `loc` from their range only when asked (most
 * never are). A line starts after `\n` and after a `\r` not followed by `\n`: for text without lone `\r` these are
 * exactly tree-sitter's rows (it counts `\n` only), and lone `\r` breaks lines as Python and ESLint see them.
 * Columns are offsets from the line start in UTF-16 code units, as tree-sitter's are for a JavaScript string.
 */
class LineIndex {
  readonly #starts: number[];
  /** Where the last lookup landed: nodes are mostly asked in source order, so the next answer is usually near. */
  #last = 0;

  constructor(text: string) {
    const starts = [0];
    if (text.includes("\r")) {
      for (const match of text.matchAll(/\r\n|\r|\n/gu)) starts.push(match.index + match[0].length);
    } else {
      for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) starts.push(at + 1);
    }
    this.#starts = starts;
  }

  position(offset: number): { line: number; column: number } {
    const starts = this.#starts;
    let line = this.#last;
    if (starts[line]! > offset || (line + 1 < starts.length && starts[line + 1]! <= offset)) {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid]! <= offset) low = mid;
        else high = mid - 1;
      }
      line = low;
      this.#last = line;
    }
    return { line: line + 1, column: offset - starts[line]! };
  }

  location(range: readonly [number, number]): SourceLocation {
    return { start: this.position(range[0]), end: this.position(range[1]) };
  }
}

/**
 * The children of every childless node. Each parent gets an array of exactly its children's length (see `convert`):
 * a growing array reserves room for 17 at its first push, and the trees of a lint are most of what it allocates.
 */
const NO_CHILDREN: PyNode[] = [];

/** A text's lines, indexed when a location is first asked for: most files' nodes and comments never are. */
class TextLines {
  #index: LineIndex | undefined = undefined;
  constructor(readonly text: string) {}

  location(range: readonly [number, number]): SourceLocation {
    return (this.#index ??= new LineIndex(this.text)).location(range);
  }
}

class TreeData implements SharedByTree {
  readonly memos: unknown[] = [];
  constructor(readonly lines: TextLines) {}
}

/**
 * A comment, whose `loc` is computed at each use (only directives need one). It holds the text's lines, not the tree:
 * ESLint keeps a file's comments a while after its lint, and the tree must not live that long with them.
 */
class ConvertedComment implements PyComment {
  readonly type = "comment";
  constructor(
    readonly value: string,
    readonly range: [number, number],
    readonly lines: TextLines,
  ) {}

  get loc(): SourceLocation {
    return this.lines.location(this.range);
  }

  set loc(loc: SourceLocation) {
    Object.defineProperty(this, "loc", { value: loc, writable: true, enumerable: true, configurable: true });
  }
}

/**
 * What a node shares with every other node of its type in the same field of its parent: its type, its field, and the
 * rare `async` and operator marks. One object per such combination, for all trees (see `kindOf`), so that a node
 * stores one reference where it would store four values, and every node has the same shape.
 */
class NodeKind {
  #async: NodeKind | undefined;
  #byOperator: Map<string, NodeKind> | undefined;

  constructor(
    readonly type: string,
    readonly field: string | null,
    readonly isAsync: true | undefined,
    readonly op: string | undefined,
  ) {}

  /** This kind, written with `async`. */
  withAsync(): NodeKind {
    return (this.#async ??= new NodeKind(this.type, this.field, true, this.op));
  }

  /** This kind, with the operator token `op`. */
  withOperator(op: string): NodeKind {
    const byOperator = (this.#byOperator ??= new Map());
    let kind = byOperator.get(op);
    if (!kind) byOperator.set(op, (kind = new NodeKind(this.type, this.field, this.isAsync, op)));
    return kind;
  }
}

/** Kinds by type id, then field id (ids past the grammar's table, as ERROR's 65535, in `otherKinds`). */
const kinds: (NodeKind | undefined)[][] = [];
const otherKinds = new Map<number, (NodeKind | undefined)[]>();

function kindOf(typeId: number, type: string, fieldId: number): NodeKind {
  let byField = typeId < typeNames.length ? kinds[typeId] : otherKinds.get(typeId);
  if (!byField) {
    byField = [];
    if (typeId < typeNames.length) kinds[typeId] = byField;
    else otherKinds.set(typeId, byField);
  }
  return (byField[fieldId] ??= new NodeKind(type, fieldNames[fieldId] ?? null, undefined, undefined));
}

/**
 * A converted node: plain data, except that `range` and `loc` are made at each use, and that its type, field, `async`
 * and operator are read through its kind. The rules read `start` and `end`; ESLint asks for `range` of the few nodes
 * it reports or prints. The trees are most of what a lint allocates, so a node has no field it does not need: a
 * two-number array per node was a sixth of it, and even a slot to cache one made every node a tenth larger.
 */
class ConvertedNode implements PyNode {
  kind: NodeKind;
  readonly start: number;
  readonly end: number;
  readonly parent: ConvertedNode | null;
  children: PyNode[] = NO_CHILDREN;

  constructor(kind: NodeKind, start: number, end: number, parent: ConvertedNode | null) {
    this.kind = kind;
    this.start = start;
    this.end = end;
    this.parent = parent;
  }

  /** Held by the root only: a field on every node would make each a ninth larger, and memos are asked far less often. */
  get tree(): TreeData {
    let node: ConvertedNode = this;
    while (node.parent) node = node.parent;
    return (node as RootNode).data;
  }

  get type(): string {
    return this.kind.type;
  }

  get field(): string | null {
    return this.kind.field;
  }

  get isAsync(): true | undefined {
    return this.kind.isAsync;
  }

  get op(): string | undefined {
    return this.kind.op;
  }

  get range(): [number, number] {
    return [this.start, this.end];
  }

  /** Computed at each use, which is rare (reported nodes, comments): a cache would be a field on every node. */
  get loc(): SourceLocation {
    return this.tree.lines.location(this.range);
  }

  set loc(loc: SourceLocation) {
    Object.defineProperty(this, "loc", { value: loc, writable: true, enumerable: true, configurable: true });
  }
}

class RootNode extends ConvertedNode {
  constructor(
    kind: NodeKind,
    start: number,
    end: number,
    readonly data: TreeData,
  ) {
    super(kind, start, end, null);
  }
}

function describeError(cursor: CursorWalk, type: string, text: string): string {
  if (cursor.isMissing()) return `missing '${type}'`;
  const start = cursor.startIndex();
  const snippet = text.slice(start, Math.min(cursor.endIndex(), start + 20)).split(/\r?\n/u)[0];
  return snippet ? `unexpected '${snippet}'` : "unexpected end of input";
}

/**
 * Walks the tree once with a cursor (far cheaper than `Node` objects) and builds plain nodes. Iterative, so
 * deeply nested code cannot overflow the stack. Every cursor getter crosses into wasm, so each node asks only what
 * it needs: its type id, its range and field if named, the field of an anonymous child only under a parent that can
 * have an operator, whether it is missing only when the tree has errors at all, and for its children only if it is
 * not a token.
 */
function convert(cursor: CursorWalk, text: string, hasError: boolean): ParsedPython {
  const lines = new TextLines(text);
  const tree = new TreeData(lines);
  const comments: PyComment[] = [];
  let syntaxProblem: SyntaxProblem | null = null;
  const rootTypeId = cursor.typeId();
  const root = new RootNode(kindOf(rootTypeId, typeNames[rootTypeId] ?? "ERROR", 0), cursor.startIndex(), cursor.endIndex(), tree);
  let parent: ConvertedNode = root;
  let parentHasOperator = OPERATOR_PARENTS.has(root.type);
  if (!cursor.gotoFirstChild()) return { root, comments, syntaxProblem };
  // The children of every open node, in one stack: where each open node's children begin in it.
  // (Its top is kept apart: shrinking an array's length is a call into the runtime.)
  const pending: ConvertedNode[] = [];
  let top = 0;
  const firstPending: number[] = [0];
  const close = (node: ConvertedNode) => {
    const first = firstPending.pop()!;
    if (top > first) node.children = pending.slice(first, top);
    top = first;
  };

  for (;;) {
    const typeId = cursor.typeId();
    const type = typeNames[typeId] ?? "ERROR";
    let descendInto: ConvertedNode | null = null;
    if (hasError && syntaxProblem === null && (type === "ERROR" || cursor.isMissing())) {
      const position = cursor.startPosition();
      syntaxProblem = { message: describeError(cursor, type, text), line: position.row + 1, column: position.column + 1 };
    }
    if (namedTypes[typeId] ?? true) {
      const start = cursor.startIndex();
      const end = cursor.endIndex();
      if (type === "comment") {
        comments.push(new ConvertedComment(text.slice(start + 1, end), [start, end], lines));
      } else {
        const node = new ConvertedNode(kindOf(typeId, type, cursor.fieldId()), start, end, parent);
        pending[top++] = node;
        // With errors anywhere, every node is visited, so that the first error is found.
        if (typeId >= firstRuleId && (typeId !== stringTypeId || hasError || !hasNoFields(text, start))) descendInto = node;
      }
    } else if (type === "async") {
      parent.kind = parent.kind.withAsync();
    } else if (parentHasOperator && fieldNames[cursor.fieldId()] === "operator") {
      parent.kind = parent.kind.withOperator(type);
    }

    if (descendInto && cursor.gotoFirstChild()) {
      parent = descendInto;
      firstPending.push(top);
      parentHasOperator = OPERATOR_PARENTS.has(parent.type);
      continue;
    }
    while (!cursor.gotoNextSibling()) {
      close(parent);
      const up = cursor.gotoParent() ? (parent.parent as ConvertedNode | null) : null;
      if (up === null) {
        // `parent` was the root, unless the cursor stopped short: then its ancestors keep what was read.
        for (let open = parent.parent as ConvertedNode | null; open && firstPending.length > 0; open = open.parent as ConvertedNode | null) close(open);
        return { root, comments, syntaxProblem };
      }
      parent = up;
      parentHasOperator = OPERATOR_PARENTS.has(parent.type);
    }
  }
}

export function parsePython(text: string): ParsedPython {
  const tree = parseTree(text);
  try {
    return convertTree(tree, text);
  } finally {
    tree.delete();
  }
}

/**
 * A live tree-sitter tree for `text`, which the caller must `delete()`. With `previous` (a tree of the text before an
 * edit, already `edit()`ed to match `text`), tree-sitter reuses its unchanged subtrees: see retained-trees.ts.
 */
export function parseTree(text: string, previous?: Tree): Tree {
  const tree = parser.parse(text, previous);
  if (!tree) throw new Error("tree-sitter returned no tree");
  return tree;
}

/** Plain nodes for a live tree of `text`; the tree stays the caller's. */
export function convertTree(tree: Tree, text: string, options: { direct?: boolean } = {}): ParsedPython {
  const hasError = tree.rootNode.hasError;
  const cursor = openWalk(tree, options);
  try {
    return convert(cursor, text, hasError);
  } finally {
    cursor.end();
  }
}
