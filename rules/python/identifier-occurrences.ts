/**
 * Identifiers by spelling, one index per tree, in source order: "where is `x` spelled in this function?" is asked for
 * every `x = f()` and every call site search, and a walk of the function per question made that quadratic in the
 * size of a function.
 */
import type { PyNode } from "./parser.js";
import { textOf } from "./syntax.js";
import { TreeMemo } from "./tree-memo.js";
import { descendants } from "./walk.js";

/** One per tree (the key is always null). */
const indexes = new TreeMemo<null, Map<string, PyNode[]>>();
const NONE: readonly PyNode[] = Object.freeze([]);

function indexFor(node: PyNode, source: string): Map<string, PyNode[]> {
  const cached = indexes.get(node, null);
  if (cached) return cached;
  let root = node;
  while (root.parent) root = root.parent;
  const index = new Map<string, PyNode[]>();
  for (const current of descendants(root)) {
    if (current.type !== "identifier") continue;
    const text = textOf(current, source);
    const list = index.get(text);
    if (list) list.push(current);
    else index.set(text, [current]);
  }
  indexes.set(root, null, index);
  return index;
}

/** Every identifier spelled `name` inside `root` (`root` itself included, nested scopes too), in source order. */
export function occurrencesOf(root: PyNode, name: string, source: string): readonly PyNode[] {
  const all = indexFor(root, source).get(name);
  if (!all) return NONE;
  const [from, to] = root.range;
  if (all[0]!.range[0] >= from && all[all.length - 1]!.range[1] <= to) return all;
  // Identifiers never nest, so those inside `root` are one run of the sorted list.
  let low = 0;
  let high = all.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (all[mid]!.range[0] < from) low = mid + 1;
    else high = mid;
  }
  let end = low;
  while (end < all.length && all[end]!.range[1] <= to) end++;
  return all.slice(low, end);
}
