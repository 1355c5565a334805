/**
 * One CLI run: collect files and the configuration files that govern them, lint with ESLint (the zero config plus
 * those configurations), apply fixes, format, decide the exit code.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { resultsWithoutForeignDirectives } from "../engine/foreign-directives.js";
import { configFileInFolder, loadConfigFile, nearestConfigFile } from "../engine/project-config.js";
import { hasTsconfigAbove, TYPED_EXTENSIONS } from "../engine/typed-where-project-parser.js";
import type { CliOptions } from "./args.js";
import { OPTIONS_ENV, type RunSettings } from "./eslint-options.js";
import { checkReadable, collectFiles } from "./files.js";
import { formatGithub } from "./formats/github.js";
import { formatSarif } from "./formats/sarif.js";
import { createProgress } from "./progress.js";
import { perRuleSummary } from "./summary.js";

export interface RunOutcome {
  readonly output: string;
  /** One line each, for stderr: skipped files and other notices. */
  readonly notices: string[];
  readonly exitCode: 0 | 1 | 2;
}

let runCount = 0;

/** ESLint from the options module, so that large runs can use every core (see eslint-options.ts). */
async function createEslint(settings: RunSettings): Promise<ESLint> {
  process.env[OPTIONS_ENV] = JSON.stringify(settings);
  runCount += 1;
  return ESLint.fromOptionsModule(new URL(`./eslint-options.js?run=${runCount}`, import.meta.url));
}

/** Lints in batches so a long run can show progress; each batch still uses ESLint's worker threads. */
async function lintAll(eslint: ESLint, files: readonly string[]): Promise<ESLint.LintResult[]> {
  const progress = createProgress(files.length);
  const batchSize = Math.max(500, Math.ceil(files.length / 10));
  const results: ESLint.LintResult[] = [];
  for (let start = 0; start < files.length; start += batchSize) {
    results.push(...(await eslint.lintFiles(files.slice(start, start + batchSize))));
    progress.update(Math.min(start + batchSize, files.length), files.length);
  }
  progress.finish();
  return results;
}

async function format(options: CliOptions, eslint: ESLint, results: ESLint.LintResult[], cwd: string): Promise<string> {
  switch (options.format) {
    case "sarif": {
      const sources = new Map<string, string>();
      for (const result of results) {
        if (result.messages.some((message) => message.fix)) sources.set(result.filePath, readFileSync(result.filePath, "utf8"));
      }
      return formatSarif(results, cwd, sources);
    }
    case "github":
      return formatGithub(results, cwd);
    case "json":
      return (await eslint.loadFormatter("json")).format(results);
    case "stylish": {
      const text = await (await eslint.loadFormatter("stylish")).format(results);
      const summary = perRuleSummary(results);
      return summary ? `${text.trimEnd()}\n  ${summary}\n` : text;
    }
  }
}

/**
 * The configuration files that govern a run: the nearest one for each given path (in it or above it, up to the git
 * root) and those in the walked folders. Each is loaded, so an invalid one throws its `ConfigError` here.
 */
function governingConfigFiles(paths: readonly string[], cwd: string, configFolders: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const given of paths) {
    const full = path.resolve(cwd, given);
    const nearest = nearestConfigFile(statSync(full).isDirectory() ? full : path.dirname(full));
    if (nearest) found.add(nearest);
  }
  for (const folder of configFolders) {
    const file = configFileInFolder(folder);
    if (file) found.add(file);
  }
  const files = [...found].sort();
  for (const file of files) loadConfigFile(file);
  return files;
}

export async function run(options: CliOptions, cwd: string): Promise<RunOutcome> {
  const notices: string[] = [];
  let unreadable = false;
  const configFolders = new Set<string>();
  const collected = collectFiles(options.paths, cwd, configFolders);
  const configFiles = governingConfigFiles(options.paths, cwd, configFolders);
  const files = collected.filter((file) => {
    const check = checkReadable(file);
    if (check.ok) return true;
    notices.push(`skipped ${file}: ${check.reason}`);
    if (check.reason.startsWith("cannot be read")) unreadable = true;
    return false;
  });

  const typed = !options.untyped && files.some((file) => TYPED_EXTENSIONS.has(path.extname(file).toLowerCase()) && hasTsconfigAbove(path.dirname(path.resolve(cwd, file))));
  const eslint = await createEslint({ cwd, fix: options.fix, onlyRules: options.rules, configFiles, typed });
  let results = files.length > 0 ? resultsWithoutForeignDirectives(await lintAll(eslint, files)) : [];
  if (options.fix) await ESLint.outputFixes(results);
  if (options.quiet) results = ESLint.getErrorResults(results);

  const output = await format(options, eslint, results, cwd);
  const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
  const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
  const findings = errors > 0 || (!options.quiet && warnings > options.maxWarnings);
  return { output, notices, exitCode: unreadable ? 2 : findings ? 1 : 0 };
}
