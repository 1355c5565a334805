/** Everything the rules can see of a parse, as plain data, for comparing two parses. */
import type { ParsedPython, PyNode } from "../../../rules/python/parser.js";

export function dumpParse(parsed: ParsedPython): unknown {
  const nodes: unknown[] = [];
  const visit = (node: PyNode, depth: number): void => {
    nodes.push([depth, node.type, node.range, node.field, node.isAsync ?? false, node.op ?? null, node.loc.start, node.loc.end]);
    for (const child of node.children) visit(child, depth + 1);
  };
  visit(parsed.root, 0);
  return { nodes, comments: parsed.comments.map((c) => [c.value, c.range]), problem: parsed.syntaxProblem };
}
