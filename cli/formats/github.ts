/** GitHub Actions workflow commands: one `::warning`/`::error` annotation per finding, paths relative to cwd. */
import path from "node:path";
import type { ESLint } from "eslint";

/** Workflow-command escaping, as GitHub's toolkit does it: data escapes %, CR, LF; properties also : and ,. */
function escapeData(text: string): string {
  return text.replace(/%/gu, "%25").replace(/\r/gu, "%0D").replace(/\n/gu, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/gu, "%3A").replace(/,/gu, "%2C");
}

export function formatGithub(results: readonly ESLint.LintResult[], cwd: string): string {
  const lines: string[] = [];
  for (const result of results) {
    const file = path.relative(cwd, result.filePath).split(path.sep).join("/");
    for (const message of result.messages) {
      const command = message.severity === 2 ? "error" : "warning";
      const properties = [
        `file=${escapeProperty(file)}`,
        `line=${message.line}`,
        `col=${message.column}`,
        ...(message.endLine ? [`endLine=${message.endLine}`] : []),
        ...(message.endColumn ? [`endColumn=${message.endColumn}`] : []),
        `title=${escapeProperty(message.ruleId ?? "async-pitfalls")}`,
      ];
      lines.push(`::${command} ${properties.join(",")}::${escapeData(message.message)}`);
    }
  }
  return lines.join("\n");
}
