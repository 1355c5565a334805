/**
 * The typed linter's worker thread (see typed-lint.ts): lints TypeScript files with type information
 * (`parserOptions.projectService`), away from the server's main thread, so building a TypeScript program for a
 * project (seconds) never delays untyped diagnostics, code actions or any other request.
 *
 * Each request names a root, a path and the document's text; the answer is ESLint's messages, or `skipped` when
 * the file is not part of a TypeScript project (no tsconfig.json above it, or the tsconfig does not include it).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parentPort } from "node:worker_threads";
import { Linter } from "eslint";
import { TextLinter } from "../engine/lint-text.js";
import { TYPED_EXTENSIONS } from "../engine/typed-where-project-parser.js";
import { TYPE_CHECKED_FILES } from "../rules/typescript/plugin.js";

export interface TypedRequest {
  readonly id: number;
  readonly root: string;
  readonly filePath: string;
  readonly text: string;
}

export type TypedResponse =
  | { readonly id: number; readonly messages: Linter.LintMessage[] }
  | { readonly id: number; readonly skipped: string }
  | { readonly id: number; readonly error: string };

interface RootLinters {
  /** The editor's configuration for a file (zero config plus configuration files). */
  readonly untyped: TextLinter;
  readonly linter: Linter;
  readonly typedBlock: Linter.Config;
}

const roots = new Map<string, RootLinters>();

function lintersFor(root: string): RootLinters {
  let entry = roots.get(root);
  if (!entry) {
    entry = {
      untyped: new TextLinter(root, { tolerateSyntaxErrors: true }),
      linter: new Linter({ configType: "flat", cwd: root }),
      typedBlock: {
        name: "async-pitfalls/editor-type-checked",
        files: TYPE_CHECKED_FILES,
        languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
      },
    };
    roots.set(root, entry);
  }
  return entry;
}

/** The nearest tsconfig.json at or above the file's folder. */
export function nearestTsconfig(filePath: string): string | undefined {
  for (let dir = path.dirname(filePath); ; ) {
    const candidate = path.join(dir, "tsconfig.json");
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function lintTyped(request: TypedRequest): TypedResponse {
  const { id, root, filePath, text } = request;
  if (!TYPED_EXTENSIONS.has(path.extname(filePath).toLowerCase())) return { id, skipped: "not a TypeScript file" };
  if (nearestTsconfig(filePath) === undefined) return { id, skipped: "no tsconfig.json" };
  const { untyped, linter, typedBlock } = lintersFor(root);
  const { config } = untyped.resolveConfig(filePath);
  const messages = linter.verify(text, [...config, typedBlock], { filename: filePath });
  const fatal = messages.find((message) => message.fatal);
  if (fatal && /project service|not included|tsconfig/iu.test(fatal.message)) return { id, skipped: fatal.message.split("\n")[0]! };
  return { id, messages };
}

parentPort?.on("message", (request: TypedRequest) => {
  let response: TypedResponse;
  try {
    response = lintTyped(request);
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(response);
});
