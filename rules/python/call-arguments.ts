/** A call's arguments by position and keyword, and the edit that adds one. */
import type { RuleTextEdit, RuleTextEditor } from "@eslint/core";
import type { PyNode } from "./parser.js";
import { childByField, textOf } from "./syntax.js";

export interface CallArguments {
  /** The `argument_list` node, parentheses included. */
  readonly list: PyNode;
  /** Positional arguments before any keyword, in order. */
  readonly positional: readonly PyNode[];
  /** Keyword arguments: name → value. */
  readonly keywords: ReadonlyMap<string, PyNode>;
  /** `*args` or `**kwargs` present: any parameter may be given through them. */
  readonly hasSplat: boolean;
}

/** The arguments of `call`, or undefined for `f(x for x in y)` (a bare generator argument) or a non-call. */
export function callArguments(call: PyNode, source: string): CallArguments | undefined {
  const list = childByField(call, "arguments");
  if (!list || list.type !== "argument_list") return undefined;
  const positional: PyNode[] = [];
  const keywords = new Map<string, PyNode>();
  let hasSplat = false;
  for (const argument of list.children) {
    if (argument.type === "keyword_argument") {
      const name = childByField(argument, "name");
      const value = childByField(argument, "value");
      if (name && value) keywords.set(textOf(name, source), value);
    } else if (argument.type === "list_splat" || argument.type === "dictionary_splat") {
      hasSplat = true;
    } else {
      positional.push(argument);
    }
  }
  return { list, positional, keywords, hasSplat };
}

/**
 * The argument given for a parameter that can be passed at `position` (or -1 for keyword-only) or as `keyword`.
 * "unknown" when a `*args`/`**kwargs` splat may supply it; undefined when it is not given.
 */
export function argumentFor(args: CallArguments, position: number, keyword: string): PyNode | "unknown" | undefined {
  const byKeyword = args.keywords.get(keyword);
  if (byKeyword) return byKeyword;
  if (position >= 0 && position < args.positional.length) return args.positional[position];
  return args.hasSplat ? "unknown" : undefined;
}

/** Whether `node` is the literal `None`. */
export function isNone(node: PyNode): boolean {
  return node.type === "none";
}

/** Adds `text` as the last argument of the call whose arguments are `args`: `f()` → `f(text)`, `f(a)` → `f(a, text)`. */
export function appendArgument(fixer: RuleTextEditor, args: CallArguments, text: string): RuleTextEdit {
  const last = args.list.children.at(-1);
  if (!last) return fixer.insertTextAfterRange([args.list.start, args.list.start + 1], text);
  return fixer.insertTextAfterRange(last.range, `, ${text}`);
}

/** Sets keyword argument `name` to `valueText`: replaces the value it has, or adds it as the last argument. */
export function setKeywordArgument(fixer: RuleTextEditor, args: CallArguments, name: string, valueText: string): RuleTextEdit {
  const existing = args.keywords.get(name);
  return existing ? fixer.replaceTextRange(existing.range, valueText) : appendArgument(fixer, args, `${name}=${valueText}`);
}
