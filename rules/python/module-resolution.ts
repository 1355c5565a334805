/**
 * Where `import a.b` / `from ..c import d` point to on disk, resolved the way Python's path finder does from a
 * project root: regular packages (`__init__.py`) and modules (`x.py`) first, namespace packages (plain
 * directories) only when no search path has either. Nothing is executed, and nothing outside the search paths,
 * site-packages included, is looked at: a module found nowhere is "not ours" (a library, or unknown).
 */
import path from "node:path";

export type PathKind = "file" | "dir" | null;
/** Answers "is this a file, a directory, or nothing?"; the index memoises it per lint and adds unsaved buffers. */
export type StatFn = (path: string) => PathKind;

export type ModuleLocation =
  /** A `.py` module, or a regular package (`file` is its `__init__.py`, `dirs` its directory). */
  | { readonly kind: "module" | "package"; readonly file: string; readonly dirs: readonly string[] }
  /** A namespace package: one or more directories without `__init__.py`. */
  | { readonly kind: "namespace"; readonly dirs: readonly string[] };

/** Files whose presence marks a project root. */
export const ROOT_MARKERS = ["pyproject.toml", "setup.py", "setup.cfg", ".git"];

/** The nearest directory at or above `file`'s directory holding a root marker; else the file's own directory. */
export function projectRootOf(file: string, stat: StatFn): string {
  const start = path.dirname(file);
  for (let dir = start; ; ) {
    if (ROOT_MARKERS.some((marker) => stat(path.join(dir, marker)) !== null)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
}

/** Where absolute imports are looked up: the root, and `root/src` for the src layout. */
export function searchPathsOf(root: string, stat: StatFn): string[] {
  const src = path.join(root, "src");
  return stat(src) === "dir" ? [root, src] : [root];
}

/** `name` inside the given search paths (one level of an import). */
export function findIn(searchPaths: readonly string[], name: string, stat: StatFn): ModuleLocation | undefined {
  if (!/^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u.test(name)) return undefined;
  const portions: string[] = [];
  for (const dir of searchPaths) {
    const candidate = path.join(dir, name);
    const init = path.join(candidate, "__init__.py");
    if (stat(init) === "file") return { kind: "package", file: init, dirs: [candidate] };
    if (stat(`${candidate}.py`) === "file") return { kind: "module", file: `${candidate}.py`, dirs: [] };
    if (stat(candidate) === "dir") portions.push(candidate);
  }
  return portions.length > 0 ? { kind: "namespace", dirs: portions } : undefined;
}

/** A submodule or subpackage of a package location (`app` → `app.repository`). */
export function submoduleOf(location: ModuleLocation, name: string, stat: StatFn): ModuleLocation | undefined {
  return location.dirs.length > 0 ? findIn(location.dirs, name, stat) : undefined;
}

function resolveParts(start: ModuleLocation, parts: readonly string[], stat: StatFn): ModuleLocation | undefined {
  let location: ModuleLocation | undefined = start;
  for (const part of parts) {
    if (!location) return undefined;
    location = submoduleOf(location, part, stat);
  }
  return location;
}

/** The package a directory is: regular when it has `__init__.py`, else namespace. */
function packageAt(dir: string, stat: StatFn): ModuleLocation {
  const init = path.join(dir, "__init__.py");
  return stat(init) === "file" ? { kind: "package", file: init, dirs: [dir] } : { kind: "namespace", dirs: [dir] };
}

/**
 * The module an import names, seen from `fromFile`: `level` leading dots (0 = absolute) and the dotted `module`
 * after them. Absolute imports are looked up in the project's search paths (`searchPaths` lets a caller memoise
 * them per directory); relative ones from the file's package.
 */
export function resolveModule(
  fromFile: string,
  level: number,
  module: string,
  stat: StatFn,
  searchPaths: (fromFile: string) => readonly string[] = (file) => searchPathsOf(projectRootOf(file, stat), stat),
): ModuleLocation | undefined {
  const parts = module === "" ? [] : module.split(".");
  if (level === 0) {
    if (parts.length === 0) return undefined;
    const first = findIn(searchPaths(fromFile), parts[0]!, stat);
    return first && resolveParts(first, parts.slice(1), stat);
  }
  let dir = path.dirname(fromFile);
  for (let up = 1; up < level; up++) {
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return resolveParts(packageAt(dir, stat), parts, stat);
}
