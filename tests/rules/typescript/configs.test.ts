/**
 * The plugin's shareable configs through ESLint's real `ESLint` class, on a small TypeScript project in a temp dir:
 * `recommended` lints untyped, `recommendedTypeChecked` asks the type checker for TypeScript files. Neither touches
 * Python files with the TypeScript parser.
 */
import { ESLint, type Linter } from "eslint";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import plugin from "../../../rules/index.js";

let root: string;

function write(name: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
  writeFileSync(path.join(root, name), text);
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), "async-pitfalls-configs-"));
  write("package.json", JSON.stringify({ name: "tiny", type: "module" }));
  write(
    "tsconfig.json",
    JSON.stringify({
      compilerOptions: { target: "es2022", module: "nodenext", moduleResolution: "nodenext", strict: true, types: [], noEmit: true },
      include: ["src/**/*.ts"],
    }),
  );
  write(
    "src/repository.ts",
    [
      "export class Repository {",
      "  async save(id: string): Promise<void> {",
      "    void id;",
      "  }",
      "}",
      "export function createRepository(): Repository {",
      "  return new Repository();",
      "}",
      "",
    ].join("\n"),
  );
  write(
    "src/main.ts",
    [
      'import { createRepository, Repository } from "./repository.js";',
      "",
      "export async function sync(ids: readonly string[]): Promise<void> {",
      "  const repository = createRepository();",
      "  for (const id of ids) {",
      "    repository.save(id);", // only the checker knows the factory's result is a Repository
      "  }",
      "  done();", // same-file async function: found in both modes
      '  new Repository().save("last");', // the imported class's async method, read from its source: both modes
      "}",
      "",
      "async function done(): Promise<void> {}",
      "",
    ].join("\n"),
  );
  write("tools/script.js", ["async function main() {}", "main();", ""].join("\n"));
  write("app/worker.py", ["import time", "", "async def handler():", "    time.sleep(1)", ""].join("\n"));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const configs = plugin.configs as Record<string, Linter.Config[]>;

/** The user's addition for typed linting: where the tsconfig files live (`import.meta.dirname` in eslint.config.js). */
function tsconfigRootDir(): Linter.Config {
  return { files: ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"], languageOptions: { parserOptions: { tsconfigRootDir: root } } };
}

async function lint(config: Linter.Config[], file: string): Promise<{ rules: string[]; lines: number[]; fatal: string[] }> {
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config });
  const [result] = await eslint.lintFiles([path.join(root, file)]);
  const messages = result!.messages;
  return {
    rules: messages.filter((message) => message.ruleId).map((message) => `${message.line}:${message.ruleId}`),
    lines: messages.filter((message) => message.ruleId === "async-pitfalls/no-floating-promise").map((message) => message.line),
    fatal: messages.filter((message) => message.fatal).map((message) => message.message),
  };
}

describe("configs", () => {
  it("recommended: untyped, finds an imported class's async method on `new`, silent on a factory's result", async () => {
    const result = await lint(configs["recommended"]!, "src/main.ts");
    expect(result.fatal).toEqual([]);
    expect(result.lines).toEqual([8, 9]);
  });

  it("recommendedTypeChecked: the checker also knows the type of the factory's result", async () => {
    const result = await lint([...configs["recommendedTypeChecked"]!, tsconfigRootDir()], "src/main.ts");
    expect(result.fatal).toEqual([]);
    expect(result.lines).toEqual([6, 8, 9]);
  });

  it("recommendedTypeChecked leaves JavaScript files untyped (no tsconfig covers them)", async () => {
    const result = await lint([...configs["recommendedTypeChecked"]!, tsconfigRootDir()], "tools/script.js");
    expect(result.fatal).toEqual([]);
    expect(result.lines).toEqual([2]);
  });

  for (const name of ["recommended", "recommendedTypeChecked"]) {
    it(`${name}: TypeScript blocks have files globs and never apply to Python files`, async () => {
      const config = configs[name]!;
      for (const block of config) {
        expect(block.files, `${block.name} has files`).toBeDefined();
        const globs = (block.files ?? []).flat() as string[];
        expect(globs.some((glob) => glob.endsWith(".py") || glob.endsWith(".pyi"))).toBe(block.name === "async-pitfalls/python");
      }
      const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [...config, tsconfigRootDir()] });
      const computed = (await eslint.calculateConfigForFile(path.join(root, "app/worker.py"))) as Linter.Config;
      expect(computed.languageOptions?.parserOptions).toBeUndefined();
      const result = await lint([...config, tsconfigRootDir()], "app/worker.py");
      expect(result.fatal).toEqual([]);
      expect(result.rules).toContain("4:async-pitfalls/no-blocking-sleep");
    });
  }
});
