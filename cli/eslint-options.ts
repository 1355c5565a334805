/**
 * ESLint options as a module, so that `concurrency` can hand them to worker threads (plugin objects cannot be
 * cloned; each worker imports this module instead). The CLI passes its choices through the environment, which
 * worker threads inherit.
 */
import type { ESLint } from "eslint";
import { zeroConfig } from "../engine/config.js";

export const OPTIONS_ENV = "ASYNC_PITFALLS_ESLINT_OPTIONS";

export interface RunSettings {
  cwd: string;
  fix: boolean;
  onlyRules: string[];
}

const settings = JSON.parse(process.env[OPTIONS_ENV] ?? "{}") as Partial<RunSettings>;

const options: ESLint.Options = {
  cwd: settings.cwd ?? process.cwd(),
  overrideConfigFile: true,
  overrideConfig: zeroConfig(settings.onlyRules?.length ? { onlyRules: settings.onlyRules } : {}),
  fix: settings.fix ?? false,
  errorOnUnmatchedPattern: false,
  warnIgnored: false,
  concurrency: "auto",
};

export default options;
