/**
 * ESLint options as a module, so that `concurrency` can hand them to worker threads (plugin objects cannot be
 * cloned; each worker imports this module instead). The CLI passes its choices through the environment, which
 * worker threads inherit: among them the configuration files, which each worker loads again (they are plain data).
 */
import type { ESLint } from "eslint";
import { isAboutForeignDirective } from "../engine/foreign-directives.js";
import { loadConfigFile, projectConfig, type ProjectConfig } from "../engine/project-config.js";

export const OPTIONS_ENV = "ASYNC_PITFALLS_ESLINT_OPTIONS";

export interface RunSettings {
  cwd: string;
  fix: boolean;
  onlyRules: string[];
  /** The configuration files that govern the linted files (absolute paths), already checked by the CLI. */
  configFiles: string[];
  /** Type information for TypeScript files a tsconfig.json includes (see engine/typed-where-project-parser.ts). */
  typed: boolean;
}

const settings = JSON.parse(process.env[OPTIONS_ENV] ?? "{}") as Partial<RunSettings>;

const configs = (settings.configFiles ?? []).map((file) => loadConfigFile(file)).filter((config): config is ProjectConfig => config !== undefined);

const cwd = settings.cwd ?? process.cwd();

const options: ESLint.Options = {
  cwd,
  overrideConfigFile: true,
  overrideConfig: projectConfig(configs, {
    ...(settings.onlyRules?.length ? { onlyRules: settings.onlyRules } : {}),
    ...(settings.typed ? { typeInformation: { tsconfigRootDir: cwd } } : {}),
  }),
  // Never the fix of a message about another tool's directive (it would delete that tool's comment).
  fix: settings.fix ? (message) => !isAboutForeignDirective(message) : false,
  errorOnUnmatchedPattern: false,
  warnIgnored: false,
  // Typed: one thread, so the TypeScript programs are built once, not once per worker and batch.
  concurrency: settings.typed ? "off" : "auto",
};

export default options;
