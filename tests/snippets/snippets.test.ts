/**
 * The snippets teach the correct patterns, so each one, expanded with its placeholders' defaults, must parse and
 * lint clean with the real engine. Statement snippets are placed in an async function, as they would be used.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { TextLinter } from "../../engine/lint-text.js";

const repoRoot = path.resolve(import.meta.dirname, "../..");

interface Snippet {
  readonly prefix: string | string[];
  readonly description: string;
  readonly body: string | string[];
}

function readSnippets(file: string): Array<[string, Snippet]> {
  return Object.entries(JSON.parse(readFileSync(path.join(repoRoot, "snippets", file), "utf8")) as Record<string, Snippet>);
}

/**
 * Expands a snippet body (VS Code's TextMate snippet syntax): `${1:default}` becomes its default, `$1`/`${1}` the
 * default given to tab stop 1 elsewhere, `${1|a,b|}` its first choice, `$0` nothing; `\$`, `\}` and `\\` are
 * escapes. Throws on syntax it does not know, so a typo in a snippet fails the test.
 */
export function expandSnippet(body: string): string {
  const defaults = new Map<string, string>();
  // First pass: collect the defaults (innermost first, so nested placeholders resolve).
  const parse = (text: string, at: number, stopAt: string | undefined, record: boolean): [string, number] => {
    let out = "";
    let i = at;
    while (i < text.length) {
      const ch = text[i]!;
      if (stopAt !== undefined && ch === stopAt) return [out, i];
      if (ch === "\\" && i + 1 < text.length && "$}\\,|".includes(text[i + 1]!)) {
        out += text[i + 1];
        i += 2;
        continue;
      }
      if (ch !== "$") {
        out += ch;
        i += 1;
        continue;
      }
      const bare = /^\$(\d+)/u.exec(text.slice(i));
      if (bare) {
        out += `\u0000${bare[1]}\u0000`;
        i += bare[0].length;
        continue;
      }
      const open = /^\$\{(\d+)(:|\||\})/u.exec(text.slice(i));
      if (!open) throw new Error(`unsupported snippet syntax at ${JSON.stringify(text.slice(i, i + 20))}`);
      const id = open[1]!;
      i += open[0].length;
      if (open[2] === "}") {
        out += `\u0000${id}\u0000`;
      } else if (open[2] === ":") {
        const [inner, end] = parse(text, i, "}", record);
        if (record && !defaults.has(id)) defaults.set(id, inner);
        out += `\u0000${id}\u0000`;
        i = end + 1;
      } else {
        const close = text.indexOf("|}", i);
        if (close === -1) throw new Error("unterminated choice");
        const first = text.slice(i, close).split(",")[0]!;
        if (record && !defaults.has(id)) defaults.set(id, first);
        out += `\u0000${id}\u0000`;
        i = close + 2;
      }
    }
    if (stopAt !== undefined) throw new Error(`unterminated placeholder in ${JSON.stringify(text)}`);
    return [out, i];
  };
  const [marked] = parse(body, 0, undefined, true);
  const resolve = (text: string, depth = 0): string => {
    if (depth > 10) throw new Error("placeholders nest too deep");
    return text.replace(/\u0000(\d+)\u0000/gu, (_, id: string) => (id === "0" && !defaults.has("0") ? "" : resolve(defaults.get(id) ?? "", depth + 1)));
  };
  return resolve(marked);
}

function bodyOf(snippet: Snippet): string {
  return Array.isArray(snippet.body) ? snippet.body.join("\n") : snippet.body;
}

/** Python: `import asyncio` on top; statements that await go into an `async def`. */
function pythonModule(expanded: string): string {
  const lines = expanded.split("\n");
  const awaitsAtTop = lines.some((line) => /^(?:async\s+(?:with|for)\b|.*\bawait\b)/u.test(line));
  const body = awaitsAtTop ? `async def snippet_host():\n${lines.map((line) => (line === "" ? "" : `    ${line}`)).join("\n")}` : expanded;
  return `import asyncio\n\n\n${body.trimEnd()}\n`;
}

/** TS/JS: statements that await go into an `async function`. */
function scriptModule(expanded: string): string {
  const lines = expanded.split("\n");
  const awaitsAtTop = lines.some((line) => /^(?!\s)(?:.*\bawait\b|for await\b)/u.test(line));
  const body = awaitsAtTop ? `export async function snippetHost() {\n${lines.map((line) => (line === "" ? "" : `  ${line}`)).join("\n")}\n}` : expanded;
  return `${body.trimEnd()}\n`;
}

let workspace: string;
let linter: TextLinter;

beforeAll(() => {
  workspace = mkdtempSync(path.join(tmpdir(), "ap-snippets-"));
  linter = new TextLinter(workspace);
});

afterAll(() => {
  rmSync(workspace, { recursive: true, force: true });
});

describe("snippet expansion", () => {
  it("resolves defaults, mirrors, choices, escapes and the final tab stop", () => {
    expect(expandSnippet("${1:a} = ${2:f}($1)\n$0")).toBe("a = f(a)\n");
    expect(expandSnippet("${1:outer ${2:inner}} $2 ${3|x,y|} \\$4 \\}")).toBe("outer inner inner x $4 }");
    expect(() => expandSnippet("${TM_SELECTED_TEXT}")).toThrow(/unsupported/u);
  });
});

describe("the manifest", () => {
  it("contributes the Python snippets for Python and the TS snippets for TS, TSX, JS and JSX", () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
      contributes: { snippets: Array<{ language: string; path: string }> };
    };
    const byLanguage = Object.fromEntries(manifest.contributes.snippets.map((entry) => [entry.language, entry.path]));
    expect(byLanguage).toEqual({
      python: "./snippets/python.json",
      typescript: "./snippets/typescript.json",
      typescriptreact: "./snippets/typescript.json",
      javascript: "./snippets/typescript.json",
      javascriptreact: "./snippets/typescript.json",
    });
  });

  it("gives every snippet a prefix, a description and a body; prefixes are unique", () => {
    for (const file of ["python.json", "typescript.json"]) {
      const prefixes: string[] = [];
      for (const [name, snippet] of readSnippets(file)) {
        expect(snippet.description, name).toMatch(/\S/u);
        expect(bodyOf(snippet), name).toMatch(/\S/u);
        prefixes.push(...(Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix]));
      }
      expect(new Set(prefixes).size).toBe(prefixes.length);
    }
  });
});

describe("Python snippets", () => {
  const snippets = readSnippets("python.json");

  it("has the promised patterns", () => {
    const all = snippets.map(([, snippet]) => bodyOf(snippet)).join("\n");
    for (const needle of ["asyncio.TaskGroup()", "asyncio.Semaphore(", "asyncio.gather(", "asyncio.timeout(", "asyncio.to_thread(", "add_done_callback(", "task_done()"]) {
      expect(all).toContain(needle);
    }
  });

  it.each(snippets)("%s: parses and lints clean", (name, snippet) => {
    const text = pythonModule(expandSnippet(bodyOf(snippet)));
    execFileSync("python3", ["-c", "import ast,sys; ast.parse(sys.stdin.read())"], { input: text, stdio: ["pipe", "pipe", "pipe"] });
    const messages = linter.lint(text, path.join(workspace, "snippet.py")).messages;
    expect(messages.map((message) => `${message.line}: ${message.ruleId}: ${message.message}`), `${name}:\n${text}`).toEqual([]);
  });
});

describe("TypeScript/JavaScript snippets", () => {
  const snippets = readSnippets("typescript.json");

  it("has the promised patterns", () => {
    const all = snippets.map(([, snippet]) => bodyOf(snippet)).join("\n");
    for (const needle of ["AbortSignal.timeout(", "Promise.all(", "for (const", "Promise.race(", "clearTimeout("]) expect(all).toContain(needle);
  });

  for (const extension of [".ts", ".tsx", ".js", ".jsx"]) {
    it.each(snippets)(`%s: parses and lints clean as ${extension}`, (name, snippet) => {
      const text = scriptModule(expandSnippet(bodyOf(snippet)));
      const messages = linter.lint(text, path.join(workspace, `snippet${extension}`)).messages;
      expect(messages.map((message) => `${message.line}: ${message.ruleId}: ${message.message}`), `${name}:\n${text}`).toEqual([]);
    });
  }
});
