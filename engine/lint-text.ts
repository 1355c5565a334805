/**
 * Lint one in-memory document under its real path: what the language server calls on every change.
 * Uses ESLint's `Linter` (no eslint.config.js lookup, nothing executed). Each file gets the zero config plus the
 * declarative configuration file nearest to it (project-config.ts); an invalid configuration file is reported in
 * the result and the file is linted with the defaults.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { Linter } from "eslint";
import { zeroConfig, type EngineOptions } from "./config.js";
import { isAboutForeignDirective, withoutForeignDirectives } from "./foreign-directives.js";
import { ConfigError, loadConfigFile, nearestConfigFile, projectConfig, type ProjectConfig } from "./project-config.js";

export interface LintTextResult {
  readonly messages: Linter.LintMessage[];
  /** The text after all safe fixes (ESLint's multi-pass fixer), or undefined when nothing was fixed. */
  readonly fixedText?: string | undefined;
  /** The configuration file that governs the file, if any. */
  readonly configFile?: string | undefined;
  /** Why that configuration file could not be used; the file was linted with the defaults instead. */
  readonly configError?: ConfigError | undefined;
}

export interface TextLinterOptions {
  /**
   * A configuration file to use for every file instead of the nearest one (the editor's `configFile` setting). Its
   * ignore patterns are then relative to the linter's root, as with ESLint's `--config`.
   */
  readonly configFile?: string | undefined;
}

interface ResolvedConfig {
  readonly config: Linter.Config[];
  readonly configFile?: string | undefined;
  readonly configError?: ConfigError | undefined;
}

export class TextLinter {
  readonly #linter: Linter;
  readonly #cwd: string;
  readonly #options: EngineOptions;
  readonly #configFile: string | undefined;
  readonly #defaults: Linter.Config[];
  /** The flat config for each loaded configuration (a changed file loads as a new object). */
  readonly #configs = new WeakMap<ProjectConfig, Linter.Config[]>();

  constructor(cwd: string, options: EngineOptions = {}, textOptions: TextLinterOptions = {}) {
    this.#linter = new Linter({ configType: "flat", cwd });
    this.#cwd = cwd;
    this.#options = options;
    this.#configFile = textOptions.configFile === undefined ? undefined : path.resolve(cwd, textOptions.configFile);
    this.#defaults = zeroConfig(options);
  }

  /** The flat config for a file: the defaults plus its nearest configuration file, when that is valid. */
  resolveConfig(filePath: string): ResolvedConfig {
    const configFile = this.#configFile ?? nearestConfigFile(path.dirname(filePath));
    if (configFile === undefined) return { config: this.#defaults };
    try {
      const project = loadConfigFile(configFile);
      if (!project) {
        if (this.#configFile === undefined) return { config: this.#defaults };
        const problem = existsSync(configFile) ? "has no [tool.async-pitfalls] table" : "does not exist";
        return { config: this.#defaults, configFile, configError: new ConfigError(configFile, `the configuration file set in the editor ${problem}`) };
      }
      let config = this.#configs.get(project);
      if (!config) {
        config = projectConfig([this.#configFile === undefined ? project : { ...project, dir: this.#cwd }], this.#options);
        this.#configs.set(project, config);
      }
      return { config, configFile };
    } catch (error) {
      if (error instanceof ConfigError) return { config: this.#defaults, configFile, configError: error };
      throw error;
    }
  }

  /** Whether this path is linted at all (by extension, and not in an ignored folder or matching an ignore pattern). */
  lints(filePath: string): boolean {
    const { config } = this.resolveConfig(filePath);
    return this.#linter.verify("", config, { filename: filePath }).every((message) => !message.message.startsWith("No matching configuration"));
  }

  lint(text: string, filePath: string): LintTextResult {
    const { config, configFile, configError } = this.resolveConfig(filePath);
    return { messages: withoutForeignDirectives(this.#linter.verify(text, config, { filename: filePath })), configFile, configError };
  }

  /** Applies the safe fixes (never suggestions); `options.fix` picks which messages' fixes may be applied. */
  fix(text: string, filePath: string, options: { fix?: (message: Linter.LintMessage) => boolean } = {}): LintTextResult {
    const { config, configFile, configError } = this.resolveConfig(filePath);
    // ESLint's fixer takes a predicate for `fix` (its types only say boolean).
    const wanted = options.fix ?? (() => true);
    const fix = (message: Linter.LintMessage) => !isAboutForeignDirective(message) && wanted(message);
    const report = this.#linter.verifyAndFix(text, config, { filename: filePath, fix: fix as unknown as boolean });
    return { messages: withoutForeignDirectives(report.messages), fixedText: report.fixed ? report.output : undefined, configFile, configError };
  }
}
