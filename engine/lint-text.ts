/**
 * Lint one in-memory document under its real path: what the language server calls on every change.
 * Uses ESLint's `Linter` (no file-system config lookup); the config is built once per engine.
 */
import { Linter } from "eslint";
import { zeroConfig, type EngineOptions } from "./config.js";

export interface LintTextResult {
  readonly messages: Linter.LintMessage[];
  /** The text after all safe fixes (ESLint's multi-pass fixer), or undefined when nothing was fixed. */
  readonly fixedText?: string;
}

export class TextLinter {
  readonly #linter: Linter;
  readonly #config: Linter.Config[];

  constructor(cwd: string, options: EngineOptions = {}) {
    this.#linter = new Linter({ configType: "flat", cwd });
    this.#config = zeroConfig(options);
  }

  /** Whether the zero config lints this path at all (by extension, and not in an ignored folder). */
  lints(filePath: string): boolean {
    return this.#linter.verify("", this.#config, { filename: filePath }).every((message) => !message.message.startsWith("No matching configuration"));
  }

  lint(text: string, filePath: string): LintTextResult {
    return { messages: this.#linter.verify(text, this.#config, { filename: filePath }) };
  }

  fix(text: string, filePath: string): LintTextResult {
    const report = this.#linter.verifyAndFix(text, this.#config, { filename: filePath });
    return { messages: report.messages, fixedText: report.fixed ? report.output : undefined };
  }
}
