/** One CLI run: collect files, lint them with ESLint and the zero config, apply fixes, format, decide the exit code. */
import { readFileSync } from "node:fs";
import { ESLint } from "eslint";
import { zeroConfig } from "../engine/config.js";
import type { CliOptions } from "./args.js";
import { checkReadable, collectFiles } from "./files.js";
import { formatSarif } from "./formats/sarif.js";

export interface RunOutcome {
  readonly output: string;
  /** One line each, for stderr: skipped files and other notices. */
  readonly notices: string[];
  readonly exitCode: 0 | 1 | 2;
}

export async function run(options: CliOptions, cwd: string): Promise<RunOutcome> {
  const notices: string[] = [];
  let unreadable = false;
  const files = collectFiles(options.paths, cwd).filter((file) => {
    const check = checkReadable(file);
    if (check.ok) return true;
    notices.push(`skipped ${file}: ${check.reason}`);
    if (check.reason.startsWith("cannot be read")) unreadable = true;
    return false;
  });

  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: zeroConfig(),
    fix: options.fix,
    errorOnUnmatchedPattern: false,
    warnIgnored: false,
  });
  let results = files.length > 0 ? await eslint.lintFiles(files) : [];
  if (options.fix) await ESLint.outputFixes(results);
  if (options.quiet) results = ESLint.getErrorResults(results);

  let output: string;
  if (options.format === "sarif") {
    const sources = new Map<string, string>();
    for (const result of results) {
      if (result.messages.some((message) => message.fix)) sources.set(result.filePath, readFileSync(result.filePath, "utf8"));
    }
    output = formatSarif(results, cwd, sources);
  } else {
    output = await (await eslint.loadFormatter(options.format)).format(results);
  }

  const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
  const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
  const findings = errors > 0 || (!options.quiet && warnings > options.maxWarnings);
  return { output, notices, exitCode: unreadable ? 2 : findings ? 1 : 0 };
}
