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
    id: "no-unawaited-coroutine",
    family: "unawaited",
    languages: ["python"],
    description: "Disallow calling a coroutine function without awaiting or scheduling the coroutine",
    foreignCodes: [],
    fix: "suggestion",
  },
  {
    id: "no-floating-promise",
    family: "unawaited",
    languages: ["typescript"],
    description: "Require promises to be awaited, returned, voided or given a rejection handler",
    foreignCodes: [],
    fix: "suggestion",
  },
  {
    id: "no-dangling-task",
    family: "unawaited",
    languages: ["python", "typescript"],
    description: "Disallow background tasks and stored promises that nothing keeps, awaits or handles",
    foreignCodes: ["RUF006", "ASYNC300"],
    fix: "suggestion",
  },
  {
    id: "no-blocking-sleep",
    family: "blocking",
    languages: ["python", "typescript"],
    description: "Disallow sleeping calls that block the event loop inside async functions",
    foreignCodes: ["ASYNC251"],
    fix: "code",
  },
  {
    id: "no-blocking-call",
    family: "blocking",
    languages: ["python", "typescript"],
    description: "Disallow blocking I/O and process calls inside async functions",
    foreignCodes: ["ASYNC210", "ASYNC212", "ASYNC220", "ASYNC221", "ASYNC222", "ASYNC230", "ASYNC240", "ASYNC250"],
    fix: "suggestion",
  },
  {
    id: "no-unbounded-fan-out",
    family: "concurrency",
    languages: ["python", "typescript"],
    description: "Disallow starting one concurrent operation per input item without a concurrency limit",
    foreignCodes: [],
    fix: "suggestion",
  },
  {
    id: "require-timeout",
    family: "timeouts",
    languages: ["python", "typescript"],
    description: "Require network calls to have a timeout so they cannot hang forever",
    foreignCodes: [],
    fix: "suggestion",
  },
  {
    id: "no-swallowed-cancellation",
    family: "cancellation",
    languages: ["python"],
    description: "Disallow catching asyncio.CancelledError without re-raising it",
    foreignCodes: [],
    fix: "suggestion",
  },
  {
    id: "no-legacy-event-loop",
    family: "legacy",
    languages: ["python"],
    description: "Disallow asyncio.get_event_loop() where get_running_loop() or asyncio.run() is meant",
    foreignCodes: [],
    fix: "code",
  },
  {
    id: "require-task-done",
    family: "concurrency",
    languages: ["python"],
    description: "Require queue consumers to call task_done() when the queue is joined",
    foreignCodes: [],
    fix: "suggestion",
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
