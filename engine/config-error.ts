/**
 * A problem in a configuration file (`pyproject.toml`'s `[tool.async-pitfalls]` or `async-pitfalls.json`): which
 * file, where in it (1-based line and column, the key when it is known), and one line saying what is wrong and
 * what is allowed. The CLI prints it and exits 2; the language server shows it as a diagnostic on the file.
 */
import path from "node:path";

/** A place in a configuration file: 1-based line and column (UTF-16 code units), and the length of the token there. */
export interface SourceLocation {
  readonly line: number;
  readonly column: number;
  /** The length of the key or value at that place, when known. */
  readonly length?: number;
}

/** A key path inside a configuration: `["rules", "no-blocking-call", 1, "maxKnownSize"]`. */
export type KeyPath = readonly (string | number)[];

export class ConfigError extends Error {
  override readonly name = "ConfigError";

  constructor(
    /** The configuration file, absolute. */
    readonly file: string,
    /** One line: what is wrong and what is allowed. */
    readonly problem: string,
    readonly location: SourceLocation = { line: 1, column: 1 },
  ) {
    super(`${file}:${location.line}:${location.column}: ${problem}`);
  }

  /** `<file>:<line>:<col>: <problem>`, the file relative to `cwd` when it lies below it. */
  format(cwd?: string): string {
    let shown = this.file;
    if (cwd !== undefined) {
      const relative = path.relative(cwd, this.file);
      if (relative && !relative.startsWith("..") && !path.isAbsolute(relative)) shown = relative;
    }
    return `${shown}:${this.location.line}:${this.location.column}: ${this.problem}`;
  }
}
