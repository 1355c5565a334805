/**
 * Where a name (or a keyword) is spelled inside a subtree: "is `x` read after this line?" is asked for every
 * `x = f()`, and call sites are searched by name. An identifier is a token, so each one is a place where its text
 * occurs in the source: the text is searched with `indexOf` (native, and most questions look only at a function's
 * text, or only after a statement), and each hit is checked against the tree by descending to the node there. A hit
 * in a comment, a string or a longer name lands on no identifier of exactly that range and is skipped. This needs no
 * per-file index: building one for every file cost more than all the questions it answered.
 */
import type { PyNode } from "./parser.js";

/**
 * The innermost node under `root` that spans [start, end), found by binary search among each level's children (in
 * source order, not overlapping): at each level, the last child starting at or before `start`.
 */
function nodeSpanning(root: PyNode, start: number, end: number): PyNode {
  let node = root;
  for (;;) {
    const children = node.children;
    let low = 0;
    let high = children.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (children[mid]!.start <= start) low = mid + 1;
      else high = mid;
    }
    const child = children[low - 1];
    if (!child || child.end < end) return node;
    node = child;
  }
}

/**
 * The offsets in [from, to) where `word` begins, in order, until `visit` returns true. The text is searched as a slice
 * of it: `indexOf` from an offset runs on to the end of the text when the word is not there, and most searches are
 * of one function in a long file.
 */
function someOffset(source: string, word: string, from: number, to: number, visit: (at: number) => boolean): boolean {
  if (word.length === 0 || to - from < word.length) return false;
  const within = source.slice(from, to);
  for (let at = within.indexOf(word); at !== -1; at = within.indexOf(word, at + 1)) if (visit(from + at)) return true;
  return false;
}

/**
 * Calls `visit` with every identifier spelled `name` inside `root` (itself and nested scopes included) that lies
 * within [from, to), in source order, until `visit` returns true. Returns whether one did.
 */
export function someOccurrence(
  root: PyNode,
  name: string,
  source: string,
  visit: (identifier: PyNode) => boolean,
  from = root.start,
  to = root.end,
): boolean {
  return someIdentifier(root, name, source, from, to, undefined, visit);
}

/**
 * Like `someOccurrence` over all of `root`, but descends to a hit only where `worthALook(end)` says that the text after
 * it (from `end`) can make it interesting: a look at the text costs far less than the descent.
 */
export function someOccurrenceWhere(
  root: PyNode,
  name: string,
  source: string,
  worthALook: (end: number) => boolean,
  visit: (identifier: PyNode) => boolean,
): boolean {
  return someIdentifier(root, name, source, root.start, root.end, worthALook, visit);
}

function someIdentifier(
  root: PyNode,
  name: string,
  source: string,
  from: number,
  to: number,
  worthALook: ((end: number) => boolean) | undefined,
  visit: (identifier: PyNode) => boolean,
): boolean {
  return someOffset(source, name, from, to, (at) => {
    const end = at + name.length;
    if (worthALook && !worthALook(end)) return false;
    const node = nodeSpanning(root, at, end);
    return node.type === "identifier" && node.start === at && node.end === end && visit(node);
  });
}

/**
 * Calls `visit` with every node of `type` inside `root` that begins with the keyword `keyword` (`yield`, `return`:
 * the token that starts the node it makes), in source order, until `visit` returns true. Returns whether one did.
 */
export function someKeywordNode(root: PyNode, keyword: string, type: string, source: string, visit: (node: PyNode) => boolean): boolean {
  return someOffset(source, keyword, root.start, root.end, (at) => {
    const node = nodeSpanning(root, at, at + keyword.length);
    return node.type === type && node.start === at && visit(node);
  });
}

/** Every identifier spelled `name` inside `root` (`root` itself included, nested scopes too), in source order. */
export function occurrencesOf(root: PyNode, name: string, source: string): PyNode[] {
  const found: PyNode[] = [];
  someOccurrence(root, name, source, (identifier) => {
    found.push(identifier);
    return false;
  });
  return found;
}
