/**
 * The `asyncPitfalls.rules` setting: the editor's own severity per rule, applied to the diagnostics after linting.
 * Applying it here rather than in the lint configuration keeps suppression comments meaningful: a rule switched off
 * in the editor still runs, so an `eslint-disable` comment for it is not reported as unused.
 */
import { type Diagnostic, DiagnosticSeverity } from "vscode-languageserver";
import type { Linter } from "eslint";
import { PLUGIN_NAME } from "../rules/catalog.js";
import type { RuleSeverityOverride } from "./settings.js";

const SEVERITY: Record<Exclude<RuleSeverityOverride, "off">, DiagnosticSeverity> = {
  info: DiagnosticSeverity.Information,
  warning: DiagnosticSeverity.Warning,
  error: DiagnosticSeverity.Error,
};

/** The diagnostics with each rule's override applied: "off" drops them, the others set the severity. */
export function applyRuleOverrides(diagnostics: Diagnostic[], overrides: Readonly<Record<string, RuleSeverityOverride>>): Diagnostic[] {
  if (Object.keys(overrides).length === 0) return diagnostics;
  const result: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const override = typeof diagnostic.code === "string" ? overrides[diagnostic.code] : undefined;
    if (override === undefined) result.push(diagnostic);
    else if (override !== "off") result.push({ ...diagnostic, severity: SEVERITY[override] });
  }
  return result;
}

/** Whether "fix all" may apply a message's fix: not when the editor switched its rule off. */
export function fixAllowed(overrides: Readonly<Record<string, RuleSeverityOverride>>): ((message: Linter.LintMessage) => boolean) | undefined {
  const off = Object.entries(overrides)
    .filter(([, severity]) => severity === "off")
    .map(([id]) => `${PLUGIN_NAME}/${id}`);
  if (off.length === 0) return undefined;
  const blocked = new Set(off);
  return (message) => message.ruleId === null || !blocked.has(message.ruleId);
}
