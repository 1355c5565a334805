/**
 * Memos that live exactly as long as the syntax tree they describe, held by the tree itself (`node.tree.memos`).
 *
 * Not module-level `WeakMap`s keyed by nodes: V8's young-generation collector keeps every key of a `WeakMap` alive
 * (it leaves ephemerons to the full collector), so a tree with a single memoised node survived each scavenge during
 * the next files' lints, was copied and promoted, and waited for a full collection. On the 414k-line corpus that
 * tripled the lint's time in the scavenger. A memo reachable only from its tree dies young with it.
 */
import type { PyNode } from "./parser.js";

let slots = 0;

function mapOf<K, V>(anchor: PyNode, slot: number, create: boolean): Map<K, V> | undefined {
  const memos = anchor.tree.memos;
  let map = memos[slot] as Map<K, V> | undefined;
  if (!map && create) memos[slot] = map = new Map<K, V>();
  return map;
}

/** A memo by node, in the node's own tree. */
export class NodeMemo<V> {
  readonly #slot = slots++;

  get(node: PyNode): V | undefined {
    return mapOf<PyNode, V>(node, this.#slot, false)?.get(node);
  }

  has(node: PyNode): boolean {
    return mapOf<PyNode, V>(node, this.#slot, false)?.has(node) ?? false;
  }

  set(node: PyNode, value: V): void {
    mapOf<PyNode, V>(node, this.#slot, true)!.set(node, value);
  }
}

/** A memo by any key derived from one tree (`anchor`, a node of it, says which tree holds the entry). */
export class TreeMemo<K, V> {
  readonly #slot = slots++;

  get(anchor: PyNode, key: K): V | undefined {
    return mapOf<K, V>(anchor, this.#slot, false)?.get(key);
  }

  has(anchor: PyNode, key: K): boolean {
    return mapOf<K, V>(anchor, this.#slot, false)?.has(key) ?? false;
  }

  set(anchor: PyNode, key: K, value: V): void {
    mapOf<K, V>(anchor, this.#slot, true)!.set(key, value);
  }
}
