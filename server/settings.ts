/**
 * The server's settings (the `asyncPitfalls` section of the editor's configuration). Settings are declarative:
 * nothing in them is executed. Unknown keys and malformed values are ignored with a log line, never fatal.
 *
 * - `enable` (boolean, default true): lint open documents at all.
 * - `run` ("onType" | "onSave", default "onType"): lint on every change (debounced) or only on open and save.
 * - `debounceMs` (number 0–5000, default 0): the pause after the last change before a document is linted. The server
 *   lengthens it by itself while changes come faster than the document lints (server.ts `debounceFor`), so 0 means
 *   "as soon as the editor stops outpacing the linter".
 * - `validate` (language ids, default all five): the languages linted; others are left alone.
 * - `rules` (`{ "<rule>": "off" | "info" | "warning" | "error" }`): the editor's severity per rule, over whatever the
 *   configuration says; "off" hides the rule's findings and keeps its fixes out of "fix all".
 * - `typescript.typed` (boolean, default false): also lint TypeScript files that a tsconfig covers with type
 *   information; untyped findings come first, typed ones replace them when ready.
 * - `configFile` (string, default ""): a configuration file (`async-pitfalls.json`, `pyproject.toml`) to use instead
 *   of discovery; relative paths are resolved against the first workspace folder. Restricted in untrusted workspaces.
 * - `useEslintConfig` ("auto" | "never", default "auto"): whether a project's own ESLint configuration may be used
 *   (only in a trusted workspace). Restricted in untrusted workspaces.
 * - `trace` is read by the client (`asyncPitfalls.trace.server`), so the server accepts and ignores it.
 */
import { catalog, PLUGIN_NAME } from "../rules/catalog.js";

export type RuleSeverityOverride = "off" | "info" | "warning" | "error";

export interface Settings {
  readonly enable: boolean;
  readonly run: "onType" | "onSave";
  readonly debounceMs: number;
  readonly validate: readonly string[];
  /** Rule id (without the plugin prefix) → the severity the editor shows. */
  readonly rules: Readonly<Record<string, RuleSeverityOverride>>;
  readonly typescript: { readonly typed: boolean };
  /** The configuration file to use instead of discovery; undefined = discover the nearest one per file. */
  readonly configFile: string | undefined;
  readonly useEslintConfig: "auto" | "never";
}

export const SECTION = "asyncPitfalls";

/** The languages the server can lint; `validate` picks among them. */
export const LANGUAGES = ["python", "typescript", "typescriptreact", "javascript", "javascriptreact"] as const;

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  run: "onType",
  debounceMs: 0,
  validate: LANGUAGES,
  rules: {},
  typescript: { typed: false },
  configFile: undefined,
  useEslintConfig: "auto",
};

const CLIENT_SIDE_KEYS = new Set(["trace"]);
const SEVERITIES = new Set<string>(["off", "info", "warning", "error"]);
const RULE_IDS = new Set<string>(catalog.map((entry) => entry.id));

/** Reads settings from whatever the client sent; `warn` receives one line per ignored key or value. */
export function parseSettings(raw: unknown, warn: (message: string) => void, base: Settings = DEFAULT_SETTINGS): Settings {
  if (raw === undefined || raw === null) return base;
  if (!isObject(raw)) {
    warn(`Ignoring ${SECTION} settings: expected an object, got ${describe(raw)}.`);
    return base;
  }
  let { enable, run, debounceMs, validate, rules, typescript, configFile, useEslintConfig } = base;
  for (const [key, value] of Object.entries(raw)) {
    switch (key) {
      case "enable":
        if (typeof value === "boolean") enable = value;
        else warn(`Ignoring setting ${SECTION}.enable: expected true or false, got ${describe(value)}.`);
        break;
      case "run":
        if (value === "onType" || value === "onSave") run = value;
        else warn(`Ignoring setting ${SECTION}.run: expected "onType" or "onSave", got ${describe(value)}.`);
        break;
      case "debounceMs":
        if (typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 5000) debounceMs = Math.round(value);
        else warn(`Ignoring setting ${SECTION}.debounceMs: expected a number of milliseconds from 0 to 5000, got ${describe(value)}.`);
        break;
      case "validate":
        validate = parseValidate(value, warn) ?? validate;
        break;
      case "rules":
        rules = parseRules(value, warn) ?? rules;
        break;
      case "typescript":
        if (isObject(value)) typescript = parseTypescript(value, warn, typescript);
        else if (value !== null && value !== undefined) warn(`Ignoring setting ${SECTION}.typescript: expected an object, got ${describe(value)}.`);
        break;
      case "typescript.typed":
        typescript = parseTypescript({ typed: value }, warn, typescript);
        break;
      case "configFile":
        if (value === null || value === "") configFile = undefined;
        else if (typeof value === "string") configFile = value.trim() || undefined;
        else warn(`Ignoring setting ${SECTION}.configFile: expected a path, got ${describe(value)}.`);
        break;
      case "useEslintConfig":
        if (value === "auto" || value === "never") useEslintConfig = value;
        else warn(`Ignoring setting ${SECTION}.useEslintConfig: expected "auto" or "never", got ${describe(value)}.`);
        break;
      default:
        if (!CLIENT_SIDE_KEYS.has(key)) warn(`Ignoring unknown setting ${SECTION}.${key}.`);
    }
  }
  return { enable, run, debounceMs, validate, rules, typescript, configFile, useEslintConfig };
}

function parseValidate(value: unknown, warn: (message: string) => void): string[] | undefined {
  if (!Array.isArray(value)) {
    warn(`Ignoring setting ${SECTION}.validate: expected a list of language ids, got ${describe(value)}.`);
    return undefined;
  }
  const languages: string[] = [];
  for (const item of value) {
    if (typeof item === "string" && (LANGUAGES as readonly string[]).includes(item)) {
      if (!languages.includes(item)) languages.push(item);
    } else {
      warn(`Ignoring ${describe(item)} in ${SECTION}.validate: the languages are ${LANGUAGES.join(", ")}.`);
    }
  }
  return languages;
}

function parseRules(value: unknown, warn: (message: string) => void): Record<string, RuleSeverityOverride> | undefined {
  if (!isObject(value)) {
    warn(`Ignoring setting ${SECTION}.rules: expected an object such as { "no-blocking-call": "off" }, got ${describe(value)}.`);
    return undefined;
  }
  const rules: Record<string, RuleSeverityOverride> = {};
  for (const [key, severity] of Object.entries(value)) {
    const id = key.startsWith(`${PLUGIN_NAME}/`) ? key.slice(PLUGIN_NAME.length + 1) : key;
    if (!RULE_IDS.has(id)) {
      warn(`Ignoring ${SECTION}.rules entry ${describe(key)}: no such rule.`);
    } else if (typeof severity !== "string" || !SEVERITIES.has(severity)) {
      warn(`Ignoring ${SECTION}.rules entry ${describe(key)}: expected "off", "info", "warning" or "error", got ${describe(severity)}.`);
    } else {
      rules[id] = severity as RuleSeverityOverride;
    }
  }
  return rules;
}

function parseTypescript(value: Record<string, unknown>, warn: (message: string) => void, base: Settings["typescript"]): Settings["typescript"] {
  let { typed } = base;
  for (const [key, item] of Object.entries(value)) {
    if (key === "typed") {
      if (typeof item === "boolean") typed = item;
      else warn(`Ignoring setting ${SECTION}.typescript.typed: expected true or false, got ${describe(item)}.`);
    } else {
      warn(`Ignoring unknown setting ${SECTION}.typescript.${key}.`);
    }
  }
  return { typed };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  try {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return typeof value;
  }
}
