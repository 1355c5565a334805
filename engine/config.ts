/**
 * The zero-config flat config shared by the CLI and the language server: the plugin's recommended configs plus
 * ignores for dependency folders, virtualenvs and build output.
 */
import type { Linter } from "eslint";
import plugin from "../rules/index.js";

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
  if (options.tolerateSyntaxErrors) {
    configs.push({ name: "async-pitfalls/tolerate-syntax-errors", files: ["**/*.py", "**/*.pyi"], languageOptions: { syntaxErrors: "tolerate" } });
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
