/**
 * The server's settings (the `asyncPitfalls` section of the editor's configuration). Settings are declarative:
 * nothing in them is executed. Unknown keys and malformed values are ignored with a log line, never fatal.
 *
 * - `enable` (boolean, default true): lint open documents at all.
 * - `run` ("onType" | "onSave", default "onType"): lint on every change (debounced) or only on open and save.
 * - `debounceMs` (number 0–5000, default 120): the pause after the last change before a document is linted.
 * - `trace` is read by the client (`asyncPitfalls.trace.server`), so the server accepts and ignores it.
 */
export interface Settings {
  readonly enable: boolean;
  readonly run: "onType" | "onSave";
  readonly debounceMs: number;
}

export const SECTION = "asyncPitfalls";

export const DEFAULT_SETTINGS: Settings = { enable: true, run: "onType", debounceMs: 120 };

const CLIENT_SIDE_KEYS = new Set(["trace"]);

/** Reads settings from whatever the client sent; `warn` receives one line per ignored key or value. */
export function parseSettings(raw: unknown, warn: (message: string) => void, base: Settings = DEFAULT_SETTINGS): Settings {
  if (raw === undefined || raw === null) return base;
  if (typeof raw !== "object" || Array.isArray(raw)) {
    warn(`Ignoring ${SECTION} settings: expected an object, got ${describe(raw)}.`);
    return base;
  }
  let { enable, run, debounceMs } = base;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
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
      default:
        if (!CLIENT_SIDE_KEYS.has(key)) warn(`Ignoring unknown setting ${SECTION}.${key}.`);
    }
  }
  return { enable, run, debounceMs };
}

function describe(value: unknown): string {
  try {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return typeof value;
  }
}
