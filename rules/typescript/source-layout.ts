/**
 * The file's layout, for edits that write new lines: indentation of a node's line, the file's indentation step and
 * line break, re-indenting moved text, and whether text holds a string spanning lines (which must not be re-indented).
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { forEachChild } from "./async-context.js";

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** The leading whitespace of the line where `node` starts. */
export function indentationOf(node: Node, sourceCode: SourceCode): string {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? "";
  return /^[ \t]*/.exec(line)![0];
}

/** The file's indentation step: a tab, four spaces or two spaces, from its first indented line (two by default). */
export function indentUnit(sourceCode: SourceCode): string {
  for (const line of sourceCode.lines) {
    const match = /^([ \t]+)\S/.exec(line);
    if (match) return match[1]!.startsWith("\t") ? "\t" : match[1]!.length >= 4 && match[1]!.length % 4 === 0 ? "    " : "  ";
  }
  return "  ";
}

export function lineBreakOf(sourceCode: SourceCode): string {
  return sourceCode.text.includes("\r\n") ? "\r\n" : "\n";
}

/**
 * Moves text written at indentation `from` to indentation `to`: every line gets `to` in place of its `from` prefix
 * (the first line, given without its indentation, gets `to`); blank lines stay empty.
 */
export function reindent(text: string, from: string, to: string, eol: string): string {
  return text
    .split(/\r?\n/)
    .map((line, index) => {
      if (index === 0) return `${to}${line}`;
      if (line.trim() === "") return "";
      return line.startsWith(from) ? `${to}${line.slice(from.length)}` : `${to}${line.trimStart()}`;
    })
    .join(eol);
}

/** Whether a string or template literal under `root` spans lines: re-indenting would change its value. */
export function hasMultilineString(root: Node): boolean {
  let found = false;
  const visit = (node: Node): void => {
    if (found) return;
    if ((node.type === "TemplateLiteral" || (node.type === "Literal" && typeof node.value === "string")) && node.loc.start.line !== node.loc.end.line) {
      found = true;
      return;
    }
    forEachChild(node, visit);
  };
  visit(root);
  return found;
}
