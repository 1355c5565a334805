/**
 * What the file system said, shared by every lint for four seconds, as webpack's resolver keeps its answers. Linting a
 * project asks the same questions for each file: is there a `pyproject.toml` in this directory or the ones above, an
 * `asyncio.py` or `asyncio/__init__.py` in the project root, has `repo.py` changed since it was summarised? Asked once
 * per file, they were a tenth of the rules' time. A file created, changed or deleted outside the editor is seen at
 * most four seconds late; the editor's own buffers are overlays, seen at once (project-index.ts). (Kept for one
 * second, the answers were all asked again three times during a four-second lint of the bench corpus, for 1.6% of
 * its CPU time.)
 */
import { statSync } from "node:fs";
import type { PathKind } from "./module-resolution.js";

/** How long an answer is trusted. */
export const ANSWER_LIFETIME_MS = 4000;

export interface PathStats {
  readonly kind: PathKind;
  readonly mtimeMs: number;
  readonly size: number;
}

const NOTHING: PathStats = { kind: null, mtimeMs: -1, size: -1 };

class FileSystemAnswers {
  /** When the answers held now began to be collected. */
  #since = Number.NEGATIVE_INFINITY;
  readonly #stats = new Map<string, PathStats>();
  /** What the index derives from the answers alone: module locations and search paths (project-index.ts). */
  readonly #derived = new Map<string, unknown>();

  /** Whether `target` is a file, a directory or nothing, with its mtime and size. */
  statsOf(target: string): PathStats {
    this.#expire();
    let stats = this.#stats.get(target);
    if (stats === undefined) {
      stats = NOTHING;
      try {
        const found = statSync(target, { throwIfNoEntry: false });
        if (found?.isFile()) stats = { kind: "file", mtimeMs: found.mtimeMs, size: found.size };
        else if (found?.isDirectory()) stats = { kind: "dir", mtimeMs: found.mtimeMs, size: found.size };
      } catch {
        // unreadable: nothing there, as far as the index is concerned
      }
      this.#stats.set(target, stats);
    }
    return stats;
  }

  /** A value derived from the answers (by a key naming what it is), made by `make` when not held. */
  derived<T>(key: string, make: () => T): T {
    this.#expire();
    if (this.#derived.has(key)) return this.#derived.get(key) as T;
    const value = make();
    this.#derived.set(key, value);
    return value;
  }

  /** Forgets what was said about `target`, and everything derived (a module may resolve elsewhere now). */
  forget(target: string): void {
    this.#stats.delete(target);
    this.#derived.clear();
  }

  clear(): void {
    this.#stats.clear();
    this.#derived.clear();
    this.#since = Number.NEGATIVE_INFINITY;
  }

  #expire(): void {
    const now = performance.now();
    if (now - this.#since <= ANSWER_LIFETIME_MS) return;
    this.#stats.clear();
    this.#derived.clear();
    this.#since = now;
  }
}

export const fileSystemAnswers = new FileSystemAnswers();
