/** The closing line of a human-readable run: how many findings each rule gave. */
import type { ESLint } from "eslint";

export function perRuleSummary(results: readonly ESLint.LintResult[]): string {
  const counts = new Map<string, number>();
  for (const result of results) {
    for (const message of result.messages) {
      const rule = message.ruleId?.replace(/^async-pitfalls\//u, "") ?? (message.fatal ? "parse errors" : "directives");
      counts.set(rule, (counts.get(rule) ?? 0) + 1);
    }
  }
  if (counts.size === 0) return "";
  const parts = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([rule, count]) => `${rule} ${count}`);
  return `By rule: ${parts.join(", ")}`;
}
