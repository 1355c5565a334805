/**
 * ESLint messages → LSP diagnostics.
 *
 * ESLint reports 1-based lines and 1-based columns counted in UTF-16 code units; LSP positions are 0-based lines
 * and 0-based UTF-16 characters (the default position encoding). Every edit a quick fix needs is computed here,
 * against the exact text that was linted, and stored in the diagnostic's `data` with that text's version: the
 * code-action handler then needs no state of its own.
 */
import type { Linter } from "eslint";
import { type Diagnostic, DiagnosticSeverity, DiagnosticTag, type Position, type Range, type TextEdit } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { docsUrl, PLUGIN_NAME } from "../rules/catalog.js";
import { describeFix, shortText, splitFix, type EslintFix, type OffsetEdit } from "./fix-edits.js";

export const SOURCE = PLUGIN_NAME;
/** The code of ESLint's reports without a rule: unused `eslint-disable` / `noqa` directives. */
export const UNUSED_DIRECTIVE = "unused-directive";
/** The code of other rule-less reports (a malformed inline-config comment). */
export const DIRECTIVE_PROBLEM = "directive-problem";

export interface EditAction {
  readonly title: string;
  readonly edits: TextEdit[];
}

/** What a diagnostic carries for the code-action handler. */
export interface DiagnosticData {
  /** The version of the document the edits were computed for. */
  readonly version: number;
  /** ESLint's fix, split into the edits that change something. */
  readonly fix?: EditAction;
  readonly suggestions?: EditAction[];
  /**
   * The message has a fix or suggestions whose edits were not computed with the diagnostics (the document's
   * budget for that was spent); the code-action handler computes them from a fresh lint of the same version.
   */
  readonly deferred?: true;
}

/**
 * The language family of the linted file. It decides how ESLint counted lines: JavaScript also breaks lines at
 * U+2028 and U+2029, while Python, like LSP, breaks them at `\r\n`, `\r` and `\n` only.
 */
export type LanguageFamily = "python" | "javascript";

export interface ConversionOptions {
  readonly language: LanguageFamily;
  /**
   * How many characters of fix text may be examined to compute the fixes' edits (each fix costs the length of the
   * text it replaces plus its replacement). ESLint merges a fix's edits into one span, so in a huge file with
   * thousands of findings this is quadratic; past the budget, fixes are computed on request. Default: unlimited.
   */
  readonly editBudget?: number;
}

/*
 * One known inconsistency: the parse errors of @typescript-eslint/parser (which the zero config uses for every
 * TS/JS file) carry TypeScript's 0-based column where ESLint expects a 1-based one, so a fatal message of a TS/JS
 * file is shifted by one here.
 */

export function toDiagnostics(messages: readonly Linter.LintMessage[], linted: TextDocument, options: ConversionOptions): Diagnostic[] {
  const positions = new EslintPositions(linted, options.language);
  const budget = { left: options.editBudget ?? Infinity };
  return messages.map((message) => toDiagnostic(message, linted, positions, budget));
}

/**
 * Converts, with all their edits, only the messages that give one of `wanted` (same range and message): how the
 * code-action handler recomputes edits that were deferred or that a client did not keep.
 */
export function toDiagnosticsLike(
  wanted: readonly Diagnostic[],
  messages: readonly Linter.LintMessage[],
  linted: TextDocument,
  options: ConversionOptions,
): Diagnostic[] {
  const positions = new EslintPositions(linted, options.language);
  return messages
    .filter((message) => {
      const range = messageRange(message, positions);
      return wanted.some((diagnostic) => diagnostic.message === message.message && sameRange(diagnostic.range, range));
    })
    .map((message) => toDiagnostic(message, linted, positions));
}

export function sameRange(a: Range | undefined, b: Range | undefined): boolean {
  return (
    a?.start?.line === b?.start?.line &&
    a?.start?.character === b?.start?.character &&
    a?.end?.line === b?.end?.line &&
    a?.end?.character === b?.end?.character
  );
}

function messageRange(message: Linter.LintMessage, positions: EslintPositions): Range {
  return positions.rangeOf(message.fatal && positions.language === "javascript" ? { ...message, column: message.column + 1 } : message);
}

/** The cost of computing a message's edits, in characters examined. */
function editCost(message: Linter.LintMessage): number {
  const cost = (fix: { range: readonly [number, number]; text: string }) => fix.range[1] - fix.range[0] + fix.text.length;
  return (message.fix ? cost(message.fix) : 0) + (message.suggestions ?? []).reduce((sum, suggestion) => sum + cost(suggestion.fix), 0);
}

export function toDiagnostic(
  message: Linter.LintMessage,
  linted: TextDocument,
  positions = new EslintPositions(linted, "python"),
  budget = { left: Infinity },
): Diagnostic {
  const range = messageRange(message, positions);
  const diagnostic: Diagnostic = {
    range,
    severity: message.fatal || message.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: SOURCE,
    message: message.message,
  };
  if (message.fatal) return diagnostic;

  if (message.ruleId === null) {
    const unused = /^unused\b/iu.test(message.message);
    diagnostic.code = unused ? UNUSED_DIRECTIVE : DIRECTIVE_PROBLEM;
    if (unused) diagnostic.tags = [DiagnosticTag.Unnecessary];
  } else {
    const prefix = `${PLUGIN_NAME}/`;
    const ours = message.ruleId.startsWith(prefix);
    diagnostic.code = ours ? message.ruleId.slice(prefix.length) : message.ruleId;
    if (ours) diagnostic.codeDescription = { href: docsUrl(diagnostic.code) };
  }

  const data: { version: number; fix?: EditAction; suggestions?: EditAction[]; deferred?: true } = { version: linted.version };
  diagnostic.data = data;
  const cost = editCost(message);
  if (cost > budget.left) {
    data.deferred = true;
    return diagnostic;
  }
  budget.left -= cost;
  const text = linted.getText();
  const reported = { start: linted.offsetAt(range.start), end: linted.offsetAt(range.end) };
  if (message.fix) {
    const edits = splitFix(text, message.fix as EslintFix);
    const title = diagnostic.code === UNUSED_DIRECTIVE ? "Remove unused directive" : describeFix(text, edits, reported);
    data.fix = { title, edits: edits.map((edit) => toTextEdit(edit, linted)) };
  }
  if (message.suggestions?.length) {
    data.suggestions = message.suggestions.map((suggestion) => ({
      title: shortText(suggestion.desc, 120) || "Apply suggestion",
      edits: splitFix(text, suggestion.fix as EslintFix).map((edit) => toTextEdit(edit, linted)),
    }));
  }
  return diagnostic;
}

function toTextEdit(edit: OffsetEdit, document: TextDocument): TextEdit {
  return { range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.text };
}

/** ESLint's (1-based line, 1-based UTF-16 column) → LSP positions in the linted document, clamped to it. */
export class EslintPositions {
  readonly language: LanguageFamily;
  readonly #document: TextDocument;
  /** ESLint's line starts, when they differ from LSP's (JavaScript line breaks at U+2028/U+2029). */
  readonly #lineStarts: number[] | undefined;

  constructor(document: TextDocument, language: LanguageFamily) {
    this.#document = document;
    this.language = language;
    const text = document.getText();
    if (language === "javascript" && /[\u2028\u2029]/u.test(text)) {
      const starts = [0];
      for (const match of text.matchAll(/\r\n|[\r\n\u2028\u2029]/gu)) starts.push(match.index + match[0].length);
      this.#lineStarts = starts;
    }
  }

  /** The reported range; a message without an end gets an empty range at its start. */
  rangeOf(message: Pick<Linter.LintMessage, "line" | "column" | "endLine" | "endColumn">): Range {
    const start = this.position(message.line, message.column);
    if (message.endLine === undefined || message.endLine === null) return { start, end: start };
    const end = this.position(message.endLine, message.endColumn ?? message.column);
    const document = this.#document;
    return document.offsetAt(end) < document.offsetAt(start) ? { start, end: start } : { start, end };
  }

  position(line: number, column: number): Position {
    const document = this.#document;
    const line0 = Number.isFinite(line) ? Math.trunc(line) - 1 : 0;
    const character = Number.isFinite(column) ? Math.max(Math.trunc(column) - 1, 0) : 0;
    const starts = this.#lineStarts;
    if (starts) {
      const index = Math.min(Math.max(line0, 0), starts.length - 1);
      const lineEnd = index + 1 < starts.length ? starts[index + 1]! : document.getText().length;
      return document.positionAt(Math.min(starts[index]! + character, lineEnd));
    }
    const safeLine = Math.min(Math.max(line0, 0), Math.max(document.lineCount - 1, 0));
    // offsetAt clamps a character past the end of its line to the line's end.
    return document.positionAt(document.offsetAt({ line: safeLine, character }));
  }
}
