/**
 * A strict JSON parser that also remembers where each key is, so that a problem in `async-pitfalls.json` can be
 * reported at its line and column. Syntax errors say what was expected; comments, trailing commas and duplicate
 * keys are reported rather than silently accepted.
 */
import type { KeyPath, SourceLocation } from "./config-error.js";

export interface LocatedValue {
  readonly value: unknown;
  /** Where the key at `path` is written (for array elements and the root: the value), if it exists. */
  locate(path: KeyPath): SourceLocation | undefined;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly location: SourceLocation,
  ) {
    super(message);
  }
}

export function parseJsonWithLocations(source: string): LocatedValue {
  const text = source.startsWith("\uFEFF") ? source.slice(1) : source;
  const lineStarts = [0];
  for (let index = 0; index < text.length; index++) if (text[index] === "\n") lineStarts.push(index + 1);
  const locations = new Map<string, SourceLocation>();
  let offset = 0;

  const at = (position: number, length?: number): SourceLocation => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= position) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: position - lineStarts[low]! + 1, ...(length === undefined ? {} : { length }) };
  };
  const fail = (message: string, position = offset): never => {
    throw new JsonSyntaxError(message, at(position, 1));
  };
  const describe = (position: number): string => {
    if (position >= text.length) return "the end of the file";
    const char = text[position]!;
    return char === "\n" || char === "\r" ? "a line break" : `'${char}'`;
  };

  const skipSpace = (): void => {
    for (;;) {
      const char = text[offset];
      if (char === " " || char === "\t" || char === "\n" || char === "\r") offset++;
      else if (char === "/" && (text[offset + 1] === "/" || text[offset + 1] === "*")) fail("comments are not allowed in JSON");
      else return;
    }
  };

  const parseString = (): { value: string; start: number; end: number } => {
    const start = offset;
    offset++; // the opening quote
    for (;;) {
      if (offset >= text.length) fail("unterminated string", start);
      const char = text[offset]!;
      if (char === '"') break;
      if (char === "\\") offset += 2;
      else if (char < " ") fail("line breaks and control characters must be escaped inside strings");
      else offset++;
    }
    offset++; // the closing quote
    let value: string;
    try {
      value = JSON.parse(text.slice(start, offset)) as string;
    } catch {
      return fail("invalid escape sequence in string", start);
    }
    return { value, start, end: offset };
  };

  const record = (path: KeyPath, location: SourceLocation): void => {
    locations.set(JSON.stringify(path), location);
  };

  const parseValue = (path: KeyPath): unknown => {
    skipSpace();
    const start = offset;
    const char = text[offset];
    if (char === "{") {
      offset++;
      const object: Record<string, unknown> = {};
      const seen = new Set<string>();
      skipSpace();
      if (text[offset] === "}") {
        offset++;
        return object;
      }
      for (;;) {
        skipSpace();
        if (text[offset] !== '"') fail(text[offset] === "}" ? "trailing commas are not allowed in JSON" : `expected a quoted key, found ${describe(offset)}`);
        const key = parseString();
        const keyPath = [...path, key.value];
        if (seen.has(key.value)) fail(`"${key.value}" appears twice in the same object`, key.start);
        seen.add(key.value);
        record(keyPath, at(key.start, key.end - key.start));
        skipSpace();
        if (text[offset] !== ":") fail(`expected ':' after the key "${key.value}", found ${describe(offset)}`);
        offset++;
        Object.defineProperty(object, key.value, { value: parseValue(keyPath), enumerable: true, writable: true, configurable: true });
        skipSpace();
        if (text[offset] === ",") {
          offset++;
          continue;
        }
        if (text[offset] === "}") {
          offset++;
          return object;
        }
        fail(`expected ',' or '}' after a value, found ${describe(offset)}`);
      }
    }
    if (char === "[") {
      offset++;
      const array: unknown[] = [];
      skipSpace();
      if (text[offset] === "]") {
        offset++;
        return array;
      }
      for (;;) {
        skipSpace();
        if (text[offset] === "]") fail("trailing commas are not allowed in JSON");
        const elementPath = [...path, array.length];
        const elementStart = offset;
        const element = parseValue(elementPath);
        record(elementPath, at(elementStart, offset - elementStart));
        array.push(element);
        skipSpace();
        if (text[offset] === ",") {
          offset++;
          continue;
        }
        if (text[offset] === "]") {
          offset++;
          return array;
        }
        fail(`expected ',' or ']' after a value, found ${describe(offset)}`);
      }
    }
    if (char === '"') return parseString().value;
    const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/uy;
    number.lastIndex = offset;
    const numberMatch = number.exec(text);
    if (numberMatch) {
      offset += numberMatch[0].length;
      return Number(numberMatch[0]);
    }
    for (const [word, value] of [["true", true], ["false", false], ["null", null]] as const) {
      if (text.startsWith(word, offset)) {
        offset += word.length;
        return value;
      }
    }
    if (char === "'") fail("strings must use double quotes in JSON");
    return fail(`expected a value, found ${describe(start)}`, start);
  };

  const value = parseValue([]);
  record([], at(0, 1));
  skipSpace();
  if (offset < text.length) fail(`unexpected ${describe(offset)} after the end of the JSON value`);
  return {
    value,
    locate: (path) => locations.get(JSON.stringify(path)),
  };
}
