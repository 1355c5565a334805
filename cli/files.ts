/**
 * Which files a run lints: walks the given paths, honouring every .gitignore on the way (as git does, nested
 * ones included) and pruning dependency, virtualenv and build folders before descending into them. On the way it
 * notes the folders that hold a configuration file (`async-pitfalls.json`, `pyproject.toml`).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ignore, { type Ignore } from "ignore";
import { IGNORED_FOLDERS, LINTED_EXTENSIONS } from "../engine/config.js";
import { isConfigFileName } from "../engine/config-files.js";

const PRUNED_FOLDERS = new Set(IGNORED_FOLDERS);

export class MissingPathError extends Error {}

interface IgnoreScope {
  readonly dir: string;
  readonly rules: Ignore;
}

function readGitignore(dir: string): IgnoreScope | undefined {
  try {
    return { dir, rules: ignore().add(readFileSync(path.join(dir, ".gitignore"), "utf8")) };
  } catch {
    return undefined;
  }
}

function isIgnored(scopes: readonly IgnoreScope[], file: string, isDir: boolean): boolean {
  return scopes.some((scope) => {
    const relative = path.relative(scope.dir, file).split(path.sep).join("/");
    if (!relative || relative.startsWith("..")) return false;
    return scope.rules.ignores(isDir ? `${relative}/` : relative);
  });
}

export function isLintedFile(file: string): boolean {
  return LINTED_EXTENSIONS.includes(path.extname(file));
}

/** .gitignore files that govern `dir` from above: from the enclosing git root (or `dir` itself) down. */
function ancestorScopes(dir: string): IgnoreScope[] {
  const chain: string[] = [];
  for (let current = dir; ; current = path.dirname(current)) {
    chain.unshift(current);
    try {
      statSync(path.join(current, ".git"));
      break;
    } catch {
      if (path.dirname(current) === current) return [];
    }
  }
  return chain.slice(0, -1).map(readGitignore).filter((scope): scope is IgnoreScope => scope !== undefined);
}

function walk(dir: string, scopes: IgnoreScope[], out: string[], configFolders: Set<string>): void {
  const own = readGitignore(dir);
  const active = own ? [...scopes, own] : scopes;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // unreadable folder: nothing to lint in it
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (PRUNED_FOLDERS.has(entry.name) || isIgnored(active, full, true)) continue;
      walk(full, active, out, configFolders);
    } else if (entry.isFile() && isLintedFile(full) && !isIgnored(active, full, false)) {
      out.push(full);
    } else if (entry.isFile() && isConfigFileName(entry.name)) {
      configFolders.add(dir);
    }
  }
}

/**
 * Files to lint under `paths`; a path given explicitly is linted even if ignored, as git and ruff do. The walked
 * folders that hold a configuration file are added to `configFolders`.
 */
export function collectFiles(paths: readonly string[], cwd: string, configFolders = new Set<string>()): string[] {
  const files = new Set<string>();
  for (const given of paths) {
    const full = path.resolve(cwd, given);
    let stats;
    try {
      stats = statSync(full);
    } catch {
      throw new MissingPathError(`No such file or directory: ${given}`);
    }
    if (stats.isDirectory()) {
      const found: string[] = [];
      walk(full, ancestorScopes(full), found, configFolders);
      for (const file of found) files.add(file);
    } else if (isLintedFile(full)) {
      files.add(full);
    }
  }
  return [...files];
}

export type FileCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Binary files and text that is not UTF-8 are skipped with a reason, never handed to a parser. */
export function checkReadable(file: string): FileCheck {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return { ok: false, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})` };
  }
  if (bytes.includes(0)) return { ok: false, reason: "is binary" };
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: "is not valid UTF-8" };
  }
  return { ok: true };
}
