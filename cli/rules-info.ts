/** `--list-rules` and `--explain <id>`: the catalogue and the docs, in the terminal. */
import { readFileSync } from "node:fs";
import { catalog, type CatalogEntry } from "../rules/catalog.js";
import { plugin } from "../engine/config.js";

export function listRules(): string {
  const implemented = new Set(Object.keys(plugin.rules ?? {}));
  const rows = (catalog as readonly CatalogEntry[])
    .filter((entry) => implemented.has(entry.id))
    .map((entry) => [entry.id, entry.languages.join(", "), entry.fix === "code" ? "autofix" : "suggestion", entry.description]);
  const header = ["rule", "languages", "fix", "description"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell)).join("  ").trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}

export function explainRule(id: string): string {
  const page = new URL(`../../docs/rules/${id}.md`, import.meta.url);
  try {
    return readFileSync(page, "utf8");
  } catch {
    return `${id}: no documentation page found.`;
  }
}
