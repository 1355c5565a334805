/**
 * Quick fixes from the edits stored in each diagnostic's `data` (computed when the document was linted), so this
 * module keeps no state. A diagnostic computed for another version of the document gets no action: its edits
 * would land in the wrong place.
 */
import path from "node:path";
import {
  type CodeAction,
  CodeActionKind,
  type Diagnostic,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { PLUGIN_NAME } from "../rules/catalog.js";
import { DIRECTIVE_PROBLEM, SOURCE, UNUSED_DIRECTIVE, type DiagnosticData, type EditAction } from "./diagnostics.js";
import { jsHeaderEnd, jsLeadingComments, pythonHeaderEnd, pythonLeadingCommentLines, pythonLineEnd } from "./comment-places.js";
import { splitFix } from "./fix-edits.js";
import { uriToPath } from "./uri.js";

/** `source.fixAll.async-pitfalls`: every safe fix at once (VS Code's `editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;

export interface ActionContext {
  /** The document as it is now. */
  readonly document: TextDocument;
  /** Whether the client accepts versioned `documentChanges` (then it refuses an edit for another version). */
  readonly documentChanges: boolean;
  /**
   * The command that opens a rule's documentation (`[ruleId, url]` as arguments), when the client has one: VS Code's
   * `asyncPitfalls.showDocumentation`, or the server's own that asks the client to show the page. Without it, no
   * "Show documentation" action is offered.
   */
  readonly showDocumentationCommand?: string | undefined;
}

/** Whether a request's `only` filter admits `kind`. Without a filter, quick fixes are admitted and source actions not. */
export function admits(only: readonly string[] | undefined, kind: string): boolean {
  if (only === undefined) return !kind.startsWith(CodeActionKind.Source);
  return only.some((wanted) => wanted === "" || kind === wanted || kind.startsWith(`${wanted}.`));
}

/**
 * The actions for the diagnostics of a request, per diagnostic in this order: the rule's fix (preferred), its
 * suggestions, "Disable <rule> for this line", "Disable <rule> for this file", "Show documentation for <rule>".
 * The last three are offered once per rule (and line), however many findings the request names.
 */
export function quickFixes(diagnostics: readonly Diagnostic[], context: ActionContext): CodeAction[] {
  const actions: CodeAction[] = [];
  const offered = new Set<string>();
  const once = (key: string): boolean => !offered.has(key) && Boolean(offered.add(key));
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== SOURCE) continue;
    const data = readData(diagnostic.data);
    if (!data || data.version !== context.document.version) continue;
    if (data.fix) actions.push(editAction(data.fix, diagnostic, context, true));
    for (const suggestion of data.suggestions ?? []) actions.push(editAction(suggestion, diagnostic, context, false));
    const code = typeof diagnostic.code === "string" ? diagnostic.code : undefined;
    if (code === undefined || code === UNUSED_DIRECTIVE || code === DIRECTIVE_PROBLEM) continue;
    if (once(`line:${code}:${diagnostic.range.start.line}`)) actions.push(disableLineAction(code, diagnostic, context));
    if (once(`file:${code}`)) actions.push(disableFileAction(code, diagnostic, context));
    const href = diagnostic.codeDescription?.href;
    if (context.showDocumentationCommand && typeof href === "string" && once(`docs:${code}`)) {
      const title = `Show documentation for ${PLUGIN_NAME}/${code}`;
      actions.push({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title, command: context.showDocumentationCommand, arguments: [code, href] },
      });
    }
  }
  return actions;
}

function editAction(action: EditAction, diagnostic: Diagnostic, context: ActionContext, preferred: boolean): CodeAction {
  const codeAction: CodeAction = {
    title: action.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: workspaceEdit(context, action.edits),
  };
  if (preferred) codeAction.isPreferred = true;
  return codeAction;
}

export function workspaceEdit(context: ActionContext, edits: TextEdit[]): WorkspaceEdit {
  const { uri, version } = context.document;
  return context.documentChanges
    ? { documentChanges: [{ textDocument: { uri, version }, edits }] }
    : { changes: { [uri]: edits } };
}

/**
 * "Disable <rule> for this line". An `eslint-disable-next-line` comment right above the line gets the rule added,
 * in either language. Otherwise:
 * - Python: `# async-pitfalls: disable=<rule>` at the end of the reported line, or the rule added to such a comment
 *   (or to an `# eslint-disable-line` one) already there. A line that already ends in another comment (`# type:
 *   ignore`, `# noqa: E501`, a note), inside a string or with a backslash continuation gets
 *   `# eslint-disable-next-line` above it instead: the own directive is only recognised at the start of a comment.
 * - TS/JS: `// eslint-disable-next-line async-pitfalls/<rule>` above the line, with its indentation, or the rule
 *   added to such a comment already there.
 */
function disableLineAction(code: string, diagnostic: Diagnostic, context: ActionContext): CodeAction {
  const { document } = context;
  const rule = `${PLUGIN_NAME}/${code}`;
  const line = diagnostic.range.start.line;
  const edit =
    mergeIntoNextLineDirective(document, line, rule) ??
    (isPython(document) ? pythonEndOfLine(document, line, code) : undefined) ??
    nextLineDirective(document, line, rule);
  return {
    title: `Disable ${rule} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: workspaceEdit(context, [edit]),
  };
}

const OWN_DIRECTIVE = new RegExp(String.raw`^(#\s*${PLUGIN_NAME}:\s*disable=\s*)([^\s,]+(?:\s*,\s*[^\s,]+)*)(\s+--.*)?\s*$`, "u");
const PY_DISABLE_LINE = /^(#\s*eslint-disable-line\s+)([^\s,]+(?:\s*,\s*[^\s,]+)*)(\s+--\s.*)?\s*$/u;

/** The end-of-line edit for Python, or undefined when the line needs a comment above it instead. */
function pythonEndOfLine(document: TextDocument, line: number, code: string): TextEdit | undefined {
  const lineText = lineAt(document, line);
  const end = pythonLineEnd(document.getText(), line);
  if (end.inString || end.continued) return undefined;
  const at = (character: number): Range => ({ start: { line, character }, end: { line, character } });
  if (end.commentStart === undefined) {
    const content = lineText.trimEnd();
    return { range: { start: { line, character: content.length }, end: { line, character: lineText.length } }, newText: `  # ${PLUGIN_NAME}: disable=${code}` };
  }
  const comment = lineText.slice(end.commentStart);
  const own = OWN_DIRECTIVE.exec(comment);
  if (own) {
    const listed = own[2]!.split(/\s*,\s*/u);
    const character = end.commentStart + own[1]!.length + own[2]!.length;
    return { range: at(character), newText: listed.includes(code) || listed.includes(`${PLUGIN_NAME}/${code}`) ? "" : `,${code}` };
  }
  const eslint = PY_DISABLE_LINE.exec(comment);
  if (eslint) return { range: at(end.commentStart + eslint[1]!.length + eslint[2]!.length), newText: `, ${PLUGIN_NAME}/${code}` };
  return undefined;
}

/** The rule added to an `eslint-disable-next-line` comment right above the line, if there is one. */
function mergeIntoNextLineDirective(document: TextDocument, line: number, rule: string): TextEdit | undefined {
  if (line === 0) return undefined;
  const comment = isPython(document) ? "#" : "//";
  const previous = lineAt(document, line - 1);
  const directive = new RegExp(`^(\\s*${escapeRegExp(comment)}\\s*eslint-disable-next-line\\s+)(.*?)(\\s+--\\s.*)?$`, "u").exec(previous);
  const rules = directive?.[2]?.trimEnd();
  if (!directive || !rules) return undefined;
  const listed = rules.split(/\s*,\s*/u);
  const character = directive[1]!.length + rules.length;
  return { range: { start: { line: line - 1, character }, end: { line: line - 1, character } }, newText: listed.includes(rule) ? "" : `, ${rule}` };
}

/** A new `eslint-disable-next-line` comment above the line, in the document's comment syntax and the line's indentation. */
function nextLineDirective(document: TextDocument, line: number, rule: string): TextEdit {
  const comment = isPython(document) ? "#" : "//";
  const indent = /^[ \t]*/u.exec(lineAt(document, line))?.[0] ?? "";
  const start = { line, character: 0 };
  return { range: { start, end: start }, newText: `${indent}${comment} eslint-disable-next-line ${rule}${eolOf(document)}` };
}

/**
 * "Disable <rule> for this file": a file-level `eslint-disable` directive at the top, after a shebang (and in
 * Python an encoding declaration, which must stay on the first two lines), or the rule added to such a directive
 * among the file's leading comments. Python: `# eslint-disable async-pitfalls/<rule>`, TS/JS:
 * `/* eslint-disable async-pitfalls/<rule> *\/`.
 */
function disableFileAction(code: string, diagnostic: Diagnostic, context: ActionContext): CodeAction {
  const { document } = context;
  const rule = `${PLUGIN_NAME}/${code}`;
  const edit = isPython(document) ? pythonFileDirective(document, rule) : jsFileDirective(document, rule);
  return {
    title: `Disable ${rule} for this file`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: workspaceEdit(context, [edit]),
  };
}

const PY_FILE_DIRECTIVE = /^(\s*#\s*eslint-disable\s+)([^\s,]+(?:\s*,\s*[^\s,]+)*)(\s+--\s.*)?\s*$/u;

function pythonFileDirective(document: TextDocument, rule: string): TextEdit {
  const lines = document.getText().split(/\r\n|\r|\n/u);
  for (const line of pythonLeadingCommentLines(lines)) {
    const match = PY_FILE_DIRECTIVE.exec(lines[line]!);
    if (match) {
      const at = { line, character: match[1]!.length + match[2]!.length };
      return { range: { start: at, end: at }, newText: `, ${rule}` };
    }
  }
  const at = { line: pythonHeaderEnd(lines), character: 0 };
  if (at.line >= lines.length) {
    // A file made only of a shebang / encoding line without a final line break.
    const last = { line: lines.length - 1, character: lines.at(-1)!.length };
    return { range: { start: last, end: last }, newText: `${eolOf(document)}# eslint-disable ${rule}` };
  }
  return { range: { start: at, end: at }, newText: `# eslint-disable ${rule}${eolOf(document)}` };
}

const JS_FILE_DIRECTIVE = /^(\/\*\s*eslint-disable\s+)([^\s,]+(?:\s*,\s*[^\s,]+)*)([\s\S]*\*\/)$/u;

function jsFileDirective(document: TextDocument, rule: string): TextEdit {
  const text = document.getText();
  for (const comment of jsLeadingComments(text)) {
    const match = comment.block ? JS_FILE_DIRECTIVE.exec(comment.text) : null;
    if (match) {
      const at = document.positionAt(comment.start + match[1]!.length + match[2]!.length);
      return { range: { start: at, end: at }, newText: `, ${rule}` };
    }
  }
  const offset = jsHeaderEnd(text);
  const at = document.positionAt(offset);
  const needsBreakBefore = offset > 0 && offset === text.length && !/[\r\n]$/u.test(text);
  return { range: { start: at, end: at }, newText: `${needsBreakBefore ? eolOf(document) : ""}/* eslint-disable ${rule} */${eolOf(document)}` };
}

function isPython(document: TextDocument): boolean {
  if (document.languageId === "python") return true;
  const filePath = uriToPath(document.uri);
  const extension = filePath === undefined ? "" : path.extname(filePath).toLowerCase();
  return extension === ".py" || extension === ".pyi";
}

function eolOf(document: TextDocument): string {
  return document.getText().includes("\r\n") ? "\r\n" : "\n";
}

function lineAt(document: TextDocument, line: number): string {
  const range: Range = { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
  return document.getText(range).replace(/\r?\n$|\r$/u, "");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/gu, "\\$&");
}

/** The fix-all action for a document whose safe fixes turn `text` into `fixedText`. */
export function fixAllAction(context: ActionContext, text: string, fixedText: string): CodeAction {
  const { document } = context;
  const edits = splitFix(text, { range: [0, text.length], text: fixedText }).map((edit) => ({
    range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) },
    newText: edit.text,
  }));
  return { title: "Fix all auto-fixable async-pitfalls problems", kind: FIX_ALL_KIND, edit: workspaceEdit(context, edits) };
}

/** The `data` of one of our diagnostics, checked: it comes back from the client and may have been mangled. */
export function readData(value: unknown): DiagnosticData | undefined {
  if (!isObject(value) || typeof value["version"] !== "number") return undefined;
  const fix = value["fix"] === undefined ? undefined : readEditAction(value["fix"]);
  if (fix === null) return undefined;
  const rawSuggestions = value["suggestions"];
  let suggestions: EditAction[] | undefined;
  if (rawSuggestions !== undefined) {
    if (!Array.isArray(rawSuggestions)) return undefined;
    suggestions = [];
    for (const raw of rawSuggestions) {
      const suggestion = readEditAction(raw);
      if (suggestion === null) return undefined;
      suggestions.push(suggestion);
    }
  }
  return {
    version: value["version"],
    ...(fix ? { fix } : {}),
    ...(suggestions ? { suggestions } : {}),
    ...(value["deferred"] === true ? { deferred: true as const } : {}),
  };
}

function readEditAction(value: unknown): EditAction | null {
  if (!isObject(value) || typeof value["title"] !== "string" || !Array.isArray(value["edits"])) return null;
  const edits = value["edits"] as unknown[];
  return edits.every(isTextEdit) ? { title: value["title"], edits } : null;
}

function isTextEdit(value: unknown): value is TextEdit {
  return isObject(value) && typeof value["newText"] === "string" && isRange(value["range"]);
}

function isRange(value: unknown): value is Range {
  return isObject(value) && isPosition(value["start"]) && isPosition(value["end"]);
}

function isPosition(value: unknown): boolean {
  return isObject(value) && Number.isInteger(value["line"]) && Number.isInteger(value["character"]);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
