/**
 * Rewriting a call into an awaited call in place: `readFileSync(p).length` → `(await readFile(p)).length`.
 * Knows which node to replace (a whole optional chain), where `await` needs parentheses, the text of the argument
 * list, and the `;` that keeps a statement starting with `(` from joining the previous line.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** The node that evaluates to the call's value: the call, or the optional chain it ends. */
export function callValueNode(call: TSESTree.CallExpression): Node {
  return call.parent.type === "ChainExpression" ? call.parent : call;
}

/** The text of a call's argument list, `(` to `)` inclusive; `undefined` with explicit type arguments. */
export function argumentListText(call: TSESTree.CallExpression, sourceCode: SourceCode): string | undefined {
  if (call.typeArguments) return undefined;
  const open = sourceCode.getTokenAfter(call.callee, (token) => token.value === "(");
  if (!open || open.range[0] >= call.range[1]) return undefined;
  return sourceCode.text.slice(open.range[0], call.range[1]);
}

/** Whether `await <expression>` must be parenthesised where `node` stands (its parent binds tighter than unary). */
export function awaitNeedsParentheses(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case "MemberExpression":
      return parent.object === node;
    case "CallExpression":
    case "NewExpression":
      return parent.callee === node;
    case "TaggedTemplateExpression":
      return parent.tag === node;
    case "BinaryExpression":
      return parent.operator === "**" && parent.left === node;
    case "TSNonNullExpression":
    case "TSInstantiationExpression":
    case "UpdateExpression":
    case "ChainExpression":
    case "Decorator":
      return true;
    default:
      return false;
  }
}

/**
 * Whether text starting with `(` in place of `node` could join the previous line: `node` starts an expression
 * statement that follows, in a statement list, a statement not ended by `;` (`x = {}` then `(await …)` would call).
 */
function mayJoinPreviousStatement(node: Node, sourceCode: SourceCode): boolean {
  let current: Node = node;
  let parent = node.parent;
  for (; parent && parent.type !== "ExpressionStatement"; current = parent, parent = parent.parent) {
    if (parent.range[0] !== current.range[0]) return false;
  }
  if (!parent || parent.range[0] !== current.range[0]) return false;
  const list = statementList(parent.parent);
  const index = list ? list.indexOf(parent) : -1;
  if (!list || index <= 0) return false;
  return sourceCode.getLastToken(list[index - 1]!)?.value !== ";";
}

function statementList(node: Node | undefined): readonly Node[] | undefined {
  if (!node) return undefined;
  if (node.type === "Program" || node.type === "BlockStatement" || node.type === "StaticBlock") return node.body;
  if (node.type === "SwitchCase") return node.consequent;
  return undefined;
}

/**
 * The replacement text for `replaced` when it becomes `await <expression>`: parenthesised where needed, with a
 * leading `;` when a statement would start with `(` right after one without it.
 */
export function awaitedText(replaced: Node, expression: string, sourceCode: SourceCode): string {
  const text = `await ${expression}`;
  if (!awaitNeedsParentheses(replaced)) return text;
  return `${mayJoinPreviousStatement(replaced, sourceCode) ? ";" : ""}(${text})`;
}
