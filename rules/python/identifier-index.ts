/**
 * Identifiers by spelling, one index per tree, in source order: "where is `x` spelled in this function?" is asked for
 * every `x = f()` and every call site search, and a walk of the function per question made that quadratic in the
 * size of a function.
 */
import type { PyNode } from "./parser.js";
import { textOf } from "./syntax.js";
import { TreeMemo } from "./tree-memo.js";

/** One per tree (the key is always null). */
const indexes = new TreeMemo<null, Map<string, PyNode[]>>();
const NONE: readonly PyNode[] = Object.freeze([]);

function indexFor(node: PyNode, source: string): Map<string, PyNode[]> {
  const cached = indexes.get(node, null);
  if (cached) return cached;
  let root = node;
  while (root.parent) root = root.parent;
  const index = new Map<string, PyNode[]>();
  const stack = [root];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === "identifier") {
      const text = textOf(current, source);
      const list = index.get(text);
      if (list) list.push(current);
      else index.set(text, [current]);
    }
    // Last child first, so that nodes come off the stack, and into the lists, in source order.
    for (let at = current.children.length - 1; at >= 0; at--) stack.push(current.children[at]!);
  }
  indexes.set(root, null, index);
  return index;
}

/** Every identifier spelled `name` inside `scope` (`scope` itself included), in source order. */
export function identifiersNamed(scope: PyNode, name: string, source: string): readonly PyNode[] {
  const all = indexFor(scope, source).get(name);
  if (!all) return NONE;
  const [from, to] = scope.range;
  if (all[0]!.range[0] >= from && all[all.length - 1]!.range[1] <= to) return all;
  // Identifiers never nest, so those inside `scope` are one run of the sorted list.
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
