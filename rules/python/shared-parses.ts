/**
 * One parse per text in a lint run, shared between the lint and the project index, which both need most project
 * modules (the index reaches a module through an import, the lint when it comes to that file):
 * - a module the index parses before the lint comes to it leaves its parse here for the lint to take;
 * - a module linted before the index needs it leaves its summary here, with its text, for the index to reuse.
 * Both are keyed by absolute path and used only when the text is the same, so a stale entry is never believed.
 */
import type { ModuleSummary } from "./module-summary.js";
import type { ParsedPython } from "./parser.js";

/**
 * Parses waiting for the lint hold at most this many characters of source (their trees take ~40 bytes per
 * character). On the bench corpus, 1 MB keeps every waiting parse until its file is linted.
 */
const MAX_WAITING_CHARS = 1_000_000;

type Waiting = { readonly text: string; readonly parsed: ParsedPython };
const waiting = new Map<string, Waiting>();
let waitingChars = 0;
/**
 * Linted texts are kept as they are while they fit in MAX_KEPT_CHARS (comparing two equal texts is far cheaper than
 * digesting them); past that, by their length and a 64-bit digest, so that a run over a large code base does not keep
 * all of its source in memory. (A cryptographic hash was tried: it converts each text to a buffer, and the GC that
 * this caused cost 6% of the lint.)
 */
const MAX_KEPT_CHARS = 32_000_000;
type Linted = { readonly length: number; readonly text?: string; readonly digest?: bigint; readonly summary: ModuleSummary };
const linted = new Map<string, Linted>();
let keptChars = 0;

/** Two 32-bit multiplicative hashes of the text, two UTF-16 code units per step, side by side. */
function digestOf(text: string): bigint {
  let low = 0x811c9dc5;
  let high = 0x9747b28c ^ text.length;
  const pairs = text.length & ~1;
  for (let index = 0; index < pairs; index += 2) {
    const code = (text.charCodeAt(index) << 16) | text.charCodeAt(index + 1);
    low = Math.imul(low ^ code, 0x01000193);
    high = Math.imul(high ^ code, 0x5bd1e995);
    high ^= high >>> 15;
  }
  if (pairs < text.length) low = Math.imul(low ^ text.charCodeAt(pairs), 0x01000193);
  return (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0);
}

/** Leaves the index's parse of `text` (the file `key`) for the lint; the oldest make way when space runs out. */
export function offerParse(key: string, text: string, parsed: ParsedPython): void {
  if (text.length > MAX_WAITING_CHARS) return;
  dropWaiting(key);
  waiting.set(key, { text, parsed });
  waitingChars += text.length;
  for (const [oldest, entry] of waiting) {
    if (waitingChars <= MAX_WAITING_CHARS) break;
    waiting.delete(oldest);
    waitingChars -= entry.text.length;
  }
}

/** A waiting parse of exactly `text` in the file `key`, left where it is. */
export function waitingParse(key: string, text: string): ParsedPython | undefined {
  const entry = waiting.get(key);
  return entry?.text === text ? entry.parsed : undefined;
}

/** A waiting parse of exactly `text` in the file `key`, taken: the lint needs it once. */
export function takeParse(key: string, text: string): ParsedPython | undefined {
  const parsed = waitingParse(key, text);
  dropWaiting(key);
  return parsed;
}

function dropWaiting(key: string): void {
  const entry = waiting.get(key);
  if (!entry) return;
  waiting.delete(key);
  waitingChars -= entry.text.length;
}

/** Records the summary of the text a lint saw in the file `key`. */
export function rememberLinted(key: string, text: string, summary: ModuleSummary): void {
  const previous = linted.get(key);
  // Two rules record each lint's summary (one object per tree): the text is recorded once.
  if (previous?.summary === summary) return;
  if (previous?.text !== undefined) keptChars -= previous.length;
  if (keptChars + text.length <= MAX_KEPT_CHARS) {
    keptChars += text.length;
    linted.set(key, { length: text.length, text, summary });
  } else {
    linted.set(key, { length: text.length, digest: digestOf(text), summary });
  }
}

/** The summary a lint made of the file `key`, if it saw exactly `text`. */
export function lintedSummary(key: string, text: string): ModuleSummary | undefined {
  const entry = linted.get(key);
  if (entry?.length !== text.length) return undefined;
  const same = entry.text !== undefined ? entry.text === text : entry.digest === digestOf(text);
  return same ? entry.summary : undefined;
}

export function clearSharedParses(): void {
  waiting.clear();
  waitingChars = 0;
  linted.clear();
  keptChars = 0;
}
