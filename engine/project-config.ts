/**
 * Project configuration: the declarative files (see config-files.ts) turned into flat-config blocks on top of the
 * zero config. Nothing in them is executed.
 *
 * The model: **the nearest configuration file governs a file, alone.** Its settings apply on top of the built-in
 * defaults; configuration files further up are not merged in (as with ruff, black or mypy). So a sub-project with
 * its own `pyproject.toml` is configured by that file only, and a parent's rule settings and ignores stop at it.
 *
 * In ESLint terms each configuration becomes blocks with `basePath` set to its folder: its `ignores` (relative to
 * that folder) and its rule settings (Python rules for Python files, TS/JS rules for TS/JS files). A configuration
 * that has nested configurations below it (a run over a whole monorepo) leaves their folders alone: its rule blocks
 * ignore them and its ignore patterns are negated for them.
 */
import { statSync } from "node:fs";
import path from "node:path";
import { Linter } from "eslint";
import { PYTHON_FILES } from "../rules/python/plugin.js";
import { pythonRules } from "../rules/python/rules.js";
import { TYPESCRIPT_FILES } from "../rules/typescript/plugin.js";
import { typescriptRules } from "../rules/typescript/rules.js";
import { zeroConfig, type EngineOptions } from "./config.js";
import { ConfigError, type KeyPath } from "./config-error.js";
import { configFileIn, findConfigFile, readConfigSource, type ConfigSource } from "./config-files.js";
import { readSettings, RULE_PREFIX, SchemaProblem, type ProjectSettings, type RuleSetting } from "./config-schema.js";

export { ConfigError } from "./config-error.js";

/** A valid configuration file. */
export interface ProjectConfig {
  /** The configuration file, absolute. */
  readonly file: string;
  /** Its folder: the one it governs, with everything below (down to nested configuration files). */
  readonly dir: string;
  readonly settings: ProjectSettings;
}

const PYTHON_RULE_IDS = new Set(Object.keys(pythonRules));
const TYPESCRIPT_RULE_IDS = new Set(Object.keys(typescriptRules));
export const RULE_IDS: readonly string[] = [...new Set([...PYTHON_RULE_IDS, ...TYPESCRIPT_RULE_IDS])].sort();

// ---------------------------------------------------------------------------------------------------------------
// Loading, cached by path + modification time + size.

interface CacheEntry {
  readonly mtimeMs: number;
  readonly size: number;
  readonly result: ProjectConfig | ConfigError | undefined;
}

const cache = new Map<string, CacheEntry>();

/**
 * The configuration in `file`: undefined when the file does not exist or is a pyproject.toml without a
 * `[tool.async-pitfalls]` table; throws a `ConfigError` when it is invalid (syntax, schema or rule options).
 */
export function loadConfigFile(file: string): ProjectConfig | undefined {
  const absolute = path.resolve(file);
  let stats;
  try {
    stats = statSync(absolute);
  } catch {
    cache.delete(absolute);
    return undefined;
  }
  let entry = cache.get(absolute);
  if (!entry || entry.mtimeMs !== stats.mtimeMs || entry.size !== stats.size) {
    entry = { mtimeMs: stats.mtimeMs, size: stats.size, result: readProjectConfig(absolute) };
    cache.set(absolute, entry);
  }
  if (entry.result instanceof ConfigError) throw entry.result;
  return entry.result;
}

/** Forgets what was read from `file` (or from every file), so the next load reads it again. */
export function forgetConfigFile(file?: string): void {
  if (file === undefined) cache.clear();
  else cache.delete(path.resolve(file));
}

function readProjectConfig(file: string): ProjectConfig | ConfigError | undefined {
  try {
    const source = readConfigSource(file);
    if (!source) return undefined;
    let settings: ProjectSettings;
    try {
      settings = readSettings(source.settings, source.form, RULE_IDS);
    } catch (error) {
      if (error instanceof SchemaProblem) return located(source, error.message, error.path);
      throw error;
    }
    for (const rule of settings.rules) {
      const problem = checkRuleOptions(rule);
      if (problem) return located(source, problem.message, problem.path);
    }
    return { file, dir: path.dirname(file), settings };
  } catch (error) {
    if (error instanceof ConfigError) return error;
    return new ConfigError(file, `cannot be read: ${(error as Error).message.split("\n")[0]}`);
  }
}

function located(source: ConfigSource, message: string, keyPath: KeyPath): ConfigError {
  return new ConfigError(source.file, message, source.locate(keyPath));
}

/** Whether `file` is a configuration file (valid or not): what discovery stops at. */
function isConfiguration(file: string): boolean {
  try {
    return loadConfigFile(file) !== undefined;
  } catch (error) {
    if (error instanceof ConfigError) return true;
    throw error;
  }
}

/** The nearest configuration file for files in `dir` (see config-files.ts), or undefined. */
export function nearestConfigFile(dir: string): string | undefined {
  return findConfigFile(dir, isConfiguration);
}

/** The configuration file in `dir` itself (not above it), or undefined. */
export function configFileInFolder(dir: string): string | undefined {
  return configFileIn(dir, isConfiguration);
}

// ---------------------------------------------------------------------------------------------------------------
// Rule options, checked by ESLint against each rule's schema.

const optionsLinter = new Linter({ configType: "flat", cwd: path.parse(process.cwd()).root });

/** ESLint's complaint about one rule's options, or undefined when it accepts them. */
function eslintComplaint(id: string, options: readonly unknown[]): string | undefined {
  const extension = PYTHON_RULE_IDS.has(id) ? ".py" : ".ts";
  const filename = path.join(path.parse(process.cwd()).root, `async-pitfalls-options-check${extension}`);
  const config: Linter.Config[] = [
    ...zeroConfig(),
    { files: extension === ".py" ? PYTHON_FILES : TYPESCRIPT_FILES, rules: { [`${RULE_PREFIX}${id}`]: ["warn", ...options] as Linter.RuleEntry } },
  ];
  try {
    optionsLinter.verify("", config, { filename });
    return undefined;
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    if (!message.startsWith('Key "rules"')) throw error;
    return message
      .split("\n")
      .slice(1)
      .map((line) => line.trim())
      .filter(Boolean)
      .join(" ");
  }
}

function checkRuleOptions(rule: RuleSetting): { message: string; path: KeyPath } | undefined {
  if (rule.options.length === 0) return undefined;
  const complaint = eslintComplaint(rule.id, rule.options);
  if (complaint === undefined) return undefined;
  const name = `rule "${rule.id}"`;
  const tooMany = /should NOT have more than (\d+) items/u.exec(complaint);
  if (tooMany) {
    const allowed = Number(tooMany[1]);
    const message = allowed === 0 ? `${name} takes no options; write only a severity ("off", "warn" or "error")` : `${name}: too many options; it takes [severity, { options }]`;
    return { message, path: [...rule.path, allowed + 1] };
  }
  // Find the option that is wrong: the first key of the options object that ESLint rejects on its own.
  const [first] = rule.options;
  let culprit: string | undefined;
  let detail = complaint;
  if (rule.options.length === 1 && typeof first === "object" && first !== null && !Array.isArray(first)) {
    for (const [key, value] of Object.entries(first)) {
      const alone = eslintComplaint(rule.id, [{ [key]: value }]);
      if (alone !== undefined && !/required/u.test(alone)) {
        culprit = key;
        detail = alone;
        break;
      }
    }
  }
  const unexpected = /Unexpected property "([^"]+)"\. Expected properties: (.+?)\.?$/u.exec(detail);
  if (unexpected) {
    return { message: `${name}: unknown option "${unexpected[1]}"; allowed options: ${unexpected[2]}`, path: [...rule.path, 1, unexpected[1]!] };
  }
  const text = detail.replace(/^Value /u, "value ").replace(/\.$/u, "");
  if (culprit !== undefined) return { message: `${name}: option "${culprit}": ${text}`, path: [...rule.path, 1, culprit] };
  return { message: `${name}: invalid options: ${text}`, path: [...rule.path, 1] };
}

// ---------------------------------------------------------------------------------------------------------------
// Flat-config blocks.

export interface ConfigBlocks {
  /** Global ignores, one block per configuration with ignores; they go before the default ignores. */
  readonly ignores: Linter.Config[];
  /** Rule settings; they go after the recommended configs. */
  readonly rules: Linter.Config[];
}

function posixRelative(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join("/");
}

function ruleEntry(rule: RuleSetting): Linter.RuleEntry {
  return (rule.options.length > 0 ? [rule.severity, ...rule.options] : rule.severity) as Linter.RuleEntry;
}

/** Flat-config blocks for these configurations, each scoped to its folder minus the folders of nested ones. */
export function configBlocks(configs: readonly ProjectConfig[]): ConfigBlocks {
  const unique = [...new Map(configs.map((config) => [config.file, config])).values()];
  // Parents before children, so that a child's blocks come later (and its ignore patterns apply after a parent's).
  unique.sort((a, b) => a.dir.split(path.sep).length - b.dir.split(path.sep).length || a.dir.localeCompare(b.dir));
  const ignores: Linter.Config[] = [];
  const rules: Linter.Config[] = [];
  for (const config of unique) {
    const nested = unique
      .filter((other) => other !== config && other.dir !== config.dir && !posixRelative(config.dir, other.dir).startsWith(".."))
      .map((other) => `${posixRelative(config.dir, other.dir)}/**`);
    const name = `async-pitfalls/config: ${config.file}`;
    if (config.settings.ignores.length > 0) {
      ignores.push({ name, basePath: config.dir, ignores: [...config.settings.ignores, ...nested.map((folder) => `!${folder}`)] });
    }
    for (const [files, ids] of [
      [PYTHON_FILES, PYTHON_RULE_IDS],
      [TYPESCRIPT_FILES, TYPESCRIPT_RULE_IDS],
    ] as const) {
      const settings = config.settings.rules.filter((rule) => ids.has(rule.id));
      if (settings.length === 0) continue;
      rules.push({
        name,
        basePath: config.dir,
        files: [...files],
        ...(nested.length > 0 ? { ignores: nested } : {}),
        rules: Object.fromEntries(settings.map((rule) => [`${RULE_PREFIX}${rule.id}`, ruleEntry(rule)])),
      });
    }
  }
  return { ignores, rules };
}

/** The zero config with these configurations applied: what the CLI and the server lint with. */
export function projectConfig(configs: readonly ProjectConfig[], options: EngineOptions = {}): Linter.Config[] {
  return zeroConfig(options, configBlocks(configs));
}
