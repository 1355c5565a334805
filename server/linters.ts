/**
 * One linter per root. ESLint's `Linter` with a flat config only matches files below its `cwd`, so a document is
 * linted by the linter of the deepest workspace folder that contains it; a file outside every folder gets a linter
 * rooted at its own directory (kept in a small most-recently-used cache).
 *
 * Configuration: each file gets the declarative configuration file nearest to it (`TextLinter`), or the one the
 * `configFile` setting names. Only in a trusted workspace, and unless `useEslintConfig` is "never", a project's
 * own `eslint.config.*` is used where one applies (`EslintConfigLinter`); otherwise no workspace code is ever
 * loaded. Linters are rebuilt when these options change or a configuration file changes (`reload`).
 */
import path from "node:path";
import type { Linter } from "eslint";
import type { ConfigError } from "../engine/config-error.js";
import { TextLinter } from "../engine/lint-text.js";
import { EslintConfigLinter, reloadEslintConfigs } from "./eslint-config-linter.js";
import { isInside } from "./uri.js";

/** What the server needs from the engine: `TextLinter` satisfies it; tests may inject their own. */
export interface DocumentLinter {
  /** Whether the zero config lints this path at all (by extension, and not in an ignored folder). */
  lints(filePath: string): boolean;
  lint(text: string, filePath: string): LintOutcome;
  /** ESLint's safe fixes applied (multi-pass); `options.fix` picks which messages' fixes may be applied. */
  fix(
    text: string,
    filePath: string,
    options?: FixOptions,
  ): LintOutcome & { readonly fixedText?: string | undefined };
}

export interface LintOutcome {
  readonly messages: Linter.LintMessage[];
  /** The declarative configuration file that governs the file, if any (see engine/lint-text.ts). */
  readonly configFile?: string | undefined;
  /** Why that file could not be used (the file was linted with the defaults). */
  readonly configError?: ConfigError | undefined;
}

/** What the editor says about configuration (the server's `EditorConfigOptions`). */
export interface ConfigOptions {
  /** Absolute path of the configuration file to use instead of discovery, if the user set one. */
  readonly configFile: string | undefined;
  readonly useEslintConfig: "auto" | "never";
  /** Whether the user trusts the workspace: only then may its `eslint.config.*` be loaded (it is code). */
  readonly workspaceTrusted: boolean;
}

export const DEFAULT_CONFIG_OPTIONS: ConfigOptions = { configFile: undefined, useEslintConfig: "auto", workspaceTrusted: false };

export interface LinterContext {
  readonly config: ConfigOptions;
  readonly log: (message: string) => void;
}

export interface FixOptions {
  /** Whether a message's fix may be applied (ESLint's `fix` filter); all of them without it. */
  readonly fix?: (message: Linter.LintMessage) => boolean;
}

export type LinterFactory = (root: string, context: LinterContext) => DocumentLinter;

/**
 * The editor's engine: tolerant of Python syntax errors, so a file being typed still gets findings; the project's
 * ESLint configuration where one applies, in a trusted workspace only.
 */
export const defaultLinterFactory: LinterFactory = (root, { config, log }) => {
  const linter = new TextLinter(root, { tolerateSyntaxErrors: true, incrementalParsing: true }, { configFile: config.configFile });
  return config.workspaceTrusted && config.useEslintConfig === "auto" ? new EslintConfigLinter(root, linter, log) : linter;
};

export type ConfigResultListener = (configFile: string, error: ConfigError | undefined) => void;

const MAX_LOOSE_ROOTS = 32;

export class LinterRegistry {
  readonly #factory: LinterFactory;
  /** Workspace folder roots, deepest first. */
  #folders: string[] = [];
  readonly #folderLinters = new Map<string, DocumentLinter>();
  /** Roots of files outside every folder, least recently used first. */
  readonly #looseLinters = new Map<string, DocumentLinter>();
  #config: ConfigOptions = DEFAULT_CONFIG_OPTIONS;
  #log: (message: string) => void = () => {};
  #onConfigResult: ConfigResultListener = () => {};

  constructor(factory: LinterFactory = defaultLinterFactory) {
    this.#factory = factory;
  }

  get configOptions(): ConfigOptions {
    return this.#config;
  }

  /** New configuration options from the editor: every linter is rebuilt with them. */
  setConfigOptions(options: ConfigOptions): void {
    const changed =
      options.configFile !== this.#config.configFile ||
      options.useEslintConfig !== this.#config.useEslintConfig ||
      options.workspaceTrusted !== this.#config.workspaceTrusted;
    this.#config = options;
    if (changed) this.reload();
  }

  /** A configuration file changed: linters (and what they remember) are rebuilt on next use. */
  reload(): void {
    this.#folderLinters.clear();
    this.#looseLinters.clear();
    reloadEslintConfigs();
  }

  /** Where linters log (the server's console), and who hears which configuration file governed each lint. */
  setHost(host: { log: (message: string) => void; onConfigResult: ConfigResultListener }): void {
    this.#log = host.log;
    this.#onConfigResult = host.onConfigResult;
  }

  #create(root: string): DocumentLinter {
    return withLintsCache(this.#factory(root, { config: this.#config, log: (message) => this.#log(message) }), (outcome) => {
      if (outcome.configFile !== undefined) this.#onConfigResult(outcome.configFile, outcome.configError);
    });
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
        linter = this.#create(root);
        this.#folderLinters.set(root, linter);
      }
      return linter;
    }
    let linter = this.#looseLinters.get(root);
    if (linter) {
      this.#looseLinters.delete(root);
    } else {
      linter = this.#create(root);
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
function withLintsCache(linter: DocumentLinter, observe: (outcome: LintOutcome) => void): DocumentLinter {
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
    lint: (text, filePath) => {
      const outcome = linter.lint(text, filePath);
      observe(outcome);
      return outcome;
    },
    fix: (text, filePath, options) => {
      const outcome = options ? linter.fix(text, filePath, options) : linter.fix(text, filePath);
      observe(outcome);
      return outcome;
    },
  };
}
