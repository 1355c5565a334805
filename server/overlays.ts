/**
 * Unsaved editor text for the rules' project indexes: the Python project index (what an imported module defines)
 * and the TypeScript module summaries read other files of the project; with an overlay they read the editor's
 * buffer instead of the disk, so an `async` just typed in one module counts when linting another.
 */
import path from "node:path";
import { setOverlay as setPythonOverlay } from "../rules/python/project-index.js";
import { setOverlay as setTypescriptOverlay } from "../rules/typescript/project-files.js";

export type Family = "python" | "javascript";

const PYTHON_EXTENSIONS = new Set([".py", ".pyi"]);
const SCRIPT_EXTENSIONS = new Set([".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"]);

/** Which index a file belongs to, by its extension; undefined for other files. */
export function familyOfPath(filePath: string): Family | undefined {
  const extension = path.extname(filePath).toLowerCase();
  if (PYTHON_EXTENSIONS.has(extension)) return "python";
  if (SCRIPT_EXTENSIONS.has(extension)) return "javascript";
  return undefined;
}

/** Supplies (text) or withdraws (`undefined`) the unsaved content of a file to the index of its language. */
export function setOverlay(filePath: string, text: string | undefined): void {
  const family = familyOfPath(filePath);
  if (family === "python") setPythonOverlay(filePath, text);
  else if (family === "javascript") setTypescriptOverlay(filePath, text);
}
