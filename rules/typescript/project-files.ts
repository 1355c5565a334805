/**
 * Reading other files of the project, as rules see them: the editor's unsaved buffers (overlays) first, then the disk.
 *
 * The language server calls `setOverlay(path, text)` when a document changes and `setOverlay(path, undefined)` when
 * it is closed or saved, so that a rule linting `main.ts` sees the unsaved `async` just typed in `repo.ts`.
 * Each read carries a `version` that changes whenever the content may have changed (the overlay text, or the file's
 * mtime and size), for caches keyed on it.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";

export interface ProjectFile {
  readonly path: string;
  readonly text: string;
  /** Changes whenever the content may have changed. */
  readonly version: string;
}

const overlays = new Map<string, { readonly text: string; readonly id: number }>();
let overlayGeneration = 0;

/** Sets (text) or clears (`undefined`) the unsaved content of a file, by absolute path. */
export function setOverlay(filePath: string, text: string | undefined): void {
  const key = path.resolve(filePath);
  if (text === undefined) overlays.delete(key);
  else if (overlays.get(key)?.text !== text) overlays.set(key, { text, id: overlayGeneration + 1 });
  overlayGeneration++;
}

/** Drops every overlay (tests, server shutdown). */
export function clearOverlays(): void {
  overlays.clear();
  overlayGeneration++;
}

/** A number that changes whenever an overlay changes; caches of resolved paths key on it. */
export function overlayVersion(): number {
  return overlayGeneration;
}

/** Whether a regular file (or an overlay) exists at `filePath`. */
export function projectFileExists(filePath: string): boolean {
  if (overlays.has(filePath)) return true;
  try {
    return statSync(filePath).isFile();
  } catch {
    return false;
  }
}

/** The identity of a file's current content, without reading it: overlay text or disk mtime and size. */
export function projectFileVersion(filePath: string): string | undefined {
  const overlay = overlays.get(filePath);
  if (overlay !== undefined) return `overlay:${overlay.id}`;
  try {
    const stat = statSync(filePath);
    return stat.isFile() ? `disk:${stat.mtimeMs}:${stat.size}` : undefined;
  } catch {
    return undefined;
  }
}

/** The file's text (overlay or disk) and version, or `undefined` when it cannot be read. */
export function readProjectFile(filePath: string): ProjectFile | undefined {
  const version = projectFileVersion(filePath);
  if (version === undefined) return undefined;
  const overlay = overlays.get(filePath);
  if (overlay !== undefined) return { path: filePath, text: overlay.text, version };
  try {
    return { path: filePath, text: readFileSync(filePath, "utf8"), version };
  } catch {
    return undefined;
  }
}
