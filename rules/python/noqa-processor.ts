/**
 * A bare `# noqa` may be there for flake8 or ruff, so it must never be reported (or "fixed" away) as an unused
 * directive of ours. ESLint has no per-directive switch for that; this processor drops those reports.
 */
import type { Linter } from "eslint";
import { isBareNoqa } from "./directives.js";

/** The text of each file being linted, until its reports come back: only files with an unused directive look into it. */
const textsInLint = new Map<string, string>();

function linesWithBareNoqa(text: string): Set<number> {
  const lines = new Set<number>();
  if (!/noqa/iu.test(text)) return lines; // most files: no need to split them into lines
  text.split(/\r\n|[\r\n]/u).forEach((line, index) => {
    const hash = line.indexOf("#");
    if (hash !== -1 && /noqa/iu.test(line) && isBareNoqa(line.slice(hash))) lines.add(index + 1);
  });
  return lines;
}

function isUnusedDirectiveReport(message: Linter.LintMessage): boolean {
  return message.ruleId === null && message.message.startsWith("Unused eslint-disable directive");
}

export const noqaProcessor: Linter.Processor = {
  meta: { name: "python-noqa" },
  supportsAutofix: true,
  preprocess(text, filename) {
    textsInLint.set(filename, text);
    return [text];
  },
  postprocess(messageLists, filename) {
    const text = textsInLint.get(filename) ?? "";
    textsInLint.delete(filename);
    const messages = messageLists.flat();
    if (!messages.some(isUnusedDirectiveReport)) return messages;
    const lines = linesWithBareNoqa(text);
    return messages.filter((message) => !(isUnusedDirectiveReport(message) && lines.has(message.line)));
  },
};
