/**
 * The zero-config flat config shared by the CLI and the language server: the plugin's recommended configs plus
 * ignores for dependency folders, virtualenvs and build output.
 */
import type { Linter } from "eslint";
import plugin from "../rules/index.js";
import { TYPE_CHECKED_FILES, TYPESCRIPT_FILES } from "../rules/typescript/plugin.js";
import { incrementalTypescriptParser } from "./incremental-ts-parser.js";
import { typedWhereProjectParser } from "./typed-where-project-parser.js";

export const LINTED_EXTENSIONS = [".py", ".pyi", ".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];

/** Folders no one wants linted: dependencies, virtualenvs, caches and build output. */
export const IGNORED_FOLDERS = [
  "node_modules", ".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "__pycache__", "site-packages",
  ".mypy_cache", ".pytest_cache", ".ruff_cache", "dist", "build", "out", "coverage", ".next", ".cache",
];

export const DEFAULT_IGNORES = [...IGNORED_FOLDERS.map((name) => `**/${name}/`), "**/*.min.js"];

export interface EngineOptions {
  /** Lint the sound parts of Python files that do not parse completely (the editor, while typing). */
  tolerateSyntaxErrors?: boolean;
  /**
   * Parse each file's next text as an edit of its last parse (the editor, while typing): Python through
   * retained-trees.ts, TypeScript/JavaScript through incremental-ts-parser.ts.
   */
  incrementalParsing?: boolean;
  /**
   * Type information for TypeScript files that a tsconfig.json includes (the CLI, unless `--untyped`): the project
   * service, with tsconfig paths relative to this folder; other files stay untyped (typed-where-project-parser.ts).
   */
  typeInformation?: { readonly tsconfigRootDir: string };
  /** Only these rule ids (without prefix) run; others are switched off. */
  onlyRules?: readonly string[];
}

/** Blocks from configuration files (see project-config.ts), placed where each kind belongs. */
export interface ProjectBlocks {
  /** Global ignores: before the default ignores, so a negated pattern cannot bring back `node_modules`. */
  readonly ignores: readonly Linter.Config[];
  /** Rule settings: after the recommended configs, before `onlyRules`. */
  readonly rules: readonly Linter.Config[];
}

export function zeroConfig(options: EngineOptions = {}, project: ProjectBlocks = { ignores: [], rules: [] }): Linter.Config[] {
  const configs: Linter.Config[] = [
    ...project.ignores,
    { name: "async-pitfalls/ignores", ignores: DEFAULT_IGNORES },
    ...plugin.configs["recommended"]!,
  ];
  if (options.tolerateSyntaxErrors || options.incrementalParsing) {
    configs.push({
      name: "async-pitfalls/editor-parsing",
      files: ["**/*.py", "**/*.pyi"],
      languageOptions: {
        ...(options.tolerateSyntaxErrors ? { syntaxErrors: "tolerate" } : {}),
        ...(options.incrementalParsing ? { incremental: true } : {}),
      },
    });
  }
  if (options.typeInformation) {
    configs.push({
      name: "async-pitfalls/type-information",
      files: TYPE_CHECKED_FILES,
      languageOptions: {
        parser: typedWhereProjectParser,
        parserOptions: { projectService: true, tsconfigRootDir: options.typeInformation.tsconfigRootDir },
      },
    });
  }
  if (options.incrementalParsing) {
    configs.push({ name: "async-pitfalls/incremental-typescript", files: TYPESCRIPT_FILES, languageOptions: { parser: incrementalTypescriptParser } });
  }
  configs.push(...project.rules);
  if (options.onlyRules) {
    const keep = new Set(options.onlyRules.map((id) => `async-pitfalls/${id}`));
    const off = Object.keys(plugin.rules ?? {})
      .map((id) => `async-pitfalls/${id}`)
      .filter((id) => !keep.has(id));
    configs.push({ name: "async-pitfalls/only-rules", rules: Object.fromEntries(off.map((id) => [id, "off"])) });
  }
  return configs;
}

export { plugin };
