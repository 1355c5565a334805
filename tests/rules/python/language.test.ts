/** The Python language through real ESLint: positions, line endings, bad input, traversal and selectors. */
import { Linter } from "eslint";
import { zeroConfig, plugin } from "../../../engine/config.js";

const cwd = process.cwd();
const filename = `${cwd}/example.py`;
const linter = new Linter({ configType: "flat", cwd });
const lint = (text: string, extra: Linter.Config[] = []) => linter.verify(text, [...zeroConfig(), ...extra], { filename });
const positions = (messages: Linter.LintMessage[]) => messages.map((message) => [message.line, message.column, message.endLine, message.endColumn]);

describe("positions", () => {
  it("are right after a BOM", () => {
    expect(positions(lint("\uFEFFimport time\nasync def f():\n    time.sleep(1)\n"))).toEqual([[3, 5, 3, 18]]);
  });

  it("are right with CRLF and with lone CR line endings", () => {
    expect(positions(lint("import time\r\nasync def f():\r\n    time.sleep(1)\r\n"))).toEqual([[3, 5, 3, 18]]);
    expect(positions(lint("import time\rasync def f():\r    time.sleep(1)\r"))).toEqual([[3, 5, 3, 18]]);
  });

  it("count UTF-16 code units, as ESLint does", () => {
    // '𝒳' is two UTF-16 code units, 'é' one
    expect(positions(lint("import time\nasync def f():\n    '𝒳é'; time.sleep(1)\n"))).toEqual([[3, 12, 3, 25]]);
  });
});

describe("bad input", () => {
  it("a syntax error is one parsing error with a 1-based column by default", () => {
    const messages = lint("import time\ndef broken(:\n    pass\n");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ fatal: true, line: 2, column: 12 });
  });

  it("in tolerant mode the sound parts are still linted", () => {
    const text = "import time\ndef broken(:\n    pass\n\nasync def f():\n    time.sleep(1)\n";
    const messages = linter.verify(text, zeroConfig({ tolerateSyntaxErrors: true }), { filename });
    expect(messages.map((message) => [message.ruleId, message.line])).toEqual([["async-pitfalls/no-blocking-sleep", 6]]);
  });

  it("an unknown language option is a clear configuration error", () => {
    expect(() => lint("x = 1\n", [{ files: ["**/*.py"], languageOptions: { strictness: 3 } }])).toThrow(/Unknown Python language option "strictness"/u);
  });

  it("deeply nested code neither crashes nor overflows the stack", () => {
    const depth = 3000;
    const text = `import time\nasync def f():\n    x = ${"(".repeat(depth)}1${")".repeat(depth)}\n    time.sleep(1)\n`;
    expect(lint(text).map((message) => message.ruleId)).toEqual(["async-pitfalls/no-blocking-sleep"]);
  });

  it("a 50,000-line file is linted", () => {
    const chunk = "async def handler_N(request):\n    data = await request.json()\n    time.sleep(0.1)\n    return data\n\n";
    const text = "import time\n" + Array.from({ length: 10_000 }, (_, index) => chunk.replace("N", String(index))).join("");
    expect(text.split("\n").length).toBeGreaterThan(50_000);
    expect(lint(text)).toHaveLength(10_000);
  });

  it("binary-looking text does not crash the parser", () => {
    const garbage = Array.from({ length: 2000 }, (_, index) => String.fromCharCode((index * 7919) % 0xd7ff)).join("");
    expect(() => linter.verify(garbage, zeroConfig({ tolerateSyntaxErrors: true }), { filename })).not.toThrow();
  });
});

describe("traversal", () => {
  it("supports :exit listeners, esquery selectors and ancestors", () => {
    const seen: string[] = [];
    const probe = {
      meta: { languages: ["async-pitfalls/python"] },
      create(context: { sourceCode: { getAncestors(node: unknown): { type: string }[] } }) {
        return {
          "function_definition > block call"(node: { type: string }) {
            seen.push(`call in ${context.sourceCode.getAncestors(node).map((ancestor) => ancestor.type).join("/")}`);
          },
          "function_definition:exit"() {
            seen.push("exit def");
          },
        };
      },
    };
    linter.verify("def f():\n    g()\n", [
      { files: ["**/*.py"], plugins: { "async-pitfalls": plugin, probe: { rules: { probe } } } as never, language: "async-pitfalls/python", rules: { "probe/probe": "error" } },
    ], { filename });
    expect(seen).toEqual(["call in module/function_definition/block/expression_statement", "exit def"]);
  });
});
