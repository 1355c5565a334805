/** Finding a name's identifiers by searching the text: it must give exactly what a walk of the tree gives. */
import { readFileSync } from "node:fs";
import { occurrencesOf, someOccurrence } from "../../../rules/python/identifier-occurrences.js";
import { parsePython, type PyNode } from "../../../rules/python/parser.js";
import { textOf } from "../../../rules/python/syntax.js";
import { descendants } from "../../../rules/python/walk.js";
import { pythonFixtureFiles } from "./fixture-files.js";

const SCOPES = new Set(["module", "function_definition", "class_definition", "lambda", "block", "call"]);

/** Every identifier under `root` (itself included) spelled `name`, found by walking the tree. */
function walked(root: PyNode, name: string, source: string): PyNode[] {
  return [root, ...descendants(root)].filter((node) => node.type === "identifier" && textOf(node, source) === name);
}

/** Checks every scope-like subtree of `source` against the walk, for every name spelled in it and a few that are not. */
function expectSameAsWalk(source: string, label: string): number {
  const { root } = parsePython(source);
  let checked = 0;
  for (const scope of [root, ...descendants(root)]) {
    if (!SCOPES.has(scope.type)) continue;
    const names = new Set([...descendants(scope)].filter((node) => node.type === "identifier").map((node) => textOf(node, source)));
    for (const name of [...names, "self", "x", "print", "a"]) {
      expect(occurrencesOf(scope, name, source), `${label}: ${name} in ${scope.type} at ${scope.range[0]}`).toEqual(walked(scope, name, source));
      checked++;
    }
  }
  return checked;
}

describe("occurrencesOf", () => {
  it("finds exactly the identifiers a walk finds, in every fixture", () => {
    const files = pythonFixtureFiles();
    expect(files.length).toBeGreaterThan(40);
    let checked = 0;
    for (const file of files) checked += expectSameAsWalk(readFileSync(file, "utf8"), file);
    expect(checked).toBeGreaterThan(5000);
  });

  it("skips the name inside strings, comments and longer names, and keeps f-string fields", () => {
    const source = [
      "x = 1  # x in a comment",
      "s = 'x and x'",
      "t = f'{x} and x'",
      "xx = x_ = _x = x2 = 0",
      "print(x.x, x, k=x, x=1)",
      "",
    ].join("\n");
    const { root } = parsePython(source);
    const found = occurrencesOf(root, "x", source).map((node) => [node.range[0], node.parent?.type]);
    expect(found).toEqual([
      [0, "assignment"],
      [45, "interpolation"],
      [83, "attribute"],
      [85, "attribute"],
      [88, "argument_list"],
      [93, "keyword_argument"],
      [96, "keyword_argument"],
    ]);
    expectSameAsWalk(source, "mixed");
  });

  it("agrees with the walk on broken, CRLF, non-BMP and zero-width (missing) nodes", () => {
    for (const source of [
      "def broken(:\n    x = x\n",
      "x = (1,\r\ny = '𝒳é' + x\r\n",
      "async def f():\n    await\n    x\n",
      "class C:\n  def m(self):\n return self.x\n",
      "def f(a, b\n    return a\n",
      "x = [a for a in\n",
      "𝒳 = 1\nprint(𝒳, 𝒳𝒳)\n",
      "\uFEFFimport x\nx.y\n",
      "",
    ]) {
      expectSameAsWalk(source, JSON.stringify(source));
    }
  });

  it("searches only [from, to) and stops at the first identifier the visitor accepts", () => {
    const source = "a = 1\nb = a\nc = a\nd = a\n";
    const { root } = parsePython(source);
    const seen: number[] = [];
    const stopped = someOccurrence(
      root,
      "a",
      source,
      (identifier) => {
        seen.push(identifier.range[0]);
        return identifier.range[0] > 12;
      },
      6,
    );
    expect(stopped).toBe(true);
    expect(seen).toEqual([10, 16]);
    expect(someOccurrence(root, "a", source, () => true, 0, 5)).toBe(true);
    expect(someOccurrence(root, "a", source, () => true, 1, 9)).toBe(false);
    expect(someOccurrence(root, "", source, () => true)).toBe(false);
  });
});
