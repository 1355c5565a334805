/**
 * Where a suppression comment can go, per language, without changing what the code means. Plain text scans, no
 * parser: Python strings (incl. triple-quoted ones spanning lines) and comments, and the leading comments of a file.
 */

export interface PythonLineEnd {
  /** The line ends inside a string (a triple-quoted one that goes on): no comment can be added there. */
  readonly inString: boolean;
  /** The line ends with a backslash continuation: a comment after it would be a syntax error. */
  readonly continued: boolean;
  /** Offset in the line of the `#` starting its comment, if the line has one. */
  readonly commentStart: number | undefined;
}

/** What the end of `line` (0-based) looks like to Python's tokenizer. */
export function pythonLineEnd(text: string, line: number): PythonLineEnd {
  let row = 0;
  let lineStart = 0;
  let quote = ""; // the open string's delimiter: ', ", ''' or """
  let commentStart: number | undefined;
  let i = 0;
  const length = text.length;
  const result = (end: number): PythonLineEnd => {
    const content = text.slice(lineStart, end);
    return { inString: quote !== "", continued: quote === "" && commentStart === undefined && content.endsWith("\\"), commentStart };
  };
  /** Moves past the line break at `i`; the string state carries over. */
  const nextLine = (): void => {
    i += text[i] === "\r" && text[i + 1] === "\n" ? 2 : 1;
    row += 1;
    lineStart = i;
    commentStart = undefined;
  };
  while (i < length) {
    const ch = text[i]!;
    if (ch === "\n" || ch === "\r") {
      if (row === line) return result(i);
      if (quote.length === 1) quote = ""; // an unterminated single-quoted string ends with its line
      nextLine();
      continue;
    }
    if (commentStart !== undefined) {
      i += 1;
    } else if (quote !== "") {
      if (ch === "\\") {
        i += 1;
        const next = text[i];
        if (next === "\n" || next === "\r") {
          // An escaped line break: the string goes on past the end of this line.
          if (row === line) return { inString: true, continued: false, commentStart: undefined };
          nextLine();
        } else {
          i += 1;
        }
      } else if (text.startsWith(quote, i)) {
        i += quote.length;
        quote = "";
      } else {
        i += 1;
      }
    } else if (ch === "#") {
      commentStart = i - lineStart;
      i += 1;
    } else if (ch === '"' || ch === "'") {
      quote = text.startsWith(ch.repeat(3), i) ? ch.repeat(3) : ch;
      i += quote.length;
    } else {
      i += 1;
    }
  }
  return row === line ? result(length) : { inString: false, continued: false, commentStart: undefined };
}

/** The 0-based line before which a file-level Python directive goes: after a shebang and an encoding declaration. */
export function pythonHeaderEnd(lines: readonly string[]): number {
  let at = 0;
  if (lines[0]?.startsWith("#!")) at = 1;
  // PEP 263: the encoding declaration must be on the first or second line.
  for (let index = at; index < Math.min(lines.length, 2); index++) {
    if (/^[ \t\f]*#.*?coding[:=][ \t]*[-\w.]+/u.test(lines[index]!)) at = index + 1;
    else break;
  }
  return at;
}

/** The leading comment-only lines of a Python file (blank lines included), as 0-based line numbers. */
export function pythonLeadingCommentLines(lines: readonly string[]): number[] {
  const result: number[] = [];
  for (let index = 0; index < lines.length; index++) {
    const trimmed = lines[index]!.trim();
    if (trimmed === "" || trimmed.startsWith("#")) result.push(index);
    else break;
  }
  return result;
}

export interface LeadingComment {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly block: boolean;
}

/** The comments before the first token of a JS/TS file (after a shebang), with their offsets. */
export function jsLeadingComments(text: string): LeadingComment[] {
  const comments: LeadingComment[] = [];
  let i = 0;
  if (text.startsWith("#!")) {
    const newline = text.indexOf("\n");
    i = newline === -1 ? text.length : newline + 1;
  }
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/u.test(ch)) {
      i += 1;
    } else if (text.startsWith("//", i)) {
      let end = text.indexOf("\n", i);
      if (end === -1) end = text.length;
      const lineEnd = text[end - 1] === "\r" ? end - 1 : end;
      comments.push({ start: i, end: lineEnd, text: text.slice(i, lineEnd), block: false });
      i = end;
    } else if (text.startsWith("/*", i)) {
      const close = text.indexOf("*/", i + 2);
      const end = close === -1 ? text.length : close + 2;
      comments.push({ start: i, end, text: text.slice(i, end), block: true });
      i = end;
    } else {
      break;
    }
  }
  return comments;
}

/** Offset right after a shebang line (0 without one): where a file-level JS/TS directive goes. */
export function jsHeaderEnd(text: string): number {
  if (!text.startsWith("#!")) return 0;
  const newline = text.indexOf("\n");
  return newline === -1 ? text.length : newline + 1;
}
