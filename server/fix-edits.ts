/**
 * ESLint fixes → small text edits, and a short title for each.
 *
 * ESLint merges a fix made of several edits into one span: the fix for `time.sleep(1)` near the end of a file that
 * also adds `import asyncio` at the top replaces everything between the two. Sent as is, every diagnostic would
 * carry most of the file in its `data`. So a fix is split back into the edits that actually change something:
 * after trimming the common prefix and suffix, the replacement is aligned with the text it replaces by a line diff
 * (Myers) when both are of reasonable size, otherwise by anchoring on long common runs found with `indexOf` and
 * grown in both directions; each changed block is then narrowed to the characters that differ. Whatever alignment
 * is found, applying the edits yields exactly the fix's result; only their size depends on it.
 */

/** An edit as offsets into the linted text (`end` exclusive), like ESLint's `fix.range`. */
export interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface EslintFix {
  readonly range: readonly [number, number];
  readonly text: string;
}

/** Below this size (on both sides) a differing region is replaced whole. */
const SMALL_REGION = 12;
/** Recursion depth limit: at most 2^depth edits per fix. */
const MAX_DEPTH = 10;
/** How many whole lines near a region's middle are tried as anchors. */
const LINE_PROBES = 8;
/** How far an insertion may slide back to start on a line of its own. */
const MAX_SLIDE = 256;

/** Splits one ESLint fix into non-overlapping edits, in document order, that together have the same effect. */
export function splitFix(original: string, fix: EslintFix): OffsetEdit[] {
  const start = clamp(fix.range[0], 0, original.length);
  const end = clamp(fix.range[1], start, original.length);
  const edits: OffsetEdit[] = [];
  align(original, start, end, fix.text, 0, fix.text.length, 0, edits);
  let previousEnd = -1;
  return edits.map((edit) => {
    const slid = slideInsertionToLineStart(original, edit, previousEnd + 1);
    previousEnd = slid.end;
    return slid;
  });
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(Math.trunc(value), min), max) : min;
}

/** Emits the edits that turn `a[aStart, aEnd)` into `b[bStart, bEnd)`, offsets of `a` being document offsets. */
function align(a: string, aStart: number, aEnd: number, b: string, bStart: number, bEnd: number, depth: number, out: OffsetEdit[]): void {
  const prefix = commonPrefix(a, aStart, aEnd, b, bStart, bEnd);
  aStart += prefix;
  bStart += prefix;
  const suffix = commonSuffix(a, aStart, aEnd, b, bStart, bEnd);
  aEnd -= suffix;
  bEnd -= suffix;
  if (aStart === aEnd && bStart === bEnd) return;
  const aLength = aEnd - aStart;
  const bLength = bEnd - bStart;
  if (depth === 0 && aLength > SMALL_REGION && bLength > SMALL_REGION && alignLines(a, aStart, aEnd, b, bStart, bEnd, out)) return;
  const anchor =
    aLength === 0 || bLength === 0 || depth >= MAX_DEPTH || (aLength <= SMALL_REGION && bLength <= SMALL_REGION)
      ? undefined
      : findCommonRun(a, aStart, aEnd, b, bStart, bEnd);
  if (!anchor) {
    out.push({ start: aStart, end: aEnd, text: b.slice(bStart, bEnd) });
    return;
  }
  // Grow the anchor into a maximal common run, then align what lies on either side of it.
  const left = commonSuffix(a, aStart, anchor.a, b, bStart, anchor.b);
  const right = commonPrefix(a, anchor.a + anchor.length, aEnd, b, anchor.b + anchor.length, bEnd);
  align(a, aStart, anchor.a - left, b, bStart, anchor.b - left, depth + 1, out);
  align(a, anchor.a + anchor.length + right, aEnd, b, anchor.b + anchor.length + right, bEnd, depth + 1, out);
}

/** Regions with at most this many lines on each side are aligned with a line diff. */
const MAX_DIFF_LINES = 2000;
/** The line diff gives up (and anchors are used) past this many inserted and deleted lines. */
const MAX_DIFF_DISTANCE = 256;

/**
 * Aligns two regions line by line with Myers' shortest edit script, then narrows each changed block of lines to
 * the characters that differ. Returns false (and emits nothing) when the regions are too large or too different.
 */
function alignLines(a: string, aStart: number, aEnd: number, b: string, bStart: number, bEnd: number, out: OffsetEdit[]): boolean {
  const aLines = lineStarts(a, aStart, aEnd);
  const bLines = lineStarts(b, bStart, bEnd);
  if (aLines === undefined || bLines === undefined) return false;
  const ids = new Map<string, number>();
  const intern = (text: string, starts: number[], end: number): Int32Array => {
    const result = new Int32Array(starts.length);
    for (let i = 0; i < starts.length; i++) {
      const line = text.slice(starts[i], i + 1 < starts.length ? starts[i + 1] : end);
      let id = ids.get(line);
      if (id === undefined) ids.set(line, (id = ids.size));
      result[i] = id;
    }
    return result;
  };
  const hunks = diffSequences(intern(a, aLines, aEnd), intern(b, bLines, bEnd), MAX_DIFF_DISTANCE);
  if (hunks === undefined) return false;
  const aOffset = (line: number) => (line < aLines.length ? aLines[line]! : aEnd);
  const bOffset = (line: number) => (line < bLines.length ? bLines[line]! : bEnd);
  for (const [a0, a1, b0, b1] of hunks) align(a, aOffset(a0), aOffset(a1), b, bOffset(b0), bOffset(b1), 1, out);
  return true;
}

/** Offsets where the lines of `text[start, end)` begin (a line keeps its `\n`), or undefined past the limit. */
function lineStarts(text: string, start: number, end: number): number[] | undefined {
  const starts = [start];
  for (let at = text.indexOf("\n", start); at !== -1 && at + 1 < end; at = text.indexOf("\n", at + 1)) {
    if (starts.length >= MAX_DIFF_LINES) return undefined;
    starts.push(at + 1);
  }
  return starts;
}

/**
 * Myers' O((N+M)·D) shortest edit script between two sequences, as the blocks that differ:
 * `[aStart, aEnd, bStart, bEnd]`, in order. Undefined when more than `maxDistance` insertions and deletions
 * are needed.
 */
export function diffSequences(a: ArrayLike<number>, b: ArrayLike<number>, maxDistance: number): Array<[number, number, number, number]> | undefined {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(maxDistance, n + m);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  /** `trace[d]` holds `v[k]` for k in [-d-1, d+1] as it was before step d. */
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return hunksFromTrace(trace, n, m);
    }
  }
  return undefined;
}

function hunksFromTrace(trace: Int32Array[], n: number, m: number): Array<[number, number, number, number]> {
  // Walk back from the end, collecting the matched pairs of the diagonals.
  const matches: Array<[number, number]> = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const window = trace[d]!;
    const at = (k: number) => window[k + d + 1]!;
    const k = x - y;
    const previousK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const previousX = d === 0 ? 0 : at(previousK);
    const previousY = d === 0 ? 0 : previousX - previousK;
    while (x > previousX && y > previousY) {
      x -= 1;
      y -= 1;
      matches.push([x, y]);
    }
    x = previousX;
    y = previousY;
  }
  matches.reverse();
  const hunks: Array<[number, number, number, number]> = [];
  let nextA = 0;
  let nextB = 0;
  for (const [matchA, matchB] of matches) {
    if (matchA > nextA || matchB > nextB) hunks.push([nextA, matchA, nextB, matchB]);
    nextA = matchA + 1;
    nextB = matchB + 1;
  }
  if (nextA < n || nextB < m) hunks.push([nextA, n, nextB, m]);
  return hunks;
}

interface Anchor {
  readonly a: number;
  readonly b: number;
  readonly length: number;
}

/**
 * A run of text common to `a[aStart, aEnd)` and `b[bStart, bEnd)`, found from probes of `a`: first whole lines near
 * the middle of the region (code lines are distinctive, and anchoring on them keeps edits line-shaped), then
 * fixed-size probes. A probe found where it would be if only the text before it or only the text after it changed
 * is taken at once (the usual case, and cheap in huge regions). Otherwise every nearby occurrence is grown into a
 * maximal common run and the longest wins, so that repetitive code is not aligned with the wrong copy.
 */
function findCommonRun(a: string, aStart: number, aEnd: number, b: string, bStart: number, bEnd: number): Anchor | undefined {
  const candidates: Anchor[] = [];
  const probes: Array<[number, number]> = linesNearMiddle(a, aStart, aEnd).map(([lineStart, lineEnd]) => [lineStart, lineEnd - lineStart]);
  const length = Math.min(aEnd - aStart, bEnd - bStart) >= 64 ? 24 : 8;
  if (aEnd - aStart >= length && bEnd - bStart >= length) {
    for (const fraction of [0.5, 0.25, 0.75]) {
      let at = aStart + Math.floor((aEnd - aStart - length) * fraction);
      // Never start a probe on the second half of a surrogate pair.
      if (at > aStart && isLowSurrogate(a.charCodeAt(at))) at -= 1;
      probes.push([at, length]);
    }
  }
  for (const [at, probeLength] of probes) {
    const probe = a.slice(at, at + probeLength);
    const sameDistanceFromEnd = bEnd - (aEnd - at);
    const sameDistanceFromStart = bStart + (at - aStart);
    const fits = (candidate: number): boolean => candidate >= bStart && candidate + probeLength <= bEnd;
    for (const expected of [sameDistanceFromEnd, sameDistanceFromStart]) {
      if (fits(expected) && b.startsWith(probe, expected)) return { a: at, b: expected, length: probeLength };
    }
    for (const expected of [sameDistanceFromEnd, sameDistanceFromStart]) {
      const from = Math.min(Math.max(expected, bStart), bEnd);
      for (const found of [b.indexOf(probe, from), b.lastIndexOf(probe, from)]) {
        if (found !== -1 && fits(found)) candidates.push({ a: at, b: found, length: probeLength });
      }
    }
  }
  let best: Anchor | undefined;
  for (const candidate of candidates) {
    const left = commonSuffix(a, aStart, candidate.a, b, bStart, candidate.b);
    const right = commonPrefix(a, candidate.a + candidate.length, aEnd, b, candidate.b + candidate.length, bEnd);
    const grown = { a: candidate.a - left, b: candidate.b - left, length: left + candidate.length + right };
    if (!best || grown.length > best.length) best = grown;
  }
  return best;
}

/** Whole lines (with their `\n`) inside `a[start, end)`, nearest to the middle first, skipping near-blank ones. */
function linesNearMiddle(a: string, start: number, end: number): Array<[number, number]> {
  const middle = start + Math.floor((end - start) / 2);
  const lineStartAt = (offset: number): number => (offset <= 0 ? 0 : a.lastIndexOf("\n", offset - 1) + 1);
  const isDistinctive = (lineStart: number, lineEnd: number): boolean => a.slice(lineStart, lineEnd).trim().length >= 3;
  const middleLineStart = lineStartAt(middle);
  const firstForward = middleLineStart >= start ? middleLineStart : a.indexOf("\n", middle) + 1;

  const forward: Array<[number, number]> = [];
  for (let lineStart = firstForward, seen = 0; lineStart > 0 || start === 0; seen++) {
    if (forward.length >= LINE_PROBES || seen >= LINE_PROBES * 4) break;
    const newline = a.indexOf("\n", lineStart);
    if (newline === -1 || newline >= end) break;
    if (isDistinctive(lineStart, newline)) forward.push([lineStart, newline + 1]);
    lineStart = newline + 1;
  }
  const backward: Array<[number, number]> = [];
  for (let lineEnd = Math.min(firstForward, middleLineStart), seen = 0; lineEnd > start; seen++) {
    if (backward.length >= LINE_PROBES || seen >= LINE_PROBES * 4) break;
    const lineStart = lineStartAt(lineEnd - 1);
    if (lineStart < start || lineStart >= lineEnd) break;
    if (lineEnd <= end && isDistinctive(lineStart, lineEnd - 1)) backward.push([lineStart, lineEnd]);
    lineEnd = lineStart;
  }
  const lines: Array<[number, number]> = [];
  for (let i = 0; lines.length < LINE_PROBES && (i < forward.length || i < backward.length); i++) {
    if (i < forward.length) lines.push(forward[i]!);
    if (i < backward.length && lines.length < LINE_PROBES) lines.push(backward[i]!);
  }
  return lines;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function equalRange(a: string, aAt: number, b: string, bAt: number, length: number): boolean {
  if (length <= 16) {
    for (let i = 0; i < length; i++) if (a.charCodeAt(aAt + i) !== b.charCodeAt(bAt + i)) return false;
    return true;
  }
  return a.slice(aAt, aAt + length) === b.slice(bAt, bAt + length);
}

/** Length of the common prefix of two ranges, compared in growing blocks; never ends inside a surrogate pair. */
export function commonPrefix(a: string, aStart: number, aEnd: number, b: string, bStart: number, bEnd: number): number {
  const max = Math.min(aEnd - aStart, bEnd - bStart);
  let n = 0;
  let step = 16;
  while (n < max) {
    const length = Math.min(step, max - n);
    if (equalRange(a, aStart + n, b, bStart + n, length)) {
      n += length;
      step = Math.min(step * 2, 1 << 16);
    } else if (length <= 16) {
      while (a.charCodeAt(aStart + n) === b.charCodeAt(bStart + n)) n += 1;
      break;
    } else {
      step = length >> 1;
    }
  }
  if (n > 0 && n < max && isHighSurrogate(a.charCodeAt(aStart + n - 1))) n -= 1;
  return n;
}

/** Length of the common suffix of two ranges; never starts inside a surrogate pair. */
export function commonSuffix(a: string, aStart: number, aEnd: number, b: string, bStart: number, bEnd: number): number {
  const max = Math.min(aEnd - aStart, bEnd - bStart);
  let n = 0;
  let step = 16;
  while (n < max) {
    const length = Math.min(step, max - n);
    if (equalRange(a, aEnd - n - length, b, bEnd - n - length, length)) {
      n += length;
      step = Math.min(step * 2, 1 << 16);
    } else if (length <= 16) {
      while (a.charCodeAt(aEnd - n - 1) === b.charCodeAt(bEnd - n - 1)) n += 1;
      break;
    } else {
      step = length >> 1;
    }
  }
  if (n > 0 && n < max && isLowSurrogate(a.charCodeAt(aEnd - n))) n -= 1;
  return n;
}

/**
 * An insertion found in the middle of a line (`import ` + `asyncio\nimport ` + `time`) is moved back to where it
 * starts a line of its own (`import asyncio\n` + `import time`), when the text before it allows that.
 */
function slideInsertionToLineStart(original: string, edit: OffsetEdit, lowest: number): OffsetEdit {
  if (edit.start !== edit.end || edit.text === "") return edit;
  const atLineStart = (offset: number): boolean => offset === 0 || original.charCodeAt(offset - 1) === 10;
  if (atLineStart(edit.start) && edit.text.endsWith("\n")) return edit;
  let text = edit.text;
  let at = edit.start;
  for (let moved = 0; moved < MAX_SLIDE && at > Math.max(lowest, 0) && original[at - 1] === text[text.length - 1]; moved++) {
    text = original[at - 1]! + text.slice(0, -1);
    at -= 1;
    if (atLineStart(at) && text.endsWith("\n")) return { start: at, end: at, text };
  }
  return edit;
}

/** The whole document after applying non-overlapping edits given in document order. */
export function applyOffsetEdits(original: string, edits: readonly OffsetEdit[]): string {
  let result = "";
  let at = 0;
  for (const edit of edits) {
    result += original.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return result + original.slice(at);
}

const TITLE_LENGTH = 60;

/** One line, at most ~60 characters: the first non-blank line, whitespace collapsed, with `…` when cut. */
export function shortText(text: string, maxLength = TITLE_LENGTH): string {
  const lines = text.split(/\r\n|[\r\n\u2028\u2029]/u).map((line) => line.replace(/\s+/gu, " ").trim());
  const first = lines.find((line) => line !== "") ?? "";
  const more = lines.filter((line) => line !== "").length > 1;
  const clean = first.replace(/[\u0000-\u001f\u007f]/gu, "\uFFFD");
  const characters = Array.from(clean);
  if (characters.length > maxLength) return `${characters.slice(0, maxLength - 1).join("")}…`;
  return more ? `${clean} …` : clean;
}

/**
 * A short title for a fix, from what it does to the reported code: `Fix: replace with 'await asyncio.sleep(1)'`,
 * `Fix: remove 'x'`, or, when no edit touches the reported range, what the nearest edit does (`Fix: insert '…'`).
 */
export function describeFix(original: string, edits: readonly OffsetEdit[], reported: { start: number; end: number }): string {
  if (edits.length === 0) return "Fix: no change";
  const touching = edits.filter(
    (edit) => (edit.start < reported.end && edit.end > reported.start) || (edit.start >= reported.start && edit.end <= reported.end),
  );
  if (touching.length > 0) {
    const from = Math.min(reported.start, touching[0]!.start);
    const to = Math.max(reported.end, touching.at(-1)!.end);
    let after = "";
    let at = from;
    for (const edit of touching) {
      after += original.slice(at, edit.start) + edit.text;
      at = edit.end;
    }
    after += original.slice(at, to);
    const before = original.slice(from, to);
    if (shortText(after) === "") return `Fix: remove '${shortText(before)}'`;
    return `Fix: replace with '${shortText(after)}'`;
  }
  const nearest = [...edits].sort((x, y) => distance(x, reported) - distance(y, reported))[0]!;
  const removed = original.slice(nearest.start, nearest.end);
  if (shortText(nearest.text) === "") return `Fix: remove '${shortText(removed)}'`;
  if (nearest.start === nearest.end) return `Fix: insert '${shortText(nearest.text)}'`;
  return `Fix: replace '${shortText(removed, 24)}' with '${shortText(nearest.text, 32)}'`;
}

function distance(edit: OffsetEdit, range: { start: number; end: number }): number {
  if (edit.end < range.start) return range.start - edit.end;
  if (edit.start > range.end) return edit.start - range.end;
  return 0;
}
