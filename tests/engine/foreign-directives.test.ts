import path from "node:path";
import { TextLinter } from "../../engine/lint-text.js";

describe("the editor's linter and other tools' directives", () => {
  const linter = new TextLinter(process.cwd(), { tolerateSyntaxErrors: true });
  const file = path.join(process.cwd(), "virtual", "a.ts");
  const text = [
    "// eslint-disable-next-line @typescript-eslint/no-floating-promises",
    "fetch('/a');",
    "/* eslint-disable no-console */",
    "console.log(1);",
    "// eslint-disable-next-line async-pitfalls/no-blocking-sleep",
    "export const y = 1;",
    "",
  ].join("\n");

  it("reports our findings and our unused directives, nothing about theirs", () => {
    const messages = linter.lint(text, file).messages.map((m) => `${m.line} ${m.ruleId ?? m.message}`);
    expect(messages).toEqual([
      "2 async-pitfalls/no-floating-promise",
      "5 Unused eslint-disable directive (no problems were reported from 'async-pitfalls/no-blocking-sleep').",
    ]);
  });

  it("fix-all removes our unused directive and keeps theirs", () => {
    const fixed = linter.fix(text, file).fixedText!;
    expect(fixed).toContain("/* eslint-disable no-console */");
    expect(fixed).toContain("@typescript-eslint/no-floating-promises");
    expect(fixed).not.toContain("async-pitfalls/no-blocking-sleep");
  });
});
