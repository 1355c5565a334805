/**
 * Document URIs ↔ file-system paths. Only `file:` URIs have a path; everything else (`untitled:`, `git:`, …)
 * is linted by language under a synthetic name, or not at all.
 */
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The file-system path of a `file:` URI, or undefined for any other scheme or a malformed URI. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.toLowerCase().startsWith("file:")) return undefined;
  try {
    return path.normalize(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

export function pathToUri(filePath: string): string {
  return pathToFileURL(filePath).href;
}

/** The scheme of a URI (`file`, `untitled`, …), lower-cased; empty when there is none. */
export function schemeOf(uri: string): string {
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/u.exec(uri);
  return match ? match[1]!.toLowerCase() : "";
}

/** Whether `filePath` is `folder` itself or lies somewhere below it. */
export function isInside(folder: string, filePath: string): boolean {
  const relative = path.relative(folder, filePath);
  return relative === "" || (relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}
