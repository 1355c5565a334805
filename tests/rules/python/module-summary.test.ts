/**
 * The parts of a module summary found by searching text (`yield`, `return`, `self.x = …`) must be what a walk of the
 * tree finds, on every fixture.
 */
import { readFileSync } from "node:fs";
import { parameterName } from "../../../rules/python/definitions.js";
import { ownBodyOf, summarizeClass } from "../../../rules/python/module-summary.js";
import { parsePython, type PyNode } from "../../../rules/python/parser.js";
import { storingNodeOf } from "../../../rules/python/references.js";
import { childByField, textOf } from "../../../rules/python/syntax.js";
import { descendants } from "../../../rules/python/walk.js";
import { pythonFixtureFiles } from "./fixture-files.js";

const NESTED = new Set(["function_definition", "lambda", "class_definition"]);

function fixtureTexts(): [string, string][] {
  const files = pythonFixtureFiles();
  const edgeCases = [
    "def g():\n    x = 'yield return'  # yield\n    yielded = returns = 1\n    return yielded\n",
    "def g():\n    def inner():\n        yield 1\n        return 2\n    f = lambda: (yield)\n    class C:\n        return_ = 1\n    return inner\n",
    "async def g():\n    await x\n    yield from_\n    return\n",
    "def g(:\n    yield\n    return x\n",
    "class C:\n    def m(self):\n        self.a = 1\n        self.b += 1\n        self.c.d = 2\n        (self.e, [self.f]) = 1, [2]\n        for self.g in []: pass\n        print(self.h)\n        other.self = 5\n        del self.i\n        def inner():\n            self.j = 3\n    def n(this):\n        this.k = 1\n        self.l = 1\n",
    // What the text after `self` may be before the tree is asked.
    [
      "class D:",
      "    def m(self):",
      "        self .a = 1",
      "        self. b = 1",
      "        self \\",
      "            .c = 1",
      "        (self  # comment",
      "            .d) = 1",
      "        self\\",
      "            .c2 = 1",
      "        (self# comment",
      "            .d2) = 1",
      "        self.e: int = 0",
      "        self.f , self.g = 1, 2",
      "        self.h  =  1",
      "        self.i == 1",
      "        self.j(1)",
      "        self.k[0] = 1",
      "        self.l.m = 1",
      "        (self.n) = 1",
      "        [self.o] = [1]",
      "        selfish.p = 1",
      "        f(self=1)",
      "        x.self.q = 1",
      "        self.é = 1",
      "        self.r\\",
      "            = 1",
      "",
    ].join("\n"),
  ];
  return [...files.map((file): [string, string] => [file, readFileSync(file, "utf8")]), ...edgeCases.map((text, index): [string, string] => [`edge ${index}`, text])];
}

/** The walk the text search replaced: the `yield`s and `return`s of a function's own body. */
function walkedOwnBody(definition: PyNode): { hasYield: boolean; returns: PyNode[] } {
  const body = childByField(definition, "body");
  const own = body ? [...descendants(body, { sameScope: true })] : [];
  const inOwn = (node: PyNode) => {
    for (let current = node.parent; current && current !== definition; current = current.parent) if (NESTED.has(current.type)) return false;
    return true;
  };
  return {
    hasYield: own.some((node) => node.type === "yield" && inOwn(node)),
    returns: own.filter((node) => node.type === "return_statement" && inOwn(node)),
  };
}

/** The walk the text search replaced: attributes stored through a method's first parameter. */
function walkedInstanceAttributes(classNode: PyNode, source: string): string[] {
  const body = childByField(classNode, "body");
  const attributes = new Set<string>();
  for (const method of body ? [...descendants(body, { sameScope: true })].filter((node) => node.type === "function_definition") : []) {
    const first = childByField(method, "parameters")?.children[0];
    const name = first && parameterName(first);
    if (!name || first.type === "list_splat_pattern" || first.type === "dictionary_splat_pattern") continue;
    const self = textOf(name, source);
    for (const node of descendants(method)) {
      const object = node.type === "attribute" ? childByField(node, "object") : undefined;
      if (object?.type !== "identifier" || textOf(object, source) !== self) continue;
      const owner = storingNodeOf(node)?.type;
      if (owner === "assignment" || owner === "augmented_assignment" || owner === "for_statement" || owner === "as_pattern_target") {
        attributes.add(textOf(childByField(node, "attribute")!, source));
      }
    }
  }
  return [...attributes].sort();
}

describe("module summaries found by text search", () => {
  const texts = fixtureTexts();

  /** Every node of `type` in every text, with where it is (for failure messages) and its text. */
  function nodesOfType(type: string): { where: string; source: string; node: PyNode }[] {
    return texts.flatMap(([label, source]) =>
      [...descendants(parsePython(source).root)].filter((node) => node.type === type).map((node) => ({ where: `${label} at ${node.range[0]}`, source, node })),
    );
  }

  it("find the same yields and returns as a walk of each function's own body", () => {
    const functions = nodesOfType("function_definition");
    expect(functions.length).toBeGreaterThan(200);
    for (const { where, source, node } of functions) {
      const expected = walkedOwnBody(node);
      expect(ownBodyOf(node, source, true), where).toEqual(expected);
      expect(ownBodyOf(node, source, false).hasYield, where).toBe(expected.hasYield);
    }
  });

  it("find the same attributes set through self as a walk of each method", () => {
    const classes = nodesOfType("class_definition");
    expect(classes.length).toBeGreaterThan(15);
    for (const { where, source, node } of classes) {
      expect([...summarizeClass(node, source).instanceAttributes].sort(), where).toEqual(walkedInstanceAttributes(node, source));
    }
  });

  it("on the edge cases: nested scopes, strings, comments and longer names do not count", () => {
    const source = texts.find(([label]) => label === "edge 1")![1];
    const definition = parsePython(source).root.children[0]!;
    const body = ownBodyOf(definition, source, true);
    expect(body.hasYield).toBe(false);
    expect(body.returns.map((node) => textOf(node, source))).toEqual(["return inner"]);
    const classSource = texts.find(([label]) => label === "edge 4")![1];
    const classNode = parsePython(classSource).root.children[0]!;
    expect([...summarizeClass(classNode, classSource).instanceAttributes].sort()).toEqual(["a", "b", "e", "f", "g", "j", "k"]);
    const spacedSource = texts.find(([label]) => label === "edge 5")![1];
    const spaced = summarizeClass(parsePython(spacedSource).root.children[0]!, spacedSource);
    expect([...spaced.instanceAttributes].sort()).toEqual(["a", "b", "c", "c2", "d", "d2", "e", "f", "g", "h", "n", "o", "r", "é"]);
  });
});
