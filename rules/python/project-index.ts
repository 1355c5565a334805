/**
 * The project index: what the modules a file imports define, so a rule can tell that `save_user` imported from
 * `app.repository` is an `async def`. Modules are found the way Python finds them from the project root (see
 * module-resolution.ts), parsed with tree-sitter (never executed) and summarised (module-summary.ts).
 *
 * Fast by construction: nothing is scanned up front; a module is summarised only when a linted file's import is
 * actually followed, and summaries are cached by absolute path, invalidated by (mtime, size). `setOverlay` lets the
 * language server supply the text of unsaved buffers, which wins over the disk.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Definition, ImportTarget } from "./definitions.js";
import { fileSystemAnswers } from "./file-system-answers.js";
import { coroutinePreservingDecorators, methodlessBases, protocolBases } from "./knowledge.js";
import { projectRootOf, resolveModule, searchPathsOf, submoduleOf, type ModuleLocation, type PathKind } from "./module-resolution.js";
import {
  isLibraryPreservingDecorator,
  summarizeModule,
  type ClassSummary,
  type FunctionSummary,
  type ModuleSummary,
  type NameRef,
} from "./module-summary.js";
import { parsePython, type ParsedPython, type PyNode } from "./parser.js";
import { clearSharedParses, lintedSummary, offerParse, rememberLinted, waitingParse } from "./shared-parses.js";
import { isTestModule } from "./test-modules.js";
import { NodeMemo } from "./tree-memo.js";

/** Files larger than this are not summarised (generated code, data dumps): their names stay unknown. */
const MAX_MODULE_BYTES = 2_000_000;
/** How many imports/re-exports/bases a lookup follows before giving up. */
const MAX_DEPTH = 12;

const overlays = new Map<string, string>();
/** What identifies one version of a file's text: its overlay, else (mtime, size) on disk. */
type Version = { readonly mtimeMs: number; readonly size: number; readonly overlay?: string };
type CacheEntry = Version & { readonly summary: ModuleSummary };
const summaries = new Map<string, CacheEntry>();
const parsedModules = new Map<string, Version & ProjectModule>();

/** A project module's syntax tree and the text its ranges index into. */
export interface ProjectModule {
  readonly root: PyNode;
  readonly source: string;
}

/** Supplies (or, with `undefined`, withdraws) the unsaved text of a file; it wins over the file on disk. */
export function setOverlay(filePath: string, text: string | undefined): void {
  const key = path.resolve(filePath);
  if (text === undefined) overlays.delete(key);
  else overlays.set(key, text);
  summaries.delete(key);
  parsedModules.delete(key);
  fileSystemAnswers.forget(key);
}

/** Forgets every cached summary, parsed module and overlay (tests, or a language server's "restart"). */
export function clearProjectIndex(): void {
  overlays.clear();
  summaries.clear();
  parsedModules.clear();
  clearSharedParses();
  fileSystemAnswers.clear();
}

/** The version of the file's text a lint sees now; undefined when it is no file, or too large to be read. */
function currentVersion(key: string): Version | undefined {
  const overlay = overlays.get(key);
  if (overlay !== undefined) return { mtimeMs: -1, size: -1, overlay };
  const stats = fileSystemAnswers.statsOf(key);
  if (stats.kind !== "file" || stats.size > MAX_MODULE_BYTES) return undefined;
  return { mtimeMs: stats.mtimeMs, size: stats.size };
}

function isSameVersion(cached: Version | undefined, version: Version): boolean {
  return cached !== undefined && cached.overlay === version.overlay && cached.mtimeMs === version.mtimeMs && cached.size === version.size;
}

/** The text of `version` (the overlay, or the file read now), without a byte-order mark. */
function textOf(key: string, version: Version): string | undefined {
  let text = version.overlay;
  if (text === undefined) {
    try {
      text = readFileSync(key, "utf8");
    } catch {
      return undefined;
    }
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** `source` (the text of the file `key`) parsed, or the parse already waiting for the lint; then left for it. */
function parseModule(key: string, source: string): ParsedPython {
  let parsed = waitingParse(key, source);
  if (!parsed) {
    parsed = parsePython(source);
    offerParse(key, source, parsed);
  }
  return parsed;
}

/**
 * The summary of the module in `file`: from its overlay, else from disk (cached while mtime and size hold). The
 * lint's own summary of the same text is reused.
 */
export function moduleSummaryAt(file: string): ModuleSummary | undefined {
  const key = path.resolve(file);
  const version = currentVersion(key);
  if (!version) return undefined;
  const cached = summaries.get(key);
  if (isSameVersion(cached, version)) return cached!.summary;
  const source = textOf(key, version);
  if (source === undefined) return undefined;
  const summary = lintedSummary(key, source) ?? summarizeModule(parseModule(key, source).root, source);
  summaries.set(key, { mtimeMs: version.mtimeMs, size: version.size, overlay: version.overlay, summary });
  return summary;
}

/**
 * Keeps the summary of a linted text for the index (called once the lint of the file is done): when another file
 * imports it and the text there is the same, it is not parsed again. Only for modules that others import in practice:
 * a summary saves something only when a later import reads it back (an import of a module without one parses it),
 * and most files are never imported. On the bench corpus, modules of a package (a directory with `__init__.py`) that
 * are not test code are 101 of the 107 summaries read back, and 64% of the text linted.
 */
export function rememberLintedModule(file: string, source: string, root: PyNode, cwd: string): void {
  if (!path.isAbsolute(file) || isTestModule(file, cwd)) return;
  const key = path.resolve(file);
  if (fileSystemAnswers.statsOf(path.join(path.dirname(key), "__init__.py")).kind !== "file") return;
  rememberLinted(key, source, summarizeModule(root, source));
}

/** The syntax tree of the module in `file`, for rules that look into a function it defines (cached like summaries). */
export function projectModuleAt(file: string): ProjectModule | undefined {
  const key = path.resolve(file);
  const version = currentVersion(key);
  if (!version) return undefined;
  const cached = parsedModules.get(key);
  if (isSameVersion(cached, version)) return cached;
  const source = textOf(key, version);
  if (source === undefined) return undefined;
  try {
    const entry = { mtimeMs: version.mtimeMs, size: version.size, overlay: version.overlay, root: parseModule(key, source).root, source };
    parsedModules.set(key, entry);
    return entry;
  } catch {
    return undefined;
  }
}

/** A module as lookups see it: its summary, and where it is (for relative imports and submodules). */
export interface ModuleContext {
  /** Absolute path of the module's file; undefined for a buffer with no file (then only library names resolve). */
  readonly path: string | undefined;
  readonly summary: ModuleSummary;
  readonly location: ModuleLocation | undefined;
}

/**
 * The linted module, its summary made when first asked for. A class, not an object literal with a getter: V8 gives
 * each such literal its own hidden class, which lives in old space and kept the getter's closure, and with it the
 * whole syntax tree, alive through every young-generation collection until the next full one.
 */
class LintedModule implements ModuleContext {
  #summary: ModuleSummary | (() => ModuleSummary);

  constructor(
    readonly path: string | undefined,
    readonly location: ModuleLocation | undefined,
    summary: ModuleSummary | (() => ModuleSummary),
  ) {
    this.#summary = summary;
  }

  get summary(): ModuleSummary {
    if (typeof this.#summary === "function") this.#summary = this.#summary();
    return this.#summary;
  }
}

export type Resolved =
  | { readonly kind: "function"; readonly fn: FunctionSummary; readonly ctx: ModuleContext }
  | { readonly kind: "class"; readonly cls: ClassSummary; readonly ctx: ModuleContext }
  | { readonly kind: "module"; readonly location: ModuleLocation }
  /** Not part of the project: an installed library or the standard library, by its dotted name. */
  | { readonly kind: "library"; readonly qualified: string }
  /** An unbound name: a builtin such as `object`. */
  | { readonly kind: "builtin"; readonly name: string };

/** A method found on a class or its bases; "unknown" when some class on the way cannot be seen into. */
export type MethodLookup = { readonly fn: FunctionSummary; readonly ctx: ModuleContext } | "unknown" | "absent";

export type FunctionKind = "coroutine" | "async-generator" | "sync" | "unknown";

const EMPTY_SUMMARY: ModuleSummary = { symbols: new Map(), starImports: [] };

/**
 * One lint's view of the project: memoises loaded modules and lookups for the duration of a lint (file-system answers
 * live a little longer: file-system-answers.ts), and answers for the linted file from its live text (which may differ
 * from the disk).
 */
export class ProjectSession {
  readonly current: ModuleContext;
  readonly #modules = new Map<string, ModuleContext>();
  /** `findMethod` answers, by class and name; a class summary belongs to one module, so it is the whole key. */
  readonly #methods = new Map<ClassSummary, Map<string, MethodLookup>>();
  readonly #superMethods = new Map<ClassSummary, Map<string, MethodLookup>>();
  /** coroutine-calls.ts's resolutions of names, by their bindings array and the attribute path after them. */
  readonly resolutions = new Map<readonly Definition[], Map<string, Resolved | undefined>>();

  /**
   * @param currentFile the linted file's path (`context.physicalFilename`); not absolute (`<input>`): no project.
   * @param currentSummary the linted text's summary, or a function computing it when first needed.
   */
  constructor(currentFile: string | undefined, currentSummary: ModuleSummary | (() => ModuleSummary)) {
    const file = currentFile !== undefined && path.isAbsolute(currentFile) ? path.resolve(currentFile) : undefined;
    const location: ModuleLocation | undefined =
      file === undefined
        ? undefined
        : path.basename(file) === "__init__.py"
          ? { kind: "package", file, dirs: [path.dirname(file)] }
          : { kind: "module", file, dirs: [] };
    this.current = new LintedModule(file, location, currentSummary);
    if (file !== undefined) this.#modules.set(file, this.current);
  }

  /** A stat (shared by the lints of a few seconds: file-system-answers.ts) that also sees overlay-only files. */
  readonly stat = (target: string): PathKind => (overlays.has(target) ? "file" : fileSystemAnswers.statsOf(target).kind);

  /** Absolute imports' search paths, by the importing file's directory: its project root is looked for once. */
  readonly #searchPathsOf = (fromFile: string): readonly string[] => {
    const dir = path.dirname(fromFile);
    return fileSystemAnswers.derived(`search paths\0${dir}`, () => searchPathsOf(projectRootOf(fromFile, this.stat), this.stat));
  };

  /**
   * `resolveModule`, kept with the file-system answers: an absolute import's location depends only on the search
   * paths (shared by a whole project), a relative one's on the importing file's directory.
   */
  locate(fromFile: string, level: number, module: string): ModuleLocation | undefined {
    if (level > 0) {
      const key = `location\0${path.dirname(fromFile)}\0${level}\0${module}`;
      return fileSystemAnswers.derived(key, () => resolveModule(fromFile, level, module, this.stat));
    }
    const searchPaths = this.#searchPathsOf(fromFile);
    const key = `location\0${searchPaths.join("\0")}\0\0${module}`;
    return fileSystemAnswers.derived(key, () => resolveModule(fromFile, 0, module, this.stat, () => searchPaths));
  }

  moduleAt(location: ModuleLocation): ModuleContext | undefined {
    if (location.kind === "namespace") return { path: undefined, summary: EMPTY_SUMMARY, location };
    const known = this.#modules.get(location.file);
    if (known) return known;
    const summary = moduleSummaryAt(location.file);
    if (!summary) return undefined;
    const ctx: ModuleContext = { path: location.file, summary, location };
    this.#modules.set(location.file, ctx);
    return ctx;
  }

  /** What an import binds: `from m import n` → `n` in `m`; `import a.b` (bound as `a`) → the module `a`. */
  resolveImport(from: ModuleContext, target: ImportTarget, depth = 0, seen = new Set<string>()): Resolved | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const location = from.path === undefined ? undefined : this.locate(from.path, target.level, target.module);
    if (!location) {
      if (target.level > 0 || target.module === "") return undefined;
      return { kind: "library", qualified: target.name === undefined ? target.module : `${target.module}.${target.name}` };
    }
    if (target.name === undefined) return { kind: "module", location };
    return this.lookupIn(location, [target.name], depth + 1, seen);
  }

  /** `parts` (a dotted name) looked up in a module's namespace, then as submodules of a package. */
  lookup(ctx: ModuleContext, parts: readonly string[], depth = 0, seen = new Set<string>()): Resolved | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const [first, ...rest] = parts;
    if (first === undefined) return ctx.location ? { kind: "module", location: ctx.location } : undefined;
    const key = `${ctx.path ?? ctx.location?.dirs.join(path.delimiter)}#${parts.join(".")}`;
    if (seen.has(key)) return undefined; // an import cycle
    seen.add(key);

    const symbol = ctx.summary.symbols.get(first);
    if (symbol) {
      switch (symbol.kind) {
        case "function":
          return rest.length === 0 ? { kind: "function", fn: symbol.fn, ctx } : undefined;
        case "class":
          return this.continueFrom({ kind: "class", cls: symbol.cls, ctx }, rest, depth, seen);
        case "import": {
          const imported = this.resolveImport(ctx, symbol.target, depth + 1, seen);
          return imported && this.continueFrom(imported, rest, depth + 1, seen);
        }
        default:
          return undefined;
      }
    }
    for (const star of ctx.summary.starImports) {
      const location = ctx.path === undefined ? undefined : this.locate(ctx.path, star.level, star.module);
      if (!location) return undefined; // a library's `*` may bind anything
      const module = this.moduleAt(location);
      const found = module && this.lookup(module, parts, depth + 1, seen);
      if (found) return found;
    }
    const submodule = ctx.location && submoduleOf(ctx.location, first, this.stat);
    return submodule && this.continueFrom({ kind: "module", location: submodule }, rest, depth + 1, seen);
  }

  lookupIn(location: ModuleLocation, parts: readonly string[], depth = 0, seen = new Set<string>()): Resolved | undefined {
    const module = this.moduleAt(location);
    return module && this.lookup(module, parts, depth, seen);
  }

  continueFrom(resolved: Resolved, rest: readonly string[], depth: number, seen = new Set<string>()): Resolved | undefined {
    if (rest.length === 0) return resolved;
    switch (resolved.kind) {
      case "module":
        return this.lookupIn(resolved.location, rest, depth + 1, seen);
      case "library":
        return { kind: "library", qualified: [resolved.qualified, ...rest].join(".") };
      case "class": {
        if (rest.length !== 1) return undefined;
        const method = this.findMethod(resolved.cls, resolved.ctx, rest[0]!);
        return typeof method === "object" ? { kind: "function", fn: method.fn, ctx: method.ctx } : undefined;
      }
      default:
        return undefined;
    }
  }

  /** A decorator or base-class name, as written in `ctx`. */
  resolveNameRef(ref: NameRef, ctx: ModuleContext, depth = 0): Resolved | undefined {
    if (ref.parts.length === 0) return undefined;
    if (ref.binding === "builtin") return ref.parts.length === 1 ? { kind: "builtin", name: ref.parts[0]! } : undefined;
    if (ref.binding === "module") return this.lookup(ctx, ref.parts, depth);
    return ref.qualified !== undefined && !ref.qualified.startsWith(".") ? { kind: "library", qualified: ref.qualified } : undefined;
  }

  #isProtocol(cls: ClassSummary): boolean {
    return cls.bases.some((base) => base.qualified !== undefined && protocolBases.has(base.qualified));
  }

  /**
   * `name` on class `cls` (defined in `ctx`) or, unless `skipSelf` (`super().name`), the class itself first; bases
   * depth-first, left to right. Protocol classes, instance attributes set through `self`, and bases we cannot see
   * into make the answer "unknown".
   */
  findMethod(cls: ClassSummary, ctx: ModuleContext, name: string, skipSelf = false): MethodLookup {
    // Memoised for the lint: a file calls the same methods of the same classes over and over.
    const table = skipSelf ? this.#superMethods : this.#methods;
    let byName = table.get(cls);
    if (!byName) table.set(cls, (byName = new Map()));
    let found = byName.get(name);
    if (found === undefined) byName.set(name, (found = this.#findMethod(cls, ctx, name, skipSelf, 0)));
    return found;
  }

  #findMethod(cls: ClassSummary, ctx: ModuleContext, name: string, skipSelf: boolean, depth: number): MethodLookup {
    if (depth > MAX_DEPTH || this.#isProtocol(cls)) return "unknown";
    if (!skipSelf) {
      if (cls.instanceAttributes.has(name)) return "unknown";
      const member = cls.members.get(name);
      if (member?.kind === "function") return { fn: member.fn, ctx };
      if (member) return "unknown";
    }
    for (const base of cls.bases) {
      if (base.parts.length > 0 && isMethodless(base)) continue;
      const resolved = this.resolveNameRef(base, ctx, depth + 1);
      if (resolved?.kind === "builtin" && methodlessBases.has(resolved.name)) continue;
      if (resolved?.kind === "library" && methodlessBases.has(resolved.qualified)) continue;
      if (resolved?.kind !== "class") return "unknown";
      const found = this.#findMethod(resolved.cls, resolved.ctx, name, false, depth + 1);
      if (found !== "absent") return found;
    }
    return "absent";
  }

  /** What calling `fn` returns: a coroutine only for an `async def` without `yield` whose decorators all keep it one. */
  functionKind(fn: FunctionSummary, ctx: ModuleContext): FunctionKind {
    if (!fn.isAsync) return "sync";
    if (fn.hasYield) return "async-generator";
    for (const decorator of fn.decorators) {
      if (isLibraryPreservingDecorator(decorator)) continue;
      const resolved = this.resolveNameRef(decorator, ctx);
      if (resolved?.kind === "library" && coroutinePreservingDecorators.has(resolved.qualified)) continue;
      if (resolved?.kind === "function") {
        const behaviour = resolved.fn.asDecorator;
        if ((behaviour === "preserves" && !decorator.called) || (behaviour === "factory" && decorator.called)) continue;
      }
      return "unknown";
    }
    return "coroutine";
  }
}

function isMethodless(base: NameRef): boolean {
  if (base.qualified !== undefined) return methodlessBases.has(base.qualified);
  return base.binding === "builtin" && methodlessBases.has(base.parts.join("."));
}

const lintSessions = new NodeMemo<ProjectSession>();

/**
 * The session of one lint of a file, by its syntax tree: every rule linting that tree shares it, and with it the
 * memoised file-system checks and lookups.
 */
export function lintSession(physicalFilename: string, root: PyNode, source: string): ProjectSession {
  let session = lintSessions.get(root);
  if (!session) lintSessions.set(root, (session = new ProjectSession(physicalFilename, () => summarizeModule(root, source))));
  return session;
}

/** A session for `file` as it is on disk (or in its overlay): for tools and tests outside a lint. */
export function sessionForFile(file: string): ProjectSession | undefined {
  const summary = moduleSummaryAt(file);
  return summary && new ProjectSession(path.resolve(file), summary);
}

/** A readable outline of a module: its async and sync functions, and its classes' methods and bases. */
export interface ModuleOutline {
  readonly asyncFunctions: string[];
  readonly syncFunctions: string[];
  readonly classes: Record<string, { asyncMethods: string[]; syncMethods: string[]; bases: string[] }>;
}

export function outlineOf(summary: ModuleSummary): ModuleOutline {
  const outline: ModuleOutline = { asyncFunctions: [], syncFunctions: [], classes: {} };
  for (const [name, symbol] of summary.symbols) {
    if (symbol.kind === "function") (symbol.fn.isAsync ? outline.asyncFunctions : outline.syncFunctions).push(name);
    if (symbol.kind === "class") {
      const methods = [...symbol.cls.members].flatMap(([member, value]) => (value.kind === "function" ? [[member, value.fn] as const] : []));
      outline.classes[name] = {
        asyncMethods: methods.filter(([, fn]) => fn.isAsync).map(([member]) => member),
        syncMethods: methods.filter(([, fn]) => !fn.isAsync).map(([member]) => member),
        bases: symbol.cls.bases.map((base) => base.parts.join(".")),
      };
    }
  }
  return outline;
}
