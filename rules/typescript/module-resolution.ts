/**
 * Resolving a relative import specifier (`./repo`, `../db/index.js`) to a project file, the way TypeScript and Node
 * find sources: the exact file, then the TypeScript/JavaScript extensions, then `index.*` in a folder. A `.js`
 * specifier also maps to its `.ts`/`.tsx` source, `.mjs` to `.mts` and `.cjs` to `.cts`, as TypeScript does for ES
 * modules. Bare specifiers (packages, `#imports`, tsconfig `paths`) are not resolved: they are not project modules
 * we can summarise.
 */
import path from "node:path";
import { projectFileExists } from "./project-files.js";

const SOURCE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".d.ts", ".js", ".jsx", ".mjs", ".cjs"];

/** Written extension → source extensions that may stand behind it, in TypeScript's order of preference. */
const MAPPED_EXTENSIONS: ReadonlyMap<string, readonly string[]> = new Map([
  [".js", [".ts", ".tsx", ".d.ts", ".js", ".jsx"]],
  [".jsx", [".tsx", ".jsx"]],
  [".mjs", [".mts", ".d.mts", ".mjs"]],
  [".cjs", [".cts", ".d.cts", ".cjs"]],
]);

/** Whether a specifier points into the project by path: `./x`, `../x`, `.`, `..`. */
export function isRelativeSpecifier(specifier: string): boolean {
  return specifier === "." || specifier === ".." || specifier.startsWith("./") || specifier.startsWith("../");
}

/** The absolute path of the file `specifier` refers to from `fromFile`, or `undefined`. */
export function resolveRelativeModule(fromFile: string, specifier: string): string | undefined {
  if (!isRelativeSpecifier(specifier)) return undefined;
  const base = path.resolve(path.dirname(fromFile), specifier);
  const extension = path.extname(base);
  const mapped = MAPPED_EXTENSIONS.get(extension);
  if (mapped) {
    const stem = base.slice(0, -extension.length);
    for (const candidate of mapped) if (projectFileExists(stem + candidate)) return stem + candidate;
    return undefined;
  }
  if (extension !== "" && projectFileExists(base)) return base;
  for (const candidate of SOURCE_EXTENSIONS) if (projectFileExists(base + candidate)) return base + candidate;
  for (const candidate of SOURCE_EXTENSIONS) {
    const index = path.join(base, `index${candidate}`);
    if (projectFileExists(index)) return index;
  }
  return undefined;
}
