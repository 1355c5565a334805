/**
 * One linter per root. ESLint's `Linter` with a flat config only matches files below its `cwd`, so a document is
 * linted by the linter of the deepest workspace folder that contains it; a file outside every folder gets a linter
 * rooted at its own directory (kept in a small most-recently-used cache).
 */
import path from "node:path";
import type { Linter } from "eslint";
import { TextLinter } from "../engine/lint-text.js";
import { isInside } from "./uri.js";

/** What the server needs from the engine: `TextLinter` satisfies it; tests may inject their own. */
export interface DocumentLinter {
  /** Whether the zero config lints this path at all (by extension, and not in an ignored folder). */
  lints(filePath: string): boolean;
  lint(text: string, filePath: string): { readonly messages: Linter.LintMessage[] };
  fix(text: string, filePath: string): { readonly messages: Linter.LintMessage[]; readonly fixedText?: string | undefined };
}

export type LinterFactory = (root: string) => DocumentLinter;

/** The editor's engine: tolerant of Python syntax errors, so a file being typed still gets findings. */
export const defaultLinterFactory: LinterFactory = (root) => new TextLinter(root, { tolerateSyntaxErrors: true });

const MAX_LOOSE_ROOTS = 32;

export class LinterRegistry {
  readonly #factory: LinterFactory;
  /** Workspace folder roots, deepest first. */
  #folders: string[] = [];
  readonly #folderLinters = new Map<string, DocumentLinter>();
  /** Roots of files outside every folder, least recently used first. */
  readonly #looseLinters = new Map<string, DocumentLinter>();

  constructor(factory: LinterFactory = defaultLinterFactory) {
    this.#factory = factory;
  }

  get folders(): readonly string[] {
    return this.#folders;
  }

  /** Replaces the workspace folders; linters of folders that remain are kept. */
  setFolders(folders: Iterable<string>): void {
    const unique = [...new Set([...folders].map((folder) => path.resolve(folder)))];
    this.#folders = unique.sort((a, b) => b.length - a.length);
    for (const root of this.#folderLinters.keys()) {
      if (!this.#folders.includes(root)) this.#folderLinters.delete(root);
    }
  }

  /** The root a file is linted under: its deepest workspace folder, else its own directory. */
  rootFor(filePath: string): string {
    return this.#folders.find((folder) => isInside(folder, filePath)) ?? path.dirname(filePath);
  }

  /** Where documents without a path (untitled buffers) are linted: the outermost folder, else the server's cwd. */
  defaultRoot(): string {
    return this.#folders.at(-1) ?? process.cwd();
  }

  forFile(filePath: string): DocumentLinter {
    return this.forRoot(this.rootFor(filePath));
  }

  forRoot(root: string): DocumentLinter {
    if (this.#folders.includes(root)) {
      let linter = this.#folderLinters.get(root);
      if (!linter) {
        linter = withLintsCache(this.#factory(root));
        this.#folderLinters.set(root, linter);
      }
      return linter;
    }
    let linter = this.#looseLinters.get(root);
    if (linter) {
      this.#looseLinters.delete(root);
    } else {
      linter = withLintsCache(this.#factory(root));
      if (this.#looseLinters.size >= MAX_LOOSE_ROOTS) {
        const oldest = this.#looseLinters.keys().next().value;
        if (oldest !== undefined) this.#looseLinters.delete(oldest);
      }
    }
    this.#looseLinters.set(root, linter);
    return linter;
  }
}

const MAX_CACHED_PATHS = 1024;

/**
 * `lints()` runs ESLint on an empty text (a few milliseconds) and its answer depends only on the path, so it is
 * remembered for the most recently asked paths.
 */
function withLintsCache(linter: DocumentLinter): DocumentLinter {
  const answers = new Map<string, boolean>();
  return {
    lints(filePath) {
      let answer = answers.get(filePath);
      if (answer === undefined) {
        answer = linter.lints(filePath);
        if (answers.size >= MAX_CACHED_PATHS) answers.delete(answers.keys().next().value!);
      } else {
        answers.delete(filePath);
      }
      answers.set(filePath, answer);
      return answer;
    },
    lint: (text, filePath) => linter.lint(text, filePath),
    fix: (text, filePath) => linter.fix(text, filePath),
  };
}
