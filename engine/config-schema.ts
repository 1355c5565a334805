/**
 * The shape of a configuration (`[tool.async-pitfalls]` or `async-pitfalls.json`), checked key by key:
 *
 * ```toml
 * ignores = ["migrations/**"]                           # globs, relative to the file's folder
 * [tool.async-pitfalls.rules]
 * no-blocking-call = "error"                            # "off" | "warn" | "error" (or 0 | 1 | 2)
 * no-unbounded-fan-out = ["warn", { maxKnownSize = 50 }] # [severity, options...]
 * ```
 *
 * Rule ids are written with or without the `async-pitfalls/` prefix. Rule options are checked afterwards, against
 * each rule's own schema, by ESLint (see project-config.ts). Every problem is a `SchemaProblem`: a one-line message
 * and the key path it is about, which the caller turns into a line and column.
 */
import type { KeyPath } from "./config-error.js";

export const RULE_PREFIX = "async-pitfalls/";

export type Severity = 0 | 1 | 2;

export interface RuleSetting {
  /** Without the prefix. */
  readonly id: string;
  readonly severity: Severity;
  /** Options after the severity; empty when only a severity is given. */
  readonly options: readonly unknown[];
  /** Where the setting is written, relative to the configuration's root. */
  readonly path: KeyPath;
}

export interface ProjectSettings {
  readonly rules: readonly RuleSetting[];
  readonly ignores: readonly string[];
}

export type ConfigForm = "toml" | "json";

export class SchemaProblem extends Error {
  constructor(
    message: string,
    readonly path: KeyPath,
  ) {
    super(message);
  }
}

const TOP_LEVEL_KEYS = ["ignores", "rules"];
const SEVERITIES: Readonly<Record<string, Severity>> = { off: 0, warn: 1, error: 2 };
const SEVERITY_HINT = `"off", "warn" or "error" (or 0, 1, 2)`;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** "a string", "an array", "a table", … for messages. */
export function describeType(value: unknown, form: ConfigForm): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return value.length === 0 ? "an empty array" : "an array";
  if (value instanceof Date) return "a date";
  if (typeof value === "object") return form === "toml" ? "a table" : "an object";
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  if (typeof value === "number" || typeof value === "boolean") return `${typeof value} ${String(value)}`;
  return `a ${typeof value}`;
}

function quoteList(items: readonly string[]): string {
  const quoted = items.map((item) => `"${item}"`);
  return quoted.length <= 1 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)!}`;
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = distance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function severityOf(value: unknown, id: string, path: KeyPath): Severity {
  if (typeof value === "string" && value in SEVERITIES) return SEVERITIES[value]!;
  if (value === 0 || value === 1 || value === 2) return value;
  const got = typeof value === "string" ? JSON.stringify(value) : String(value);
  throw new SchemaProblem(`rule "${id}": severity must be ${SEVERITY_HINT}, got ${got}`, path);
}

function readRules(raw: unknown, form: ConfigForm, ruleIds: readonly string[]): RuleSetting[] {
  const table = form === "toml" ? "a table" : "an object";
  if (!isPlainObject(raw)) {
    throw new SchemaProblem(`"rules" must be ${table} of rule ids to severities, got ${describeType(raw, form)}`, ["rules"]);
  }
  const known = new Set(ruleIds);
  const settings: RuleSetting[] = [];
  const written = new Map<string, string>();
  for (const [key, value] of Object.entries(raw)) {
    const path = ["rules", key];
    const id = key.startsWith(RULE_PREFIX) ? key.slice(RULE_PREFIX.length) : key;
    if (!known.has(id)) {
      if (id.includes("/")) {
        throw new SchemaProblem(`"${key}" is not an async-pitfalls rule; only async-pitfalls rules can be set here (ESLint's own rules belong in eslint.config.js)`, path);
      }
      const suggestion = closest(id, ruleIds);
      const list = [...ruleIds].sort().join(", ");
      const hint = suggestion ? `; did you mean "${suggestion}"? Known rules: ${list}` : `; known rules: ${list}`;
      throw new SchemaProblem(`unknown rule "${key}"${hint}`, path);
    }
    const previous = written.get(id);
    if (previous !== undefined) throw new SchemaProblem(`rule "${id}" is set twice, as "${previous}" and as "${key}"`, path);
    written.set(id, key);
    if (Array.isArray(value)) {
      if (value.length === 0) throw new SchemaProblem(`rule "${id}": expected a severity ("off", "warn", "error") or [severity, { options }], got an empty array`, path);
      settings.push({ id, severity: severityOf(value[0], id, path), options: value.slice(1), path });
    } else if (typeof value === "string" || typeof value === "number") {
      settings.push({ id, severity: severityOf(value, id, path), options: [], path });
    } else {
      throw new SchemaProblem(`rule "${id}": expected a severity ("off", "warn", "error") or [severity, { options }], got ${describeType(value, form)}`, path);
    }
  }
  return settings;
}

function readIgnores(raw: unknown, form: ConfigForm): string[] {
  if (!Array.isArray(raw)) {
    throw new SchemaProblem(`"ignores" must be an array of glob patterns such as ["migrations/**"], got ${describeType(raw, form)}`, ["ignores"]);
  }
  return raw.map((pattern: unknown, index) => {
    const path = ["ignores", index];
    if (typeof pattern !== "string" || pattern.trim() === "") {
      throw new SchemaProblem(`"ignores" entries must be non-empty glob patterns, got ${describeType(pattern, form)} at position ${index + 1}`, path);
    }
    const body = pattern.startsWith("!") ? pattern.slice(1) : pattern;
    if (body.startsWith("/") || /^[A-Za-z]:[\\/]/u.test(body)) {
      throw new SchemaProblem(`ignore pattern "${pattern}" is absolute; patterns are relative to the folder of this file (e.g. "migrations/**")`, path);
    }
    if (body.startsWith("../")) {
      throw new SchemaProblem(`ignore pattern "${pattern}" leaves the folder of this file; a configuration only governs its own folder`, path);
    }
    return pattern.startsWith("./") ? pattern.slice(2) : pattern;
  });
}

/** Checks a configuration's settings (the `[tool.async-pitfalls]` table or the JSON object) against the schema. */
export function readSettings(raw: unknown, form: ConfigForm, ruleIds: readonly string[]): ProjectSettings {
  if (!isPlainObject(raw)) {
    const expected = form === "toml" ? "[tool.async-pitfalls] must be a table" : `the file must hold a JSON object such as { "rules": { ... } }`;
    throw new SchemaProblem(`${expected}, got ${describeType(raw, form)}`, []);
  }
  let rules: RuleSetting[] = [];
  let ignores: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (key === "rules") rules = readRules(value, form, ruleIds);
    else if (key === "ignores") ignores = readIgnores(value, form);
    else if (!(form === "json" && key === "$schema")) {
      const suggestion = closest(key, TOP_LEVEL_KEYS);
      const hint = suggestion ? ` (did you mean "${suggestion}"?)` : "";
      throw new SchemaProblem(`unknown key "${key}"${hint}; allowed keys are ${quoteList(TOP_LEVEL_KEYS)}`, [key]);
    }
  }
  return { rules, ignores };
}
