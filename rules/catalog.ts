/**
 * One entry per rule: the single source of truth for ids, languages, descriptions and doc links.
 * Rule files, the plugin, the CLI (`--list-rules`), SARIF metadata and the docs index all read it.
 */
export type RuleLanguage = "python" | "typescript";

export interface CatalogEntry {
  /** Rule id without the plugin prefix, shared across languages where the meaning is the same. */
  readonly id: string;
  readonly family: "blocking" | "unawaited" | "concurrency" | "timeouts" | "cancellation" | "legacy";
  readonly languages: readonly RuleLanguage[];
  readonly description: string;
  /** Codes other tools (ruff, flake8-async) use for the same finding; `# noqa: CODE` maps through these. */
  readonly foreignCodes: readonly string[];
  /** Whether `--fix` can apply a rewrite ("code") or only suggestions are offered. */
  readonly fix: "code" | "suggestion";
}

export const PLUGIN_NAME = "async-pitfalls";
export const REPOSITORY_URL = "https://github.com/async-pitfalls/async-pitfalls";

export const catalog = [
  {
    id: "no-blocking-sleep",
    family: "blocking",
    languages: ["python", "typescript"],
    description: "Disallow sleeping calls that block the event loop inside async functions",
    foreignCodes: ["ASYNC251"],
    fix: "code",
  },
] as const satisfies readonly CatalogEntry[];

export type RuleId = (typeof catalog)[number]["id"];

export function docsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}

export function findRule(ruleId: string): CatalogEntry | undefined {
  const bare = ruleId.startsWith(`${PLUGIN_NAME}/`) ? ruleId.slice(PLUGIN_NAME.length + 1) : ruleId;
  return (catalog as readonly CatalogEntry[]).find((entry) => entry.id === bare);
}

/** Maps a foreign code such as `ASYNC251` to the qualified rule ids it silences. */
export function rulesForForeignCode(code: string): string[] {
  const upper = code.toUpperCase();
  return (catalog as readonly CatalogEntry[])
    .filter((entry) => entry.foreignCodes.includes(upper))
    .map((entry) => `${PLUGIN_NAME}/${entry.id}`);
}
