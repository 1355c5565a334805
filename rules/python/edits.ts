/** Text edits shared by Python fixes: each is idempotent, so ESLint's multi-pass fixer can merge and repeat them. */
import type { RuleTextEdit, RuleTextEditor } from "@eslint/core";
import type { PyNode } from "./parser.js";
import { resolveName } from "./scope.js";
import type { PythonSourceCode } from "./source-code.js";

function isFutureImport(node: PyNode): boolean {
  return node.type === "future_import_statement";
}

function isDocstring(node: PyNode): boolean {
  return node.type === "expression_statement" && node.children.length === 1 && node.children[0]!.type === "string";
}

/** Where a new top-level import goes: after a module docstring and `from __future__` imports, before all else. */
function importInsertionOffset(module: PyNode): { offset: number; before: boolean } {
  const statements = module.children;
  let anchor: PyNode | undefined;
  for (const [index, statement] of statements.entries()) {
    if (isFutureImport(statement) || (index === 0 && isDocstring(statement))) anchor = statement;
    else break;
  }
  if (anchor) return { offset: anchor.end, before: false };
  return { offset: statements[0]?.start ?? 0, before: true };
}

/**
 * Whether `module` is usable as a name at `node`: bound to an import of that very module.
 * Returns "missing" when nothing binds the name (an import can be added) and "conflict" when something else does.
 */
export function moduleNameStatus(node: PyNode, module: string, sourceCode: PythonSourceCode): "bound" | "missing" | "conflict" {
  const binding = resolveName(node, module, sourceCode.text);
  if (!binding) return "missing";
  return binding.kind === "import" && binding.qualifiedName === module ? "bound" : "conflict";
}

/** `import <module>` at the top of the file, unless the name is already bound to it. */
export function ensureImport(fixer: RuleTextEditor, node: PyNode, module: string, sourceCode: PythonSourceCode): RuleTextEdit | null {
  if (moduleNameStatus(node, module, sourceCode) !== "missing") return null;
  const eol = sourceCode.text.includes("\r\n") ? "\r\n" : "\n";
  const { offset, before } = importInsertionOffset(sourceCode.ast);
  return before
    ? fixer.insertTextBeforeRange([offset, offset], `import ${module}${eol}`)
    : fixer.insertTextAfterRange([offset, offset], `${eol}import ${module}`);
}

/** Node types whose operand position binds tighter than `await`, so an inserted `await x` needs parentheses. */
function needsParenthesesForAwait(node: PyNode): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === "attribute" && node.field === "object") return true;
  if (parent.type === "call" && node.field === "function") return true;
  if (parent.type === "subscript" && node.field === "value") return true;
  return false;
}

/** `expr` → `await expr`, parenthesised where precedence requires it. */
export function awaitedText(node: PyNode, expressionText: string): string {
  return needsParenthesesForAwait(node) ? `(await ${expressionText})` : `await ${expressionText}`;
}

/** Inside a generator expression `await` turns it into an async generator: never insert one there. */
export function isInsideGeneratorExpression(node: PyNode): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === "generator_expression") return true;
    if (current.type === "function_definition" || current.type === "lambda") return false;
  }
  return false;
}

