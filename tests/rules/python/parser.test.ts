/** The conversion of tree-sitter trees to plain nodes: the direct cursor walk, and how long a tree lives. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Linter } from "eslint";
import { zeroConfig } from "../../../engine/config.js";
import { directWalksAvailable } from "../../../rules/python/cursor-walk.js";
import { convertTree, parsePython, parseTree, type PyNode } from "../../../rules/python/parser.js";
import { NodeMemo } from "../../../rules/python/tree-memo.js";
import { dumpParse } from "./parse-dump.js";
import { pythonFixtureFiles } from "./fixture-files.js";

/** Both walks of one tree, side by side. */
function bothWalks(text: string): [unknown, unknown] {
  const tree = parseTree(text);
  try {
    return [dumpParse(convertTree(tree, text, { direct: true })), dumpParse(convertTree(tree, text, { direct: false }))];
  } finally {
    tree.delete();
  }
}

describe("the cursor walk", () => {
  it("runs without web-tree-sitter's marshalling (its internal binding is there and complete)", () => {
    // If an upgrade of web-tree-sitter changes its Module, parsing falls back to the public API, three times slower:
    // this test says so instead of the benchmark.
    expect(directWalksAvailable()).toBe(true);
  });

  it("gives exactly what the public TreeCursor API gives, on every fixture", () => {
    const files = pythonFixtureFiles();
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const [direct, viaPublicApi] = bothWalks(readFileSync(file, "utf8"));
      expect(direct, file).toEqual(viaPublicApi);
    }
  });

  it("gives the same syntax problem and positions on broken, CRLF and non-BMP text", () => {
    for (const text of [
      "def broken(:\n    pass\n",
      "x = (1,\r\ny = '𝒳é' +\r\n",
      "async def f():\n    await\n",
      "class C:\n  def m(self):\n return 1\n",
      "\uFEFFimport time\n",
      "",
    ]) {
      const [direct, viaPublicApi] = bothWalks(text);
      expect(direct, JSON.stringify(text)).toEqual(viaPublicApi);
    }
    expect(parsePython("def broken(:\n    pass\n").syntaxProblem).toMatchObject({ line: 1, column: 12 });
  });

  it("leaves the parser usable: many walks in a row, each tree deleted after", () => {
    const text = "async def f(x):\n    return [await g(y) for y in x if y > 1]\n";
    const first = dumpParse(parsePython(text));
    for (let index = 0; index < 200; index++) expect(dumpParse(parsePython(text))).toEqual(first);
  });
});

describe("string literals", () => {
  const stringsOf = (text: string) => {
    const found: { text: string; children: string[] }[] = [];
    const visit = (node: PyNode): void => {
      if (node.type === "string") found.push({ text: text.slice(...node.range), children: node.children.map((child) => child.type) });
      node.children.forEach(visit);
    };
    visit(parsePython(text).root);
    return found;
  };

  it("are leaves unless a prefix allows replacement fields, whose interpolations stay nodes", () => {
    const text = `a = "x"\nb = rb'\\n'\nc = f"{d(e)}!"\ng = Rf"""{h}"""\ni = t"{j}"\nk = "{not_a_field}"\n`;
    expect(stringsOf(text)).toEqual([
      { text: '"x"', children: [] },
      { text: "rb'\\n'", children: [] },
      { text: 'f"{d(e)}!"', children: ["string_start", "interpolation", "string_content", "string_end"] },
      { text: 'Rf"""{h}"""', children: ["string_start", "interpolation", "string_end"] },
      { text: 't"{j}"', children: ["string_start", "interpolation", "string_end"] },
      { text: '"{not_a_field}"', children: [] },
    ]);
  });

  it("are entered when the file has a syntax error, so that the error is found wherever it is", () => {
    expect(stringsOf('a = "x"\ndef broken(:\n')[0]!.children).toEqual(["string_start", "string_content", "string_end"]);
  });
});

describe("what nodes of one type share", () => {
  const marks = (text: string) => {
    const found: string[] = [];
    const visit = (node: PyNode): void => {
      if (node.isAsync || node.op !== undefined) found.push(`${node.type}:${node.field}:${node.isAsync ?? "-"}:${node.op ?? "-"}`);
      node.children.forEach(visit);
    };
    visit(parsePython(text).root);
    return found;
  };

  it("`async` and operators mark their own node, not the others of its type and field", () => {
    const text = "async def f():\n    async for x in y: pass\n    for z in w: pass\n\ndef g():\n    return a + b * c - (not d) + -e\n";
    expect(marks(text)).toEqual([
      "function_definition:null:true:-",
      "for_statement:null:true:-",
      "binary_operator:null:-:+",
      "binary_operator:left:-:-",
      "binary_operator:left:-:+",
      "binary_operator:right:-:*",
      "unary_operator:right:-:-",
    ]);
    // The same types, unmarked, in a second tree: no mark carries over.
    expect(marks("def f():\n    for z in w: pass\n    return a\n")).toEqual([]);
  });
});

describe("what lives as long as a tree", () => {
  it("memos are per tree: another parse of the same text starts empty", () => {
    const memo = new NodeMemo<string>();
    const one = parsePython("x = 1\n").root;
    const other = parsePython("x = 1\n").root;
    memo.set(one, "seen");
    expect(memo.get(one)).toBe("seen");
    expect(memo.has(other)).toBe(false);
    expect(memo.get(one.children[0]!)).toBeUndefined();
  });

  it("a source code lets its tree go once ESLint has walked it, and parses it again if asked after", () => {
    const linter = new Linter({ configType: "flat" });
    const text = "import time\n\nasync def f():\n    time.sleep(1)\n";
    const messages = linter.verify(text, zeroConfig(), { filename: path.resolve("example.py") });
    expect(messages.map((message) => message.ruleId)).toEqual(["async-pitfalls/no-blocking-sleep"]);
    const sourceCode = linter.getSourceCode() as unknown as { ast: { type: string; children: { type: string }[] } };
    expect(sourceCode.ast.type).toBe("module");
    expect(sourceCode.ast.children.map((child) => child.type)).toEqual(["import_statement", "function_definition"]);
  });

  it("comments hold nothing of the tree (the source code keeps them after it lets the tree go)", () => {
    const { comments } = parsePython("x = 1  # one\n# two\n");
    expect(comments.map((comment) => [comment.value, comment.loc.start.line])).toEqual([[" one", 1], [" two", 2]]);
    const reachable = new Set<unknown>();
    const visit = (value: unknown): void => {
      if (typeof value !== "object" || value === null || reachable.has(value)) return;
      reachable.add(value);
      for (const key of Object.getOwnPropertyNames(value)) visit((value as Record<string, unknown>)[key]);
    };
    comments.forEach(visit);
    expect([...reachable].some((value) => typeof value === "object" && value !== null && ("children" in value || "memos" in value))).toBe(false);
  });
});
