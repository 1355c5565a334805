/**
 * Directive comments written for other tools' rules. A real code base is full of `// eslint-disable-next-line
 * @typescript-eslint/no-explicit-any` and `/* eslint-disable no-console *\/`: they belong to the project's own ESLint
 * set-up, which our zero-config CLI and editor do not run. ESLint would report each as "Definition for rule … was not
 * found" (an error) or, for a core rule it knows but does not run, as an unused directive whose fix deletes the
 * comment. Neither is ours to say: such messages are dropped and their fixes never applied. Unused directives that
 * name only our rules stay reported (and fixable).
 */
import type { ESLint, Linter } from "eslint";
import { PLUGIN_NAME } from "../rules/catalog.js";

const OURS = `${PLUGIN_NAME}/`;
const RULE_NOT_FOUND = /^Definition for rule '[^']+' was not found\.$/u;
const UNUSED_DIRECTIVE = /^Unused eslint-(?:disable|enable) directive\b/u;

/** Whether a message is about a directive for rules we do not run (or for no rule in particular). */
export function isAboutForeignDirective(message: Linter.LintMessage): boolean {
  if (message.ruleId !== null && !message.ruleId.startsWith(OURS)) return RULE_NOT_FOUND.test(message.message);
  if (message.ruleId === null && UNUSED_DIRECTIVE.test(message.message)) {
    const named = [...message.message.matchAll(/'([^']+)'/gu)].map((match) => match[1]!);
    // A bare `eslint-disable` may be there for the project's own rules.
    return named.length === 0 || named.some((rule) => !rule.startsWith(OURS));
  }
  return false;
}

export function withoutForeignDirectives(messages: Linter.LintMessage[]): Linter.LintMessage[] {
  return messages.some(isAboutForeignDirective) ? messages.filter((message) => !isAboutForeignDirective(message)) : messages;
}

/** The same for an ESLint run's results, with their counts made to match. */
export function resultsWithoutForeignDirectives(results: ESLint.LintResult[]): ESLint.LintResult[] {
  return results.map((result) => {
    const messages = withoutForeignDirectives(result.messages);
    if (messages === result.messages) return result;
    const count = (severity: number, also: (message: Linter.LintMessage) => boolean = () => true) =>
      messages.filter((message) => message.severity === severity && also(message)).length;
    return {
      ...result,
      messages,
      errorCount: count(2),
      fatalErrorCount: count(2, (message) => message.fatal === true),
      warningCount: count(1),
      fixableErrorCount: count(2, (message) => message.fix !== undefined),
      fixableWarningCount: count(1, (message) => message.fix !== undefined),
    };
  });
}
