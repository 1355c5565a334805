/**
 * Which open documents are linted, and under which file path.
 *
 * A `file:` document is linted under its real path when the engine lints that path (by extension, outside ignored
 * folders). A file whose name has no lintable extension but whose language is one of ours (a `#!/usr/bin/env
 * python3` script) is linted as if it had the language's extension. A document without a path (an untitled
 * buffer) is linted by its language under a synthetic name in the outermost workspace folder.
 */
import path from "node:path";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { LINTED_EXTENSIONS } from "../engine/config.js";
import type { DocumentLinter, LinterRegistry } from "./linters.js";
import { uriToPath } from "./uri.js";

/** The language ids the server accepts, and the extension a document of that language is linted as. */
export const LANGUAGE_EXTENSIONS: Readonly<Record<string, string>> = {
  python: ".py",
  typescript: ".ts",
  typescriptreact: ".tsx",
  javascript: ".js",
  javascriptreact: ".jsx",
};

export interface LintTarget {
  readonly linter: DocumentLinter;
  /** The path the text is linted under (the real one whenever the document has one). */
  readonly filePath: string;
}

export function lintTarget(document: Pick<TextDocument, "uri" | "languageId">, linters: LinterRegistry): LintTarget | undefined {
  const languageExtension = LANGUAGE_EXTENSIONS[document.languageId];
  const filePath = uriToPath(document.uri);
  if (filePath !== undefined) {
    const linter = linters.forFile(filePath);
    if (linter.lints(filePath)) return { linter, filePath };
    const extension = path.extname(filePath).toLowerCase();
    if (languageExtension !== undefined && !LINTED_EXTENSIONS.includes(extension)) {
      const asLanguage = filePath + languageExtension;
      if (linter.lints(asLanguage)) return { linter, filePath: asLanguage };
    }
    return undefined;
  }
  if (languageExtension === undefined) return undefined;
  const root = linters.defaultRoot();
  const filePathInRoot = path.join(root, `${untitledName(document.uri)}${languageExtension}`);
  const linter = linters.forRoot(root);
  return linter.lints(filePathInRoot) ? { linter, filePath: filePathInRoot } : undefined;
}

/** A file-name-safe stem for a path-less document: `untitled:Untitled-1` → `Untitled-1`. */
function untitledName(uri: string): string {
  const afterScheme = uri.slice(uri.indexOf(":") + 1);
  const base = decodeURIComponentSafe(afterScheme.split(/[/\\]/u).filter(Boolean).at(-1) ?? "");
  const stem = base.replace(/\.[^.]*$/u, "").replace(/[^\w.-]+/gu, "_").slice(0, 64);
  return stem === "" ? "untitled" : stem;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
