/**
 * Reading plain Python nodes: children by field, source text, parentheses, dotted names and method calls. No
 * knowledge of scopes or libraries here: this is the vocabulary every other module speaks.
 */
import type { PyNode } from "./parser.js";

export function childByField(node: PyNode, field: string): PyNode | undefined {
  return node.children.find((child) => child.field === field);
}

export function childrenByField(node: PyNode, field: string): PyNode[] {
  return node.children.filter((child) => child.field === field);
}

/** The source text of a node. */
export function textOf(node: PyNode, source: string): string {
  return source.slice(node.range[0], node.range[1]);
}

/** The source text of a node with all whitespace removed: `asyncio . sleep` → `asyncio.sleep`. */
export function compactTextOf(node: PyNode, source: string): string {
  return textOf(node, source).replace(/\s+/gu, "");
}

/** The module node a node belongs to. */
export function rootOf(node: PyNode): PyNode {
  let current = node;
  while (current.parent) current = current.parent;
  return current;
}

/** The expression inside any number of parentheses: `((x))` → `x`. */
export function unparenthesized(node: PyNode): PyNode {
  let current = node;
  while (current.type === "parenthesized_expression" && current.children.length === 1) current = current.children[0]!;
  return current;
}

/** The expression as it stands in its parent: the node itself, or the outermost parentheses around it. */
export function outermostParentheses(node: PyNode): PyNode {
  let current = node;
  while (current.parent?.type === "parenthesized_expression" && current.parent.children.length === 1) current = current.parent;
  return current;
}

/**
 * A dotted name split into its base and the attribute names after it: `a.b.c` → `{ base: a, parts: ["b", "c"] }`,
 * `x` → `{ base: x, parts: [] }`. The base is whatever the chain starts with (an identifier, a call, …); undefined
 * when an attribute node is incomplete.
 */
export function dottedPartsOf(expression: PyNode, source: string): { base: PyNode; parts: string[] } | undefined {
  const parts: string[] = [];
  let base = expression;
  while (base.type === "attribute") {
    const attribute = childByField(base, "attribute");
    const object = childByField(base, "object");
    if (!attribute || !object) return undefined;
    parts.unshift(textOf(attribute, source));
    base = object;
  }
  return { base, parts };
}

/** `receiver.method(...)` → its receiver expression and method name; undefined for any other call. */
export function methodCallOf(node: PyNode, source: string): { receiver: PyNode; method: string } | undefined {
  if (node.type !== "call") return undefined;
  const callee = childByField(node, "function");
  if (callee?.type !== "attribute") return undefined;
  const receiver = childByField(callee, "object");
  const attribute = childByField(callee, "attribute");
  return receiver && attribute ? { receiver, method: textOf(attribute, source) } : undefined;
}
