/** Walking plain Python nodes without recursion (deeply nested code must not overflow the stack). */
import type { PyNode } from "./parser.js";

/** Nodes whose bodies run in a scope of their own: code in them does not run where they are written. */
const NESTED_SCOPE_TYPES = new Set(["function_definition", "lambda", "class_definition"]);

export interface WalkOptions {
  /** Do not enter nested `def`, `lambda` and `class` bodies (the nested node itself is still yielded). */
  readonly sameScope?: boolean;
}

/**
 * Every descendant of `node` (not `node` itself), in source order. A plain iterator rather than a generator: it hands
 * out one reused result object (a `for…of` reads it before asking for the next), where a generator allocates one per
 * node. Rules walk whole classes and modules with it, so that was a tenth of all the lint's allocations.
 */
export function descendants(node: PyNode, options: WalkOptions = {}): IterableIterator<PyNode> {
  return new DescendantWalk(node, options.sameScope === true);
}

class DescendantWalk implements IterableIterator<PyNode> {
  readonly #stack: PyNode[] = [];
  readonly #sameScope: boolean;
  readonly #result: IteratorYieldResult<PyNode>;

  constructor(node: PyNode, sameScope: boolean) {
    this.#sameScope = sameScope;
    this.#result = { done: false, value: node };
    for (let index = node.children.length - 1; index >= 0; index--) this.#stack.push(node.children[index]!);
  }

  [Symbol.iterator](): IterableIterator<PyNode> {
    return this;
  }

  next(): IteratorResult<PyNode> {
    const stack = this.#stack;
    const current = stack.pop();
    if (current === undefined) return { done: true, value: undefined };
    if (!this.#sameScope || !NESTED_SCOPE_TYPES.has(current.type)) {
      for (let index = current.children.length - 1; index >= 0; index--) stack.push(current.children[index]!);
    }
    this.#result.value = current;
    return this.#result;
  }
}

/** Whether `ancestor` contains `node` (or is it). */
export function isWithin(node: PyNode, ancestor: PyNode): boolean {
  for (let current: PyNode | null = node; current; current = current.parent) if (current === ancestor) return true;
  return false;
}

/** The statement that contains `node` directly in a block (or the module): the unit a rewrite moves around. */
export function enclosingStatement(node: PyNode): PyNode | undefined {
  for (let current: PyNode | null = node; current?.parent; current = current.parent) {
    if (current.parent.type === "block" || current.parent.type === "module") return current;
  }
  return undefined;
}
