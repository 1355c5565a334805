/**
 * Reading plain Python nodes: children by field, source text, parentheses, dotted names and method calls. No
 * knowledge of scopes or libraries here: this is the vocabulary every other module speaks.
 */
import type { PyNode } from "./parser.js";

// Plain loops: these run for nearly every node every rule looks at, and a callback would be allocated per call.
export function childByField(node: PyNode, field: string): PyNode | undefined {
  const { children } = node;
  for (let index = 0; index < children.length; index++) if (children[index]!.field === field) return children[index];
  return undefined;
}

export function childrenByField(node: PyNode, field: string): PyNode[] {
  const found: PyNode[] = [];
  for (const child of node.children) if (child.field === field) found.push(child);
  return found;
}

/** The source text of a node. */
export function textOf(node: PyNode, source: string): string {
  return source.slice(node.start, node.end);
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
    parts.push(textOf(attribute, source));
    base = object;
  }
  return { base, parts: parts.reverse() };
}

/**
 * The base of a dotted name (`a` in `a.b.c`, or `x` itself), without building its parts: name resolution asks this for
 * every call and usually stops at the base. Undefined when an attribute node is incomplete.
 */
export function dottedBaseOf(expression: PyNode): PyNode | undefined {
  let base = expression;
  while (base.type === "attribute") {
    const object = childByField(base, "object");
    if (!object || !childByField(base, "attribute")) return undefined;
    base = object;
  }
  return base;
}

/** The attribute names after the base of a complete dotted name, joined: `a.b.c` → `b.c` (see `dottedBaseOf`). */
export function attributePathOf(expression: PyNode, source: string): string {
  let path = "";
  for (let node = expression; node.type === "attribute"; node = childByField(node, "object")!) {
    const name = textOf(childByField(node, "attribute")!, source);
    path = path === "" ? name : `${name}.${path}`;
  }
  return path;
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
