/**
 * A tree-sitter cursor for one depth-first walk, without web-tree-sitter's per-call marshalling.
 *
 * web-tree-sitter's `TreeCursor` copies its four-word handle into the wasm transfer buffer before every getter and
 * move, and back after every move, each word through Emscripten's generic `setValue`/`getValue`: measured on a
 * 414k-line corpus, that copying cost as much as the walk itself. The binding's C side (lib/binding_web/lib/
 * tree-sitter.c) reads the cursor from the transfer buffer on every call and writes it back after every move, and
 * its scalar getters (type id, field id, start/end index, is-missing) leave the buffer alone. So once `tree.walk()`
 * has left a new cursor in the buffer, the binding's exports can be called directly, call after call, and the handle
 * copied back into the `TreeCursor` only at the end, for `delete()`.
 *
 * The exports are reached through the Module object Emscripten builds on the options given to `Parser.init`. That
 * is web-tree-sitter's internal surface, so it is checked when loaded, and a walk falls back to the public
 * `TreeCursor` API when anything is missing (`directWalksAvailable` says which one runs; a test pins it, and another
 * compares both walks on every fixture). package.json pins web-tree-sitter's exact version for the same reason.
 */
import type { Point, Tree, TreeCursor } from "web-tree-sitter";

export interface CursorWalk {
  typeId(): number;
  fieldId(): number;
  startIndex(): number;
  endIndex(): number;
  isMissing(): boolean;
  startPosition(): Point;
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
  /** Frees the cursor; the walk must not be used after. */
  end(): void;
}

type TreeCall = (tree: number) => number;

/** The part of web-tree-sitter's Emscripten Module a direct walk calls. */
interface Binding {
  HEAP32: Int32Array;
  _ts_init: () => number;
  _ts_tree_cursor_current_node_type_id_wasm: TreeCall;
  _ts_tree_cursor_current_field_id_wasm: TreeCall;
  _ts_tree_cursor_start_index_wasm: TreeCall;
  _ts_tree_cursor_end_index_wasm: TreeCall;
  _ts_tree_cursor_current_node_is_missing_wasm: TreeCall;
  _ts_tree_cursor_start_position_wasm: TreeCall;
  _ts_tree_cursor_goto_first_child_wasm: TreeCall;
  _ts_tree_cursor_goto_next_sibling_wasm: TreeCall;
  _ts_tree_cursor_goto_parent_wasm: TreeCall;
}

const CALLS = [
  "_ts_tree_cursor_current_node_type_id_wasm",
  "_ts_tree_cursor_current_field_id_wasm",
  "_ts_tree_cursor_start_index_wasm",
  "_ts_tree_cursor_end_index_wasm",
  "_ts_tree_cursor_current_node_is_missing_wasm",
  "_ts_tree_cursor_start_position_wasm",
  "_ts_tree_cursor_goto_first_child_wasm",
  "_ts_tree_cursor_goto_next_sibling_wasm",
  "_ts_tree_cursor_goto_parent_wasm",
] as const;

/** The options object to hand to `Parser.init`: Emscripten fills it in as the Module. */
export const moduleOptions: Record<string, unknown> = {};

let binding: Binding | null = null;
/** The binding's calls, held apart: the Module object has hundreds of properties, too many for fast lookups. */
type Calls = { [K in (typeof CALLS)[number]]: TreeCall };
let calls: Calls | null = null;
/** Word index of the transfer buffer in HEAP32 (the buffer's address never changes; HEAP32 may, when memory grows). */
let transferWord = 0;

/** Call once `Parser.init(moduleOptions)` has resolved. */
export function adoptBinding(): void {
  const candidate = moduleOptions as Partial<Binding>;
  const complete =
    candidate.HEAP32 instanceof Int32Array &&
    typeof candidate._ts_init === "function" &&
    CALLS.every((name) => typeof candidate[name] === "function");
  if (!complete) return;
  binding = candidate as Binding;
  calls = Object.fromEntries(CALLS.map((name) => [name, candidate[name]])) as Calls;
  transferWord = binding._ts_init() >> 2;
}

export function directWalksAvailable(): boolean {
  return binding !== null;
}

/** Tree, TreeCursor: their wasm handles are the numeric properties 0…3 (internal, see the module comment). */
type Handles = Record<0 | 1 | 2 | 3, number>;

class DirectWalk implements CursorWalk {
  readonly #tree: number;
  readonly #cursor: TreeCursor;
  readonly #b: Binding;
  readonly #c: Calls;

  constructor(tree: Tree, b: Binding, c: Calls) {
    this.#tree = (tree as unknown as Handles)[0];
    this.#b = b;
    this.#c = c;
    // walk() leaves the new cursor in the transfer buffer, where the calls below read it.
    this.#cursor = tree.walk();
  }

  typeId(): number {
    return this.#c._ts_tree_cursor_current_node_type_id_wasm(this.#tree);
  }
  fieldId(): number {
    return this.#c._ts_tree_cursor_current_field_id_wasm(this.#tree);
  }
  startIndex(): number {
    return this.#c._ts_tree_cursor_start_index_wasm(this.#tree);
  }
  endIndex(): number {
    return this.#c._ts_tree_cursor_end_index_wasm(this.#tree);
  }
  isMissing(): boolean {
    return this.#c._ts_tree_cursor_current_node_is_missing_wasm(this.#tree) === 1;
  }
  gotoFirstChild(): boolean {
    return this.#c._ts_tree_cursor_goto_first_child_wasm(this.#tree) === 1;
  }
  gotoNextSibling(): boolean {
    return this.#c._ts_tree_cursor_goto_next_sibling_wasm(this.#tree) === 1;
  }
  gotoParent(): boolean {
    return this.#c._ts_tree_cursor_goto_parent_wasm(this.#tree) === 1;
  }

  /** The one getter that writes its answer over the cursor in the buffer: save the cursor and put it back. */
  startPosition(): Point {
    const saved = this.#read();
    this.#c._ts_tree_cursor_start_position_wasm(this.#tree);
    const heap = this.#b.HEAP32;
    const point = { row: heap[transferWord]! >>> 0, column: heap[transferWord + 1]! >>> 0 };
    heap.set(saved, transferWord);
    return point;
  }

  end(): void {
    // Moves reallocate the cursor's stack: hand the current handle back to the TreeCursor, which frees it.
    const handles = this.#cursor as unknown as Handles;
    const words = this.#read();
    handles[0] = words[0]!;
    handles[1] = words[1]!;
    handles[2] = words[2]!;
    handles[3] = words[3]!;
    this.#cursor.delete();
  }

  #read(): Int32Array {
    return this.#b.HEAP32.slice(transferWord, transferWord + 4);
  }
}

class PublicWalk implements CursorWalk {
  readonly #cursor: TreeCursor;
  constructor(tree: Tree) {
    this.#cursor = tree.walk();
  }
  typeId(): number {
    return this.#cursor.nodeTypeId;
  }
  fieldId(): number {
    return this.#cursor.currentFieldId;
  }
  startIndex(): number {
    return this.#cursor.startIndex;
  }
  endIndex(): number {
    return this.#cursor.endIndex;
  }
  isMissing(): boolean {
    return this.#cursor.nodeIsMissing;
  }
  startPosition(): Point {
    return this.#cursor.startPosition;
  }
  gotoFirstChild(): boolean {
    return this.#cursor.gotoFirstChild();
  }
  gotoNextSibling(): boolean {
    return this.#cursor.gotoNextSibling();
  }
  gotoParent(): boolean {
    return this.#cursor.gotoParent();
  }
  end(): void {
    this.#cursor.delete();
  }
}

/** A walk from the root of `tree`. Nothing else may call into web-tree-sitter until it has ended. */
export function openWalk(tree: Tree, options: { direct?: boolean } = {}): CursorWalk {
  return binding && calls && options.direct !== false ? new DirectWalk(tree, binding, calls) : new PublicWalk(tree);
}
