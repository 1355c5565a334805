/** One parse per text in a lint run: the lint and the project index hand each other parses and summaries. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Linter } from "eslint";
import { parsePython, type ParsedPython } from "../../../rules/python/parser.js";
import { pythonPlugin } from "../../../rules/python/plugin.js";
import { clearProjectIndex, moduleSummaryAt, rememberLintedModule } from "../../../rules/python/project-index.js";
import { lintedSummary, offerParse, rememberLinted, takeParse, waitingParse } from "../../../rules/python/shared-parses.js";

let root: string;
const repository = () => path.join(root, "shop/repository.py");
const service = () => path.join(root, "shop/service.py");
const asyncRepository = "async def save_user(user): ...\n";
const serviceCode = "from shop.repository import save_user\nasync def create(user):\n    save_user(user)\n";

function lint(file: string, code: string): string[] {
  const config = { files: ["**/*.py"], plugins: { "async-pitfalls": pythonPlugin }, language: "async-pitfalls/python", rules: { "async-pitfalls/no-unawaited-coroutine": "warn" } };
  return new Linter({ configType: "flat", cwd: root }).verify(code, [config as never], { filename: file }).map((message) => `${message.line}:${message.ruleId}`);
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "shared-parses-"));
  mkdirSync(path.join(root, "shop"));
  writeFileSync(path.join(root, "pyproject.toml"), "");
  writeFileSync(path.join(root, "shop/__init__.py"), "");
  writeFileSync(repository(), asyncRepository);
  writeFileSync(service(), serviceCode);
  clearProjectIndex();
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  clearProjectIndex();
});

describe("between the lint and the project index", () => {
  it("a module the index parsed for an import waits for its own lint, which takes that parse", () => {
    expect(lint(service(), serviceCode)).toEqual(["3:async-pitfalls/no-unawaited-coroutine"]);
    expect(waitingParse(repository(), asyncRepository)).toBeDefined();
    expect(lint(repository(), asyncRepository)).toEqual([]);
    expect(waitingParse(repository(), asyncRepository)).toBeUndefined();
  });

  it("a linted module's summary serves the index when the text on disk is the same", () => {
    lint(repository(), asyncRepository);
    const summary = lintedSummary(repository(), asyncRepository);
    expect(summary).toBeDefined();
    expect(moduleSummaryAt(repository())).toBe(summary);
  });

  it("but not when the linted text differs from the disk: the index reads the disk", () => {
    lint(repository(), "def save_user(user): ...\n"); // an unsaved edit, say
    expect(lint(service(), serviceCode)).toEqual(["3:async-pitfalls/no-unawaited-coroutine"]);
  });

  it("nothing is kept for a text with no file path", () => {
    rememberLintedModule("<input>", asyncRepository, parsePython(asyncRepository).root, root);
    expect(lintedSummary("<input>", asyncRepository)).toBeUndefined();
  });

  it("nor for test code or a module outside a package, which the index parses when something imports it", () => {
    const outside = path.join(root, "tool.py");
    const test = path.join(root, "shop/test_repository.py");
    for (const file of [outside, test]) {
      writeFileSync(file, asyncRepository);
      lint(file, asyncRepository);
      expect(lintedSummary(file, asyncRepository)).toBeUndefined();
      expect(moduleSummaryAt(file)?.symbols.get("save_user")).toMatchObject({ kind: "function", fn: { isAsync: true } });
    }
  });
});

describe("linted summaries", () => {
  it("answer only for the same text, also against another text of the same length", () => {
    const summary = { symbols: new Map(), starImports: [] };
    rememberLinted("/p/a.py", "x = 1\n", summary);
    expect(lintedSummary("/p/a.py", "x = 1\n")).toBe(summary);
    expect(lintedSummary("/p/a.py", "x = 2\n")).toBeUndefined();
    expect(lintedSummary("/p/b.py", "x = 1\n")).toBeUndefined();
  });

  it("follow the file's latest lint", () => {
    const first = { symbols: new Map(), starImports: [] };
    const second = { symbols: new Map(), starImports: [] };
    rememberLinted("/p/a.py", "x = 1\n", first);
    rememberLinted("/p/a.py", "x = 1\n", first); // a second rule recording the same lint
    expect(lintedSummary("/p/a.py", "x = 1\n")).toBe(first);
    rememberLinted("/p/a.py", "x = 2\n", second);
    expect(lintedSummary("/p/a.py", "x = 1\n")).toBeUndefined();
    expect(lintedSummary("/p/a.py", "x = 2\n")).toBe(second);
  });

  it("are kept by digest once the texts kept whole fill their budget, and still answer only for the same text", () => {
    const summary = { symbols: new Map(), starImports: [] };
    const large = "x".repeat(32_000_001); // more than all texts kept whole may hold
    rememberLinted("/p/large.py", large, summary);
    expect(lintedSummary("/p/large.py", "x".repeat(32_000_001))).toBe(summary);
    expect(lintedSummary("/p/large.py", `${"x".repeat(32_000_000)}y`)).toBeUndefined();
  });
});

describe("waiting parses", () => {
  const parsed = {} as ParsedPython;

  it("are taken once, and only for the same text", () => {
    offerParse("/p/a.py", "x = 1\n", parsed);
    expect(takeParse("/p/a.py", "x = 2\n")).toBeUndefined();
    offerParse("/p/a.py", "x = 1\n", parsed);
    expect(takeParse("/p/a.py", "x = 1\n")).toBe(parsed);
    expect(takeParse("/p/a.py", "x = 1\n")).toBeUndefined();
  });

  it("hold a bounded amount of text, the oldest making way", () => {
    const text = (fill: string) => fill.repeat(400_000);
    offerParse("/p/a.py", text("a"), parsed);
    offerParse("/p/b.py", text("b"), parsed);
    offerParse("/p/c.py", text("c"), parsed);
    expect(waitingParse("/p/a.py", text("a"))).toBeUndefined();
    expect(waitingParse("/p/b.py", text("b"))).toBe(parsed);
    expect(waitingParse("/p/c.py", text("c"))).toBe(parsed);
  });
});
