/** What definitionsIn finds bound in a scope. */
import { definitionsIn } from "../../../rules/python/definitions.js";
import { parsePython } from "../../../rules/python/parser.js";

describe("bindings (definitions.ts)", () => {
  const namesBoundIn = (text: string) => {
    const root = parsePython(text).root;
    const fn = root.children.find((child) => child.type === "function_definition")!;
    return [...definitionsIn(fn, text).names.keys()].sort();
  };

  it("finds `:=` deep inside expressions, and nothing where there is none", () => {
    const body = "def f(a):\n    g(h(x := 1), [y for y in a])\n    return (z := 2)\n    w = 3\n";
    expect(namesBoundIn(body)).toEqual(["a", "w", "x", "z"]);
    expect(namesBoundIn(body.replace("x := 1", "1").replace("(z := 2)", "2"))).toEqual(["a", "w"]);
  });

  it("looks into exactly the expressions that hold a `:=`: statements, annotations and decorators too", () => {
    const text =
      'note = "a := b"\n@deco(d := 1)\ndef g():\n    pass\ndef f(a):\n    (e := 2)\n    y: (t := int) = 3\n    print("x := 1", [u for u in a])\n';
    expect(namesBoundIn(text)).toEqual(["a", "e", "t", "y"]);
    const root = parsePython(text).root;
    expect([...definitionsIn(root, text).names.keys()].sort()).toEqual(["d", "f", "g", "note"]);
  });

  it("finds statement-level bindings inside compound statements when expressions are skipped", () => {
    const text =
      "def f():\n    with open(p) as fh:\n        for i, (j, k) in g():\n            try:\n                import os\n            except E as err:\n                pass\n    match v:\n        case [m]:\n            pass\n";
    expect(namesBoundIn(text)).toEqual(["err", "fh", "i", "j", "k", "m", "os"]);
  });
});
