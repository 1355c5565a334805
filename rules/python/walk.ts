/** Walking plain Python nodes without recursion (deeply nested code must not overflow the stack). */
import type { PyNode } from "./parser.js";

/** Nodes whose bodies run in a scope of their own: code in them does not run where they are written. */
const NESTED_SCOPE_TYPES = new Set(["function_definition", "lambda", "class_definition"]);

export interface WalkOptions {
  /** Do not enter nested `def`, `lambda` and `class` bodies (the nested node itself is still yielded). */
  readonly sameScope?: boolean;
}

/** Every descendant of `node` (not `node` itself), in source order. */
export function* descendants(node: PyNode, options: WalkOptions = {}): Generator<PyNode> {
  const stack: PyNode[] = [];
  for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!);
  while (stack.length > 0) {
    const current = stack.pop()!;
    yield current;
    if (options.sameScope && NESTED_SCOPE_TYPES.has(current.type)) continue;
    for (let index = current.children.length - 1; index >= 0; index--) stack.push(current.children[index]!);
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
