/** Line and indentation arithmetic for fixes that add or move whole statements. */
import type { PyNode } from "./parser.js";
import { descendants } from "./walk.js";

export function lineStartOffset(text: string, offset: number): number {
  let index = offset;
  while (index > 0 && text[index - 1] !== "\n" && text[index - 1] !== "\r") index--;
  return index;
}

/** The offset of the line break ending the line that contains `offset` (or the end of the text). */
export function lineEndOffset(text: string, offset: number): number {
  let index = offset;
  while (index < text.length && text[index] !== "\n" && text[index] !== "\r") index++;
  return index;
}

/** The offset just after the line break ending the line that contains `offset`. */
export function nextLineOffset(text: string, offset: number): number {
  const end = lineEndOffset(text, offset);
  if (text.startsWith("\r\n", end)) return end + 2;
  return end < text.length ? end + 1 : end;
}

/** The whitespace before the first token on the line that contains `offset`. */
export function indentationAt(text: string, offset: number): string {
  const start = lineStartOffset(text, offset);
  return /^[ \t\f]*/u.exec(text.slice(start, offset))![0];
}

/** Whether `node` is the first thing on its line. */
export function startsLine(text: string, node: PyNode): boolean {
  return /^[ \t\f]*$/u.test(text.slice(lineStartOffset(text, node.start), node.start));
}

/** Whether nothing but whitespace or a comment follows `node` on its last line. */
export function endsLine(text: string, node: PyNode): boolean {
  return /^[ \t\f]*(?:#.*)?$/u.test(text.slice(node.end, lineEndOffset(text, node.end)));
}

/** One more level of indentation in the style of `indentation`: a tab where tabs are used, else four spaces. */
export function indentUnit(indentation: string): string {
  return indentation.includes("\t") ? "\t" : "    ";
}

export function lineBreakOf(text: string): string {
  return text.includes("\r\n") ? "\r\n" : text.includes("\r") && !text.includes("\n") ? "\r" : "\n";
}

/**
 * The text of the whole lines from `from` (a line start) to `to`, one level deeper: `unit` is added after the
 * block's `indentation` (or in front of lines that lack it), except on blank lines and on lines that continue a
 * multi-line string among `nodes` (indenting those would change the string).
 */
export function indentLines(text: string, from: number, to: number, indentation: string, unit: string, nodes: readonly PyNode[]): string {
  const insideStrings: [number, number][] = [];
  for (const node of nodes) {
    for (const child of [node, ...descendants(node)]) {
      if (child.type === "string" && child.loc.start.line !== child.loc.end.line) insideStrings.push(child.range);
    }
  }
  let result = "";
  let offset = from;
  while (offset < to) {
    const next = Math.min(nextLineOffset(text, offset), to);
    const line = text.slice(offset, next);
    const inString = insideStrings.some(([start, end]) => start < offset && offset < end);
    if (/^[ \t\f]*(?:\r\n|\r|\n)?$/u.test(line) || inString) result += line;
    else if (line.startsWith(indentation)) result += indentation + unit + line.slice(indentation.length);
    else result += unit + line;
    offset = next;
  }
  return result;
}
