/**
 * Python comments → ESLint disable directives, so suppression, `--no-inline-config` and unused-directive
 * reporting work as they do for JavaScript.
 *
 * Forms understood:
 * - `# eslint-disable`, `# eslint-enable`, `# eslint-disable-line`, `# eslint-disable-next-line` (+ `-- reason`);
 * - `# async-pitfalls: disable=rule-a,rule-b` — that line;
 * - `# noqa` — that line, all rules; `# noqa: ASYNC251, E501` — that line, only codes mapped to our rules.
 *   Foreign codes are ignored and never mean "all".
 *
 * ESLint's fix for an unused directive replaces the directive's node with a space, so a `# noqa` code gets a
 * node of its own covering just that code and one separator: removing it leaves other tools' codes intact.
 */
import { ConfigCommentParser, Directive } from "@eslint/plugin-kit";
import type { FileProblem } from "@eslint/core";
import { PLUGIN_NAME, rulesForForeignCode } from "../catalog.js";
import type { PyComment } from "./parser.js";

const commentParser = new ConfigCommentParser();

/** Part of a comment that a directive stands for; the unused-directive fix replaces exactly this range. */
export interface DirectiveSpan {
  readonly type: "directive-span";
  readonly range: [number, number];
  readonly loc: PyComment["loc"];
}

const ESLINT_LABELS = new Map([
  ["eslint-disable", "disable"],
  ["eslint-enable", "enable"],
  ["eslint-disable-line", "disable-line"],
  ["eslint-disable-next-line", "disable-next-line"],
] as const);

const OWN_DIRECTIVE = new RegExp(String.raw`^\s*${PLUGIN_NAME}:\s*disable=\s*([^\s,]+(?:\s*,\s*[^\s,]+)*)(?:\s+--\s*(.*))?\s*$`, "u");
/** What every directive below spells: most comments are none, and this one test turns them away. */
const MAY_BE_DIRECTIVE = new RegExp(String.raw`eslint|${PLUGIN_NAME}|noqa`, "iu");
/** ruff's grammar: `noqa`, optionally `:` and codes such as `ASYNC251` separated by commas or spaces. */
const NOQA = /(?:^|#)\s*noqa(?::\s?(?<codes>[A-Z]+[0-9]+(?:[,\s]+[A-Z]+[0-9]+)*))?/iu;
const NOQA_CODE = /[A-Z]+[0-9]+/giu;


function qualify(ruleId: string): string {
  return ruleId.includes("/") ? ruleId : `${PLUGIN_NAME}/${ruleId}`;
}

function spanOf(comment: PyComment, start: number, end: number): DirectiveSpan {
  const line = comment.loc.start.line;
  const base = comment.range[0];
  const column = comment.loc.start.column;
  return {
    type: "directive-span",
    range: [start, end],
    loc: { start: { line, column: column + (start - base) }, end: { line, column: column + (end - base) } },
  };
}

/** Whether a comment is a bare `# noqa` (no codes): such a comment may serve other tools, see noqa-processor. */
export function isBareNoqa(commentValue: string): boolean {
  const match = NOQA.exec(commentValue);
  return match !== null && match.groups?.["codes"] === undefined;
}

/**
 * One directive per listed rule, each with its own span, so that ESLint's unused-directive fix (replace the
 * span with one space) removes that entry alone: `# noqa: ASYNC251, E501` becomes `# noqa: E501`.
 */
function listDirectives(comment: PyComment, items: readonly { text: string; start: number; end: number; ruleIds: readonly string[] }[], justification: string): Directive[] {
  const directives: Directive[] = [];
  const text = comment.value;
  const charAt = (offset: number) => text[offset - comment.range[0] - 1] ?? "";
  items.forEach((item, index) => {
    if (item.ruleIds.length === 0) return;
    let span: DirectiveSpan | PyComment = comment;
    if (items.length > 1) {
      if (index === 0) {
        const start = /\s/u.test(charAt(item.start - 1)) ? item.start - 1 : item.start;
        span = spanOf(comment, start, items[1]!.start);
      } else {
        span = spanOf(comment, items[index - 1]!.end, item.end);
      }
    }
    for (const ruleId of item.ruleIds) {
      directives.push(new Directive({ type: "disable-line", node: span, value: ruleId, justification }));
    }
  });
  return directives;
}

/** Entries of a list such as `ASYNC251, E501` with their offsets in the source text. */
function listedEntries(list: string, listStart: number, pattern: RegExp) {
  return [...list.matchAll(pattern)].map((entry) => ({
    text: entry[0],
    start: listStart + entry.index,
    end: listStart + entry.index + entry[0].length,
  }));
}

function noqaDirectives(comment: PyComment): Directive[] {
  const match = NOQA.exec(comment.value);
  if (!match) return [];
  const codes = match.groups?.["codes"];
  if (codes === undefined) {
    return [new Directive({ type: "disable-line", node: comment, value: "", justification: "" })];
  }
  const listStart = comment.range[0] + 1 + match.index + match[0].length - codes.length;
  const entries = listedEntries(codes, listStart, NOQA_CODE).map((code) => ({ ...code, ruleIds: rulesForForeignCode(code.text) }));
  return listDirectives(comment, entries, "");
}

function ownDirectives(comment: PyComment, match: RegExpExecArray): Directive[] {
  const list = match[1]!;
  const listStart = comment.range[0] + 1 + match.index + match[0].indexOf(list);
  const entries = listedEntries(list, listStart, /[^\s,]+/gu).map((id) => ({ ...id, ruleIds: [qualify(id.text)] }));
  return listDirectives(comment, entries, match[2] ?? "");
}

export function collectDirectives(comments: readonly PyComment[]): { problems: FileProblem[]; directives: Directive[] } {
  const problems: FileProblem[] = [];
  const directives: Directive[] = [];
  for (const comment of comments) {
    if (!MAY_BE_DIRECTIVE.test(comment.value)) continue;
    const parsed = commentParser.parseDirective(comment.value);
    const eslintType = parsed ? ESLINT_LABELS.get(parsed.label as "eslint-disable") : undefined;
    if (parsed && eslintType) {
      directives.push(
        new Directive({ type: eslintType, node: comment, value: parsed.value, justification: parsed.justification }),
      );
      continue;
    }
    const own = OWN_DIRECTIVE.exec(comment.value);
    if (own) {
      directives.push(...ownDirectives(comment, own));
      continue;
    }
    directives.push(...noqaDirectives(comment));
  }
  return { problems, directives };
}

/** Comments that configure ESLint inline (`# eslint-disable…`, `# eslint rule: …`), for `--no-inline-config`. */
export function isInlineConfigComment(comment: PyComment): boolean {
  return /^\s*eslint(?:-enable|-disable(?:-next-line|-line)?)?(?:\s|$)/u.test(comment.value);
}
