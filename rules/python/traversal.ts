/**
 * The enter/exit steps ESLint applies to a Python tree, made one at a time as it asks for them. ESLint applies each
 * step before it asks for the next and keeps none (it iterates any iterable lazily), so one step object, one
 * arguments array and one iterator result serve the whole walk: a file of 100,000 nodes would otherwise allocate
 * 200,000 steps and their argument arrays, all garbage once the file is linted.
 */
import type { TraversalStep, VisitTraversalStep } from "@eslint/core";
import type { PyNode } from "./parser.js";

export class TraversalWalk implements Iterable<TraversalStep>, Iterator<TraversalStep> {
  readonly #root: PyNode;
  /** The path from the root to the current node, and the index of the next child to enter at each level. */
  readonly #nodes: PyNode[] = [];
  readonly #nextChild: number[] = [];
  readonly #args: [PyNode, PyNode | null];
  readonly #step: VisitTraversalStep & { type: "visit" };
  readonly #result: IteratorResult<TraversalStep>;
  readonly #onEnd: (() => void) | undefined;
  #started = false;

  constructor(root: PyNode, onEnd?: () => void) {
    this.#root = root;
    this.#onEnd = onEnd;
    this.#args = [root, null];
    this.#step = { type: "visit", kind: 1, target: root, phase: 1, args: this.#args };
    this.#result = { done: false, value: this.#step };
  }

  [Symbol.iterator](): Iterator<TraversalStep> {
    return this;
  }

  next(): IteratorResult<TraversalStep> {
    const nodes = this.#nodes;
    if (!this.#started) {
      this.#started = true;
      nodes.push(this.#root);
      this.#nextChild.push(0);
      return this.#visit(this.#root, 1);
    }
    const depth = nodes.length - 1;
    if (depth < 0) {
      this.#onEnd?.();
      return { done: true, value: undefined };
    }
    const node = nodes[depth]!;
    const index = this.#nextChild[depth]!;
    if (index < node.children.length) {
      this.#nextChild[depth] = index + 1;
      const child = node.children[index]!;
      nodes.push(child);
      this.#nextChild.push(0);
      return this.#visit(child, 1);
    }
    nodes.pop();
    this.#nextChild.pop();
    return this.#visit(node, 2);
  }

  #visit(node: PyNode, phase: 1 | 2): IteratorResult<TraversalStep> {
    this.#args[0] = node;
    this.#args[1] = node.parent;
    this.#step.target = node;
    this.#step.phase = phase;
    return this.#result;
  }
}
