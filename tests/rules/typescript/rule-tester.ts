/** typescript-eslint's RuleTester wired to vitest (globals on), untyped: what the editor runs outside a tsconfig. */
import { RuleTester } from "@typescript-eslint/rule-tester";

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export function typescriptRuleTester(): RuleTester {
  return new RuleTester();
}

/** Options for a CommonJS file (`.cjs`): parsed as a script, `require`/`module`/`exports` are globals. */
export const commonJs = {
  filename: "file.cjs",
  languageOptions: { sourceType: "commonjs", parserOptions: { sourceType: "script" } },
} as const;

/** Lines joined with `\n` and a final newline: keeps multi-line cases readable. */
export function lines(...text: string[]): string {
  return `${text.join("\n")}\n`;
}
