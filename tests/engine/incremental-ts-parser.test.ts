import tsParser from "@typescript-eslint/parser";
import path from "node:path";
import { forgetTypescriptSourceFile, incrementalTypescriptParser } from "../../engine/incremental-ts-parser.js";
import { TextLinter } from "../../engine/lint-text.js";

type Parse = (code: string, options: Record<string, unknown>) => { ast: unknown };
const incremental = (incrementalTypescriptParser as unknown as { parseForESLint: Parse }).parseForESLint;
const full = tsParser.parseForESLint as unknown as Parse;

/** The ESTree as plain data (no parent links), with its tokens and comments. */
function snapshot(parse: Parse, code: string, filePath: string): string {
  try {
    const { ast } = parse(code, { filePath, ecmaFeatures: { jsx: true }, sourceType: "module", ecmaVersion: "latest" });
    return JSON.stringify(ast, (key, value: unknown) => (key === "parent" ? undefined : value));
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

function* typing(text: string, at: number, typed: string): Generator<string> {
  for (let i = 1; i <= typed.length; i++) yield text.slice(0, at) + typed.slice(0, i) + text.slice(at);
  for (let i = typed.length - 1; i >= 0; i--) yield text.slice(0, at) + typed.slice(0, i) + text.slice(at);
}

const SOURCE = `import { readFile } from "node:fs/promises";
/** A service. */
export class Service {
  constructor(private readonly base: string) {}

  async load(items: readonly string[]): Promise<number[]> {
    const out: number[] = [];
    for (const item of items) {
      out.push((await readFile(this.base + item, "utf8")).length); // size
    }
    return out;
  }
}
const view = <div className={\`a\${1}\`}>{items.map((x) => <span key={x}>{x}</span>)}</div>;
`;

describe("incremental TypeScript parsing", () => {
  const file = path.join(process.cwd(), "virtual", "typing.tsx");
  afterEach(() => forgetTypescriptSourceFile(file));

  it("gives exactly the AST, tokens and comments of a full parse, keystroke by keystroke, errors included", () => {
    const at = SOURCE.indexOf("    return out;");
    let compared = 0;
    for (const text of typing(SOURCE, at, "    const extra = await readFile(`${this.base}/x`, 'utf8'); /* t */\n")) {
      expect(snapshot(incremental, text, file)).toBe(snapshot(full, text, file));
      compared++;
    }
    // Typing inside JSX and a template literal, a regex, then whole-text replacements.
    for (const text of typing(SOURCE, SOURCE.indexOf("</span>"), " {x / 2} /ab+c/g")) {
      expect(snapshot(incremental, text, file)).toBe(snapshot(full, text, file));
    }
    for (const text of ["", SOURCE, "class {", SOURCE.replace("async load", "load"), SOURCE]) {
      expect(snapshot(incremental, text, file)).toBe(snapshot(full, text, file));
    }
    expect(compared).toBeGreaterThan(100);
  });

  it("gives the editor's linter the same findings as a full parse while typing", () => {
    const root = process.cwd();
    const editor = new TextLinter(root, { tolerateSyntaxErrors: true, incrementalParsing: true });
    const plain = new TextLinter(root, { tolerateSyntaxErrors: true });
    const ts = path.join(root, "virtual", "typing.ts");
    const code = SOURCE.slice(0, SOURCE.indexOf("const view"));
    let found = 0;
    for (const text of typing(code, code.indexOf("    return out;"), "    readFileSync('x');\n")) {
      const findings = (linter: TextLinter) => linter.lint(text, ts).messages.map((m) => `${m.line}:${m.column} ${m.ruleId ?? m.message}`);
      const seen = findings(editor);
      expect(seen).toEqual(findings(plain));
      found += seen.length;
    }
    forgetTypescriptSourceFile(ts);
    expect(found).toBeGreaterThan(0);
  });
});
