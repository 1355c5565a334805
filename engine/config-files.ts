/**
 * Configuration files: which ones there are, how their text is read, and which one governs a folder.
 *
 * - `async-pitfalls.json`: the whole file is the configuration.
 * - `pyproject.toml`: its `[tool.async-pitfalls]` table is; a pyproject.toml without that table is not a
 *   configuration file at all (nor is one that does not parse and never mentions async-pitfalls).
 *
 * A folder with both uses `async-pitfalls.json`: the dedicated file wins. The configuration that governs a file is
 * the nearest one: in the file's folder, else its parent's, and so on up to the root of the git repository (the
 * folder holding `.git`) or of the file system.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseToml, TomlError } from "smol-toml";
import { ConfigError, type KeyPath, type SourceLocation } from "./config-error.js";
import type { ConfigForm } from "./config-schema.js";
import { JsonSyntaxError, parseJsonWithLocations } from "./json-locations.js";
import { locateTomlKey } from "./toml-locations.js";

export const CONFIG_JSON = "async-pitfalls.json";
export const PYPROJECT = "pyproject.toml";
/** In order of precedence within one folder. */
export const CONFIG_FILE_NAMES: readonly string[] = [CONFIG_JSON, PYPROJECT];

const TOML_TABLE: KeyPath = ["tool", "async-pitfalls"];

/** The parsed text of a configuration file, before its settings are checked. */
export interface ConfigSource {
  readonly file: string;
  readonly form: ConfigForm;
  /** The settings: the JSON value, or the `[tool.async-pitfalls]` table. */
  readonly settings: unknown;
  /** Where a key of the settings is written (`["rules", "no-blocking-call"]`), or the nearest place known. */
  locate(path: KeyPath): SourceLocation;
}

export function isConfigFileName(file: string): boolean {
  return CONFIG_FILE_NAMES.includes(path.basename(file));
}

/**
 * Reads and parses a configuration file. Undefined when it is a pyproject.toml without our table. Throws a
 * `ConfigError` for a file that cannot be read or parsed.
 */
export function readConfigSource(file: string): ConfigSource | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ConfigError(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  return path.basename(file) === PYPROJECT ? readPyproject(file, text) : readJson(file, text);
}

function readJson(file: string, text: string): ConfigSource {
  try {
    const parsed = parseJsonWithLocations(text);
    return {
      file,
      form: "json",
      settings: parsed.value,
      locate: (keyPath) => nearest(keyPath, (prefix) => parsed.locate(prefix)),
    };
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new ConfigError(file, `invalid JSON: ${error.message}`, error.location);
    throw error;
  }
}

function readPyproject(file: string, text: string): ConfigSource | undefined {
  let document: Record<string, unknown>;
  try {
    document = parseToml(text) as Record<string, unknown>;
  } catch (error) {
    // Someone else's broken pyproject.toml is not ours to report, unless it is meant to configure us.
    if (!text.includes("async-pitfalls")) return undefined;
    if (error instanceof TomlError) {
      const message = error.message.split("\n")[0]!.replace(/^Invalid TOML document:\s*/u, "");
      throw new ConfigError(file, `invalid TOML: ${message}`, { line: error.line, column: error.column });
    }
    throw new ConfigError(file, `invalid TOML: ${(error as Error).message.split("\n")[0]}`);
  }
  const tool = document["tool"];
  if (typeof tool !== "object" || tool === null || !("async-pitfalls" in tool)) return undefined;
  return {
    file,
    form: "toml",
    settings: (tool as Record<string, unknown>)["async-pitfalls"],
    locate: (keyPath) => locateTomlKey(text, [...TOML_TABLE, ...keyPath]) ?? { line: 1, column: 1 },
  };
}

/** The location of `keyPath`, else of its longest prefix that has one, else the start of the file. */
function nearest(keyPath: KeyPath, locate: (prefix: KeyPath) => SourceLocation | undefined): SourceLocation {
  for (let length = keyPath.length; length >= 0; length--) {
    const found = locate(keyPath.slice(0, length));
    if (found) return found;
  }
  return { line: 1, column: 1 };
}

/**
 * The configuration file of one folder, or undefined: `async-pitfalls.json` if present, else a pyproject.toml for
 * which `isConfiguration` holds (it has our table).
 */
export function configFileIn(dir: string, isConfiguration: (file: string) => boolean): string | undefined {
  for (const name of CONFIG_FILE_NAMES) {
    const file = path.join(dir, name);
    if (existsSync(file) && (name === CONFIG_JSON || isConfiguration(file))) return file;
  }
  return undefined;
}

/** The nearest configuration file for files in `dir`: `dir` first, then its parents up to the git or file-system root. */
export function findConfigFile(dir: string, isConfiguration: (file: string) => boolean): string | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const found = configFileIn(current, isConfiguration);
    if (found) return found;
    if (existsSync(path.join(current, ".git")) || path.dirname(current) === current) return undefined;
  }
}
