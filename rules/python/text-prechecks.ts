/**
 * Cheap looks at a file's text that tell a rule it has nothing to find there, so it can skip the file's nodes. Each is
 * exact, never a guess:
 * - an `async def` (or `async for`/`async with`) is spelled with the word `async`;
 * - a name a call resolves to (`asyncio.create_task`, however imported or aliased) has its last part spelled in the
 *   file as a whole word: as the callee's attribute or name, or as the name an import brings in. A Python identifier
 *   is made of word characters or others JavaScript's `\b` also treats as boundaries, so `\b` never misses one.
 */

/** Whether `source` can contain async code at all. */
export function mayContainAsync(source: string): boolean {
  return source.includes("async");
}

/** A test for files that mention any of these dotted names' last parts (`asyncio.gather` → `gather`) as a word. */
export function mentionsAnyOf(names: Iterable<string>): (source: string) => boolean {
  const words = new Set<string>();
  for (const name of names) words.add(name.slice(name.lastIndexOf(".") + 1));
  const escaped = [...words].map((word) => word.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&"));
  const pattern = new RegExp(`\\b(?:${escaped.join("|")})\\b`, "u");
  return (source) => pattern.test(source);
}
