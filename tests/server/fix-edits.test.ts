/**
 * Splitting ESLint's merged fixes back into small edits, and the titles of quick fixes. Pure functions, tested on
 * real ESLint-shaped fixes and on random ones: whatever the split, applying it must give exactly the fix's result.
 */
import { applyOffsetEdits, describeFix, shortText, splitFix, type EslintFix, type OffsetEdit } from "../../server/fix-edits.js";

/** What ESLint does with a fix made of several edits: one span, the text between the edits copied in. */
function mergeLikeEslint(original: string, edits: Array<{ start: number; end: number; text: string }>): EslintFix {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const start = sorted[0]!.start;
  const end = sorted.at(-1)!.end;
  let text = "";
  let at = start;
  for (const edit of sorted) {
    text += original.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return { range: [start, end], text: text + original.slice(at, end) };
}

function applyFix(original: string, fix: EslintFix): string {
  return original.slice(0, fix.range[0]) + fix.text + original.slice(fix.range[1]);
}

function expectWellFormed(edits: OffsetEdit[]): void {
  for (let i = 1; i < edits.length; i++) expect(edits[i]!.start).toBeGreaterThanOrEqual(edits[i - 1]!.end);
}

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe("splitFix", () => {
  const SLEEPY = "import time\n\nasync def handler():\n    time.sleep(1)\n";

  it("splits the sleep fix into the import and the call", () => {
    const call = SLEEPY.indexOf("time.sleep");
    const fix = mergeLikeEslint(SLEEPY, [
      { start: 0, end: 0, text: "import asyncio\n" },
      { start: call, end: call + "time.sleep(1)".length, text: "await asyncio.sleep(1)" },
    ]);
    const edits = splitFix(SLEEPY, fix);
    expect(edits).toEqual([
      { start: 0, end: 0, text: "import asyncio\n" },
      { start: call, end: call + 4, text: "await asyncio" },
    ]);
    expect(applyOffsetEdits(SLEEPY, edits)).toBe(applyFix(SLEEPY, fix));
  });

  it("aligns repetitive code with the right copy", () => {
    const block = "async def f(x):\n    if x:\n        time.sleep(1)\n    return x\n\n";
    const original = `import time\n${block.repeat(2000)}`;
    const call = original.lastIndexOf("time.sleep(1)");
    const fix = mergeLikeEslint(original, [
      { start: 0, end: 0, text: "import asyncio\n" },
      { start: call, end: call + 13, text: "await asyncio.sleep(1)" },
    ]);
    const edits = splitFix(original, fix);
    expect(edits).toHaveLength(2);
    expect(edits.reduce((sum, edit) => sum + edit.text.length, 0)).toBeLessThan(40);
    expect(applyOffsetEdits(original, edits)).toBe(applyFix(original, fix));
  });

  it("never splits a surrogate pair", () => {
    const original = "x = '😀'\n";
    const fix: EslintFix = { range: [5, 7], text: "😃" };
    const edits = splitFix(original, fix);
    expect(edits).toEqual([{ start: 5, end: 7, text: "😃" }]);
  });

  it("clamps a range outside the text", () => {
    const edits = splitFix("abc", { range: [-5, 99], text: "abX" });
    expect(applyOffsetEdits("abc", edits)).toBe("abX");
  });

  it("always reproduces the fix's result on random texts and edits", () => {
    const next = random(7);
    const alphabet = ["a", "b", " ", "\n", "    ", "def f():", "time.sleep(1)", "é", "😀", "\r\n", "import x\n"];
    const pick = () => alphabet[Math.floor(next() * alphabet.length)]!;
    for (let round = 0; round < 2000; round++) {
      const original = Array.from({ length: Math.floor(next() * 80) }, pick).join("");
      const count = 1 + Math.floor(next() * 4);
      const cuts = Array.from({ length: count * 2 }, () => Math.floor(next() * (original.length + 1))).sort((a, b) => a - b);
      const edits = Array.from({ length: count }, (_, i) => ({
        start: cuts[2 * i]!,
        end: cuts[2 * i + 1]!,
        text: Array.from({ length: Math.floor(next() * 4) }, pick).join(""),
      }));
      const fix = mergeLikeEslint(original, edits);
      const split = splitFix(original, fix);
      expectWellFormed(split);
      expect(applyOffsetEdits(original, split)).toBe(applyFix(original, fix));
    }
  });

  it("reproduces the fix's result on large repetitive texts with edits far apart", () => {
    const next = random(11);
    const lines = ["import time\n", "\n", "async def f(x):\n", "    time.sleep(1)\n", "    return x\n", "    # é 😀\n"];
    for (let round = 0; round < 300; round++) {
      const original = Array.from({ length: 200 + Math.floor(next() * 400) }, () => lines[Math.floor(next() * lines.length)]!).join("");
      const count = 1 + Math.floor(next() * 5);
      const cuts = Array.from({ length: count * 2 }, () => Math.floor(next() * (original.length + 1))).sort((a, b) => a - b);
      const edits = Array.from({ length: count }, (_, i) => ({
        start: cuts[2 * i]!,
        end: next() < 0.5 ? cuts[2 * i]! : cuts[2 * i + 1]!,
        text: next() < 0.3 ? "" : lines[Math.floor(next() * lines.length)]!,
      }));
      const fix = mergeLikeEslint(original, edits);
      const split = splitFix(original, fix);
      expectWellFormed(split);
      expect(applyOffsetEdits(original, split)).toBe(applyFix(original, fix));
    }
  });

  it("recovers edits of about their original size when lines are distinct, as in real code", () => {
    const next = random(5);
    for (let round = 0; round < 300; round++) {
      const original = Array.from({ length: 50 + Math.floor(next() * 3000) }, (_, i) => `    value_${i} = compute(${Math.floor(next() * 1e6)})\n`).join("");
      const count = 1 + Math.floor(next() * 4);
      const cuts = Array.from({ length: count * 2 }, () => Math.floor(next() * (original.length + 1))).sort((a, b) => a - b);
      const edits = Array.from({ length: count }, (_, i) => ({
        start: cuts[2 * i]!,
        end: next() < 0.5 ? cuts[2 * i]! : Math.min(cuts[2 * i + 1]!, cuts[2 * i]! + 200),
        text: next() < 0.3 ? "" : `await x_${round}(${i})\n`,
      }));
      const fix = mergeLikeEslint(original, edits);
      const split = splitFix(original, fix);
      expectWellFormed(split);
      expect(applyOffsetEdits(original, split)).toBe(applyFix(original, fix));
      const inserted = edits.reduce((sum, edit) => sum + edit.text.length, 0);
      expect(split.reduce((sum, edit) => sum + edit.text.length, 0)).toBeLessThanOrEqual(inserted);
      expect(split.length).toBeLessThanOrEqual(count);
    }
  });
});

describe("titles", () => {
  it("names the replacement of the reported code", () => {
    const text = "import time\nasync def f():\n    x = g(time.sleep(1))\n";
    const call = text.indexOf("time.sleep");
    const edits = splitFix(text, mergeLikeEslint(text, [
      { start: 0, end: 0, text: "import asyncio\n" },
      { start: call, end: call + 13, text: "await asyncio.sleep(1)" },
    ]));
    expect(describeFix(text, edits, { start: call, end: call + 13 })).toBe("Fix: replace with 'await asyncio.sleep(1)'");
  });

  it("says what a removal or a distant insertion does", () => {
    const text = "a = 1; b = 2\n";
    expect(describeFix(text, [{ start: 5, end: 12, text: "" }], { start: 7, end: 12 })).toBe("Fix: remove '; b = 2'");
    expect(describeFix(text, [{ start: 0, end: 0, text: "import x\n" }], { start: 7, end: 12 })).toBe("Fix: insert 'import x'");
  });

  it("keeps titles to one short line", () => {
    expect(shortText("  first line  \n second line")).toBe("first line …");
    const long = shortText("x".repeat(200));
    expect(Array.from(long)).toHaveLength(60);
    expect(long.endsWith("…")).toBe(true);
    expect(shortText("a\tb\u0000c")).toBe("a b\uFFFDc");
    // Cut by code points, never inside a surrogate pair.
    expect(shortText("😀".repeat(100)).startsWith("😀")).toBe(true);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/u.test(shortText("😀".repeat(100)))).toBe(false);
  });
});
