import { Linter } from "eslint";
import plugin from "../../../rules/index.js";
import { parsePython } from "../../../rules/python/parser.js";
import { editBetween, forgetPythonTree, parsePythonRetaining, retainedPythonTreeCount } from "../../../rules/python/retained-trees.js";
import { dumpParse as dump } from "./parse-dump.js";

/** Every intermediate text of typing `typed` at `at`, then erasing it, as an editor produces them. */
function* typing(text: string, at: number, typed: string): Generator<string> {
  for (let i = 1; i <= typed.length; i++) yield text.slice(0, at) + typed.slice(0, i) + text.slice(at);
  for (let i = typed.length - 1; i >= 0; i--) yield text.slice(0, at) + typed.slice(0, i) + text.slice(at);
}

const SOURCE = [
  "import asyncio",
  "import time",
  "",
  "class Service:",
  "    async def fetch(self, items):",
  "        results = []  # collected",
  "        for item in items:",
  "            results.append(await self.get(item))",
  "        time.sleep(0.1)",
  "        return results",
  "",
  "async def main():",
  "    await Service().fetch([1, 2])",
  "",
].join("\n");

describe("incremental parsing (retained trees)", () => {
  afterEach(() => {
    for (const name of ["typing.py", "crlf.py", "emoji.py", "other.py"]) forgetPythonTree(`/virtual/${name}`);
  });

  it("gives exactly what a full parse gives, keystroke by keystroke, through half-typed statements", () => {
    const at = SOURCE.indexOf("        time.sleep");
    for (const text of typing(SOURCE, at, "        extra = await self.get(item, timeout=3)\n")) {
      expect(dump(parsePythonRetaining("/virtual/typing.py", text))).toEqual(dump(parsePython(text)));
    }
    // Whole-text replacements, emptying the file and pasting it back.
    for (const text of ["", SOURCE, "def f(:\n", SOURCE.replace("async def main", "def main")]) {
      expect(dump(parsePythonRetaining("/virtual/typing.py", text))).toEqual(dump(parsePython(text)));
    }
  });

  it("keeps rows right with CRLF line ends and columns right around characters outside the BMP", () => {
    const crlf = SOURCE.replaceAll("\n", "\r\n");
    for (const text of typing(crlf, crlf.indexOf("    await Service"), "    x = 1\r\n")) {
      expect(dump(parsePythonRetaining("/virtual/crlf.py", text))).toEqual(dump(parsePython(text)));
    }
    const emoji = 's = "😀😀"\nasync def f():\n    pass\n';
    // Replacing one astral character by another shares a high surrogate: the edit must not split the pair.
    for (const text of [emoji, emoji.replace("😀😀", "😀😁"), emoji.replace("😀😀", "😁"), emoji]) {
      expect(dump(parsePythonRetaining("/virtual/emoji.py", text))).toEqual(dump(parsePython(text)));
    }
  });

  it("describes the edit between two texts as tree-sitter counts it", () => {
    const edit = editBetween("ab\ncd\nef", "ab\ncXYd\nef");
    expect(edit).toMatchObject({
      startIndex: 4,
      oldEndIndex: 4,
      newEndIndex: 6,
      startPosition: { row: 1, column: 1 },
      oldEndPosition: { row: 1, column: 1 },
      newEndPosition: { row: 1, column: 3 },
    });
    const deletion = editBetween("a\nbc\nd", "a\nd");
    expect(deletion).toMatchObject({ startIndex: 2, oldEndIndex: 5, newEndIndex: 2, oldEndPosition: { row: 2, column: 0 } });
  });

  it("keeps a bounded number of trees and forgets a closed file's", () => {
    const before = retainedPythonTreeCount();
    parsePythonRetaining("/virtual/other.py", "x = 1\n");
    expect(retainedPythonTreeCount()).toBe(before + 1);
    forgetPythonTree("/virtual/other.py");
    expect(retainedPythonTreeCount()).toBe(before);
    for (let i = 0; i < 40; i++) parsePythonRetaining(`/virtual/many-${i}.py`, `x = ${i}\n`);
    expect(retainedPythonTreeCount()).toBeLessThanOrEqual(16);
    for (let i = 0; i < 40; i++) forgetPythonTree(`/virtual/many-${i}.py`);
  });

  it("is a language option the linter validates and uses: the same findings while typing", () => {
    const linter = new Linter({ configType: "flat" });
    const config = (incremental: unknown): Linter.Config[] => [
      ...plugin.configs["recommended"]!,
      { files: ["**/*.py"], languageOptions: { syntaxErrors: "tolerate", incremental } as Linter.LanguageOptions },
    ];
    const filename = `${process.cwd()}/virtual/typing.py`;
    const at = SOURCE.indexOf("        return results");
    let found = 0;
    for (const text of typing(SOURCE, at, "        time.sleep(1)\n")) {
      const findings = (incremental: boolean) =>
        linter.verify(text, config(incremental), { filename }).map((m) => `${m.line}:${m.column} ${m.ruleId}`);
      const incremental = findings(true);
      expect(incremental).toEqual(findings(false));
      found += incremental.filter((f) => f.endsWith("async-pitfalls/no-blocking-sleep")).length;
    }
    forgetPythonTree(filename);
    // time.sleep in the class's coroutine, in every text; the typed one once it is complete.
    expect(found).toBeGreaterThan(2 * "        time.sleep(1)\n".length);
    expect(() => linter.verify("x = 1\n", config("yes"), { filename })).toThrow(/incremental must be true or false/u);
  });
});
