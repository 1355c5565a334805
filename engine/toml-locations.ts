/**
 * Where a key is written in a TOML document, so that a problem in `[tool.async-pitfalls]` is reported at its line
 * and column. smol-toml parses the document (and locates syntax errors); this scan only finds keys again: table
 * headers (`[tool.async-pitfalls.rules]`), plain and dotted keys (`rules.no-blocking-call = ...`) and keys of
 * one-line inline tables (`rules = { no-blocking-call = "error" }`). When the exact key cannot be found, the nearest
 * enclosing key that can is returned.
 */
import type { KeyPath, SourceLocation } from "./config-error.js";

interface KeyPart {
  readonly name: string;
  /** 0-based index in the line. */
  readonly start: number;
  readonly length: number;
}

const BARE_KEY = /[A-Za-z0-9_-]+/uy;

/** Reads a (dotted) key starting at `index`: bare, "basic" or 'literal' parts separated by dots. */
function readKey(line: string, index: number): { parts: KeyPart[]; end: number } | undefined {
  const parts: KeyPart[] = [];
  let position = index;
  for (;;) {
    while (line[position] === " " || line[position] === "\t") position++;
    const char = line[position];
    if (char === '"' || char === "'") {
      let close = position + 1;
      while (close < line.length && line[close] !== char) close += char === '"' && line[close] === "\\" ? 2 : 1;
      if (close >= line.length) return undefined;
      const raw = line.slice(position, close + 1);
      let name = raw.slice(1, -1);
      if (char === '"') {
        try {
          name = JSON.parse(raw) as string;
        } catch {
          // keep the raw text
        }
      }
      parts.push({ name, start: position, length: raw.length });
      position = close + 1;
    } else {
      BARE_KEY.lastIndex = position;
      const match = BARE_KEY.exec(line);
      if (!match) return undefined;
      parts.push({ name: match[0], start: position, length: match[0].length });
      position += match[0].length;
    }
    while (line[position] === " " || line[position] === "\t") position++;
    if (line[position] !== ".") return { parts, end: position };
    position++;
  }
}

function startsWith(path: KeyPath, prefix: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((name, index) => path[index] === name);
}

export function locateTomlKey(text: string, target: KeyPath): SourceLocation | undefined {
  const lines = text.split("\n");
  let table: string[] = [];
  let best: { depth: number; location: SourceLocation } | undefined;
  let openString: string | undefined;

  const consider = (depth: number, lineIndex: number, part: KeyPart): void => {
    if (!best || depth > best.depth) best = { depth, location: { line: lineIndex + 1, column: part.start + 1, length: part.length } };
  };

  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const line = lines[lineIndex]!.replace(/\r$/u, "");
    if (openString !== undefined) {
      if (line.includes(openString)) openString = undefined;
      continue;
    }
    const first = line.search(/\S/u);
    if (first < 0 || line[first] === "#") continue;
    if (line[first] === "[") {
      const arrayTable = line[first + 1] === "[";
      const key = readKey(line, first + (arrayTable ? 2 : 1));
      if (!key) continue;
      table = key.parts.map((part) => part.name);
      key.parts.forEach((part, index) => {
        if (startsWith(target, table.slice(0, index + 1))) consider(index + 1, lineIndex, part);
      });
      continue;
    }
    const key = readKey(line, first);
    if (!key || line[key.end] !== "=") continue;
    const full = [...table];
    for (const part of key.parts) {
      full.push(part.name);
      if (startsWith(target, full)) consider(full.length, lineIndex, part);
    }
    const rest = line.slice(key.end + 1);
    for (const delimiter of ['"""', "'''"]) {
      if (rest.split(delimiter).length % 2 === 0) openString = delimiter;
    }
    // Keys of an inline table on the same line: `rules = { no-blocking-call = "error" }`, `x = ["warn", { max = 5 }]`.
    if (startsWith(target, full) && target.length > full.length) {
      let from = key.end + 1;
      for (let depth = full.length; depth < target.length; depth++) {
        const name = target[depth];
        if (typeof name !== "string") continue; // an array element: look for the key inside it
        const escaped = name.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
        const pattern = new RegExp(`[{,]\\s*(${escaped}|"${escaped}"|'${escaped}')\\s*=`, "gu");
        pattern.lastIndex = from;
        const match = pattern.exec(line);
        if (!match) break;
        const start = match.index + match[0].indexOf(match[1]!);
        consider(depth + 1, lineIndex, { name, start, length: match[1]!.length });
        from = start + match[1]!.length;
      }
    }
  }
  return best?.location;
}
