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
import { splitFix } from "./fix-edits.js";
import { uriToPath } from "./uri.js";

/** `source.fixAll.async-pitfalls`: every safe fix at once (VS Code's `editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;

export interface ActionContext {
  /** The document as it is now. */
  readonly document: TextDocument;
  /** Whether the client accepts versioned `documentChanges` (then it refuses an edit for another version). */
  readonly documentChanges: boolean;
}

/** Whether a request's `only` filter admits `kind`. Without a filter, quick fixes are admitted and source actions not. */
export function admits(only: readonly string[] | undefined, kind: string): boolean {
  if (only === undefined) return !kind.startsWith(CodeActionKind.Source);
  return only.some((wanted) => wanted === "" || kind === wanted || kind.startsWith(`${wanted}.`));
}

export function quickFixes(diagnostics: readonly Diagnostic[], context: ActionContext): CodeAction[] {
  const actions: CodeAction[] = [];
  const disabled = new Set<string>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== SOURCE) continue;
    const data = readData(diagnostic.data);
    if (!data || data.version !== context.document.version) continue;
    if (data.fix) actions.push(editAction(data.fix, diagnostic, context, true));
    for (const suggestion of data.suggestions ?? []) actions.push(editAction(suggestion, diagnostic, context, false));
    const code = typeof diagnostic.code === "string" ? diagnostic.code : undefined;
    if (code !== undefined && code !== UNUSED_DIRECTIVE && code !== DIRECTIVE_PROBLEM) {
      const key = `${code}:${diagnostic.range.start.line}`;
      if (!disabled.has(key)) {
        disabled.add(key);
        actions.push(disableLineAction(code, diagnostic, context));
      }
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
 * "Disable <rule> for this line": an `eslint-disable-next-line` comment above the reported line, in the
 * document's comment syntax, or the rule appended to such a comment that is already there.
 */
function disableLineAction(code: string, diagnostic: Diagnostic, context: ActionContext): CodeAction {
  const { document } = context;
  const rule = `${PLUGIN_NAME}/${code}`;
  const comment = lineCommentOf(document);
  const line = diagnostic.range.start.line;
  const lineText = lineAt(document, line);
  let edit: TextEdit | undefined;
  if (line > 0) {
    const previous = lineAt(document, line - 1);
    const directive = new RegExp(`^(\\s*${escapeRegExp(comment)}\\s*eslint-disable-next-line\\s+)(.*?)(\\s+--\\s.*)?$`, "u").exec(previous);
    const rules = directive?.[2]?.trimEnd();
    if (directive && rules) {
      const character = directive[1]!.length + rules.length;
      edit = { range: { start: { line: line - 1, character }, end: { line: line - 1, character } }, newText: `, ${rule}` };
    }
  }
  if (!edit) {
    const indent = /^[ \t]*/u.exec(lineText)?.[0] ?? "";
    const eol = document.getText().includes("\r\n") ? "\r\n" : "\n";
    const start = { line, character: 0 };
    edit = { range: { start, end: start }, newText: `${indent}${comment} eslint-disable-next-line ${rule}${eol}` };
  }
  return {
    title: `Disable ${rule} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: workspaceEdit(context, [edit]),
  };
}

function lineCommentOf(document: TextDocument): "#" | "//" {
  if (document.languageId === "python") return "#";
  const filePath = uriToPath(document.uri);
  const extension = filePath === undefined ? "" : path.extname(filePath).toLowerCase();
  return extension === ".py" || extension === ".pyi" ? "#" : "//";
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
