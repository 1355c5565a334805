/**
 * A bare `# noqa` may be there for flake8 or ruff, so it must never be reported (or "fixed" away) as an unused
 * directive of ours. ESLint has no per-directive switch for that; this processor drops those reports.
 */
import type { Linter } from "eslint";
import { isBareNoqa } from "./directives.js";

const bareNoqaLines = new Map<string, Set<number>>();

function linesWithBareNoqa(text: string): Set<number> {
  const lines = new Set<number>();
  if (!/noqa/iu.test(text)) return lines; // most files: no need to split them into lines
  text.split(/\r\n|[\r\n]/u).forEach((line, index) => {
    const hash = line.indexOf("#");
    if (hash !== -1 && /noqa/iu.test(line) && isBareNoqa(line.slice(hash))) lines.add(index + 1);
  });
  return lines;
}

export const noqaProcessor: Linter.Processor = {
  meta: { name: "python-noqa" },
  supportsAutofix: true,
  preprocess(text, filename) {
    bareNoqaLines.set(filename, linesWithBareNoqa(text));
    return [text];
  },
  postprocess(messageLists, filename) {
    const lines = bareNoqaLines.get(filename) ?? new Set<number>();
    bareNoqaLines.delete(filename);
    return messageLists.flat().filter(
      (message) => !(message.ruleId === null && lines.has(message.line) && message.message.startsWith("Unused eslint-disable directive")),
    );
  },
};
