/**
 * Cheap looks at a file's text that tell a rule it has nothing to find there, so it can skip the file's nodes. Each is
 * exact, never a guess:
 * - an `async def` (or `async for`/`async with`) is spelled with the word `async`;
 * - a name a call resolves to (`asyncio.create_task`, however imported or aliased) has its last part spelled in the
 *   file as a whole word: as the callee's attribute or name, or as the name an import brings in. A Python identifier
 *   is made of word characters or others JavaScript's `\b` also treats as boundaries, so `\b` never misses one.
 */
import { lastPartsOf } from "./resolved-name.js";

/** Whether `source` can contain async code at all. */
export function mayContainAsync(source: string): boolean {
  return source.includes("async");
}

/** Whether the UTF-16 code unit is a `\w` character (ASCII letter, digit or underscore), as `\b` sees it. */
export function isWordCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
}

/** `\bword\b` for long words (see `containsWord`). */
const longWordPatterns = new Map<string, RegExp>();

/**
 * Whether `word` occurs in `source` between `\b` boundaries. Short words are found with `indexOf` (on the bench corpus
 * 2–4× faster than a `\b` regex for `gather` and `wait`, which hit early, or inside `await`); long ones, which are rare
 * and scanned for through whole files, with a regex (`get_event_loop`, `create_task`: 1.4× faster than `indexOf`).
 */
function containsWord(source: string, word: string): boolean {
  if (word.length >= 8 && /^\w+$/u.test(word)) {
    let pattern = longWordPatterns.get(word);
    if (!pattern) longWordPatterns.set(word, (pattern = new RegExp(String.raw`\b${word}\b`, "u")));
    return pattern.test(source);
  }
  for (let at = source.indexOf(word); at !== -1; at = source.indexOf(word, at + 1)) {
    const end = at + word.length;
    if ((at === 0 || !isWordCode(source.charCodeAt(at - 1))) && (end === source.length || !isWordCode(source.charCodeAt(end)))) return true;
  }
  return false;
}

/** A test for files that mention any of these dotted names' last parts (`asyncio.gather` → `gather`) as a word. */
export function mentionsAnyOf(names: Iterable<string>): (source: string) => boolean {
  const list = [...lastPartsOf(names)];
  // Two rules ask the same question of each file in turn (no-dangling-task and no-unbounded-fan-out): answer it once.
  let lastSource: string | undefined;
  let lastAnswer = false;
  return (source) => {
    if (source !== lastSource) {
      lastAnswer = list.some((word) => containsWord(source, word));
      lastSource = source;
    }
    return lastAnswer;
  };
}
