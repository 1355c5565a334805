/**
 * The plugin as a whole: the catalogue, the implementations, the docs and the configs agree with each other.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Linter } from "eslint";
import { catalog, docsUrl, type CatalogEntry } from "../../rules/catalog.js";
import plugin from "../../rules/index.js";
import { pythonRules } from "../../rules/python/rules.js";
import { typescriptRules } from "../../rules/typescript/rules.js";

const repo = path.resolve(import.meta.dirname, "../..");
const entries = catalog as readonly CatalogEntry[];

describe("catalogue, implementations and docs", () => {
  it.each(entries.map((entry) => [entry.id, entry] as const))("%s is implemented for exactly its languages", (id, entry) => {
    expect(id in pythonRules).toBe(entry.languages.includes("python"));
    expect(id in typescriptRules).toBe(entry.languages.includes("typescript"));
  });

  it.each(entries.map((entry) => [entry.id] as const))("%s has a doc page with a section per language, and links to it", (id) => {
    const page = path.join(repo, "docs/rules", `${id}.md`);
    expect(existsSync(page)).toBe(true);
    const text = readFileSync(page, "utf8");
    expect(text.startsWith(`# ${id}`)).toBe(true);
    expect(text).toMatch(/## Why it matters/u);
    expect(text).not.toMatch(/Coming with the (Python|TypeScript) rule/u);
    const rule = (plugin.rules as Record<string, { meta?: { docs?: { url?: string } } }>)[id];
    expect(rule?.meta?.docs?.url ?? docsUrl(id)).toBe(docsUrl(id));
    expect(docsUrl(id)).toMatch(new RegExp(`/docs/rules/${id}\\.md$`, "u"));
  });

  it("every rule is in the recommended config, for the files of its languages only", () => {
    const recommended = plugin.configs["recommended"]!;
    const python = recommended.find((config) => config.files?.includes("**/*.py"))!;
    const typescript = recommended.find((config) => config.files?.includes("**/*.ts"))!;
    for (const entry of entries) {
      expect(`async-pitfalls/${entry.id}` in (python.rules ?? {})).toBe(entry.languages.includes("python"));
      expect(`async-pitfalls/${entry.id}` in (typescript.rules ?? {})).toBe(entry.languages.includes("typescript"));
    }
  });
});

describe("a rule id shared by both languages", () => {
  const linter = new Linter({ configType: "flat", cwd: repo });
  const lint = (text: string, file: string) =>
    linter.verify(text, plugin.configs["recommended"]!, { filename: path.join(repo, file) }).map((message) => message.message);

  it("runs the Python implementation on Python files and the TypeScript one on TS files", () => {
    expect(lint("import time\nasync def f():\n    time.sleep(1)\n", "x.py")[0]).toContain("inside 'async def'");
    expect(lint("export async function f(v: Int32Array) { Atomics.wait(v, 0, 0, 1); }\n", "x.ts")[0]).toContain("inside an async function");
  });
});
