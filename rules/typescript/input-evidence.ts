/**
 * Where a collection comes from, as evidence that its size is open-ended — the Python rule's model
 * (`rules/python/iteration-size.ts`), so `no-unbounded-fan-out` means the same in both languages:
 *
 * - **unbounded**: an input of the function (a parameter), or data a call returns (`await db.query(…)`,
 *   `await res.json()`, `readdir(dir)`, `rows.filter(…)` of such data), or a local array grown with the items of one
 *   (`names.push(...ids)`);
 * - **undecided** (silence): object state (`this.plugins`, `node.columns`, `space.packages`: a registry of services,
 *   workers or schema parts as often as data), a loop variable, an imported or module-level name, a name reassigned
 *   or filled item by item in a loop, a count we cannot follow (`i < n`), `while` loops, anything else.
 *
 * Rules act on "unbounded" (and on known sizes above a threshold, see `collection-size.ts`); "undecided" means silence.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { isGlobalReference, referenceOf, skipTransparentWrappers, staticMemberName } from "./imports.js";
import { sizePreservingArrayMethods } from "./knowledge.js";

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;
type Variable = TSESLint.Scope.Variable;

export type InputEvidence = "unbounded" | "undecided";

const MAX_DEPTH = 8;

/** Methods that pass their receiver's items on (a subset, a copy, a new order): the result is as open as the receiver. */
const passingMethods: ReadonlySet<string> = new Set([...sizePreservingArrayMethods, "slice", "flat", "flatMap", "concat", "toSpliced", "values", "keys", "entries"]);
/** Global functions that copy their argument's items: `Object.keys(x)`, `Array.from(x)`. */
const copyingStatics: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["Object", new Set(["keys", "values", "entries"])],
  ["Array", new Set(["from"])],
]);

/** How open-ended the collection `node` is. */
export function inputEvidence(node: Node, sourceCode: SourceCode, depth = 0): InputEvidence {
  if (depth > MAX_DEPTH) return "undecided";
  const expression = skipTransparentWrappers(node);
  switch (expression.type) {
    case "Identifier":
      return identifierEvidence(expression, sourceCode, depth);
    case "AwaitExpression": {
      // `await Promise.all(xs.map(f))`: one result per item of `xs`; `await load()`: data from I/O.
      const argument = skipTransparentWrappers(expression.argument);
      const joined = argument.type === "CallExpression" ? joinedInput(argument, sourceCode) : undefined;
      if (joined) return inputEvidence(joined, sourceCode, depth + 1);
      return argument.type === "CallExpression" ? "unbounded" : inputEvidence(argument, sourceCode, depth + 1);
    }
    case "CallExpression":
      return callEvidence(expression, sourceCode, depth);
    case "NewExpression": {
      // `new Set(ids)`, `new Map(entries)`: the items of the argument.
      const callee = skipTransparentWrappers(expression.callee);
      const argument = expression.arguments[0];
      if (callee.type === "Identifier" && (callee.name === "Set" || callee.name === "Map") && argument && argument.type !== "SpreadElement") {
        return inputEvidence(argument, sourceCode, depth + 1);
      }
      return "undecided";
    }
    case "ArrayExpression":
      // `[...ids]`, `[...a, ...b]`: open when a spread part is.
      return expression.elements.some((element) => element?.type === "SpreadElement" && inputEvidence(element.argument, sourceCode, depth + 1) === "unbounded")
        ? "unbounded"
        : "undecided";
    case "ConditionalExpression":
    case "LogicalExpression": {
      const [a, b] = expression.type === "ConditionalExpression" ? [expression.consequent, expression.alternate] : [expression.left, expression.right];
      return inputEvidence(a, sourceCode, depth + 1) === "unbounded" || inputEvidence(b, sourceCode, depth + 1) === "unbounded" ? "unbounded" : "undecided";
    }
    default:
      // Object state (`this.items`, `node.columns`), literals, anything else: undecided.
      return "undecided";
  }
}

function callEvidence(call: TSESTree.CallExpression, sourceCode: SourceCode, depth: number): InputEvidence {
  const callee = skipTransparentWrappers(call.callee);
  if (callee.type === "MemberExpression") {
    const method = staticMemberName(callee);
    const object = skipTransparentWrappers(callee.object);
    if (object.type === "Identifier" && method !== undefined && copyingStatics.get(object.name)?.has(method) && isGlobalReference(object, sourceCode)) {
      const argument = call.arguments[0];
      return argument && argument.type !== "SpreadElement" ? inputEvidence(argument, sourceCode, depth + 1) : "undecided";
    }
    // `rows.filter(…)`, `ids.slice(1)`: the receiver's items.
    if (method !== undefined && passingMethods.has(method)) return inputEvidence(callee.object, sourceCode, depth + 1);
  }
  // Data a call returns.
  return "unbounded";
}

function identifierEvidence(identifier: TSESTree.Identifier, sourceCode: SourceCode, depth: number): InputEvidence {
  const variable = referenceOf(identifier, sourceCode)?.resolved;
  if (!variable || variable.defs.length !== 1) return "undecided";
  const definition = variable.defs[0]!;
  if (definition.type === "Parameter") {
    // `Promise.all(xs.map(f)).then((results) => …)`: the results of a join have the size of what it joined.
    const fn = definition.node;
    const then = fn.parent;
    if (then?.type === "CallExpression" && then.arguments[0] === fn && fn.params[0] === definition.name) {
      const callee = skipTransparentWrappers(then.callee);
      const receiver = callee.type === "MemberExpression" && staticMemberName(callee) === "then" ? skipTransparentWrappers(callee.object) : undefined;
      const joined = receiver?.type === "CallExpression" ? joinedInput(receiver, sourceCode) : undefined;
      if (joined) return inputEvidence(joined, sourceCode, depth + 1);
    }
    // A parameter of a callback handed to a call (`items.forEach((item) => …)`, `.then((rows) => …)`) is data that
    // call passes; a parameter of a declared function is its caller's input. Both are inputs.
    return isReassigned(variable) ? "undecided" : "unbounded";
  }
  if (definition.type !== "Variable" || definition.node.id.type !== "Identifier") return "undecided";
  const declaration = definition.node.parent;
  // A loop variable: one item (or one group) of something else.
  if (declaration.parent?.type === "ForOfStatement" || declaration.parent?.type === "ForInStatement") return "undecided";
  if (isReassigned(variable) || !definition.node.init) return "undecided";
  // Module level (a registry of the program) and imports are not an input of the function.
  if (variable.scope.type === "module" || variable.scope.type === "global") return "undecided";
  const grown = growthOf(variable, sourceCode, depth);
  if (grown === "item by item") return "undecided";
  if (grown === "with an input") return "unbounded";
  return inputEvidence(definition.node.init, sourceCode, depth + 1);
}

/**
 * `Promise.all(xs.map(f))`, `Promise.allSettled(Array.from(xs, f))`, `Promise.all(ps)`: the collection whose items
 * the join's results correspond to (`xs`, or `ps`).
 */
function joinedInput(call: TSESTree.CallExpression, sourceCode: SourceCode): Node | undefined {
  const callee = skipTransparentWrappers(call.callee);
  if (callee.type !== "MemberExpression") return undefined;
  const method = staticMemberName(callee);
  const object = skipTransparentWrappers(callee.object);
  if ((method !== "all" && method !== "allSettled") || object.type !== "Identifier" || object.name !== "Promise") return undefined;
  if (!isGlobalReference(object, sourceCode)) return undefined;
  const argument = call.arguments[0];
  if (!argument || argument.type === "SpreadElement") return undefined;
  const mapped = skipTransparentWrappers(argument);
  if (mapped.type === "CallExpression") {
    const mapCallee = skipTransparentWrappers(mapped.callee);
    if (mapCallee.type === "MemberExpression" && staticMemberName(mapCallee) === "map") return mapCallee.object;
    const from = mapCallee.type === "MemberExpression" ? skipTransparentWrappers(mapCallee.object) : undefined;
    if (from?.type === "Identifier" && from.name === "Array" && mapCallee.type === "MemberExpression" && staticMemberName(mapCallee) === "from") {
      const source = mapped.arguments[0];
      return source && source.type !== "SpreadElement" ? source : undefined;
    }
  }
  return argument;
}

function isReassigned(variable: Variable): boolean {
  return variable.references.some((reference) => reference.isWrite() && !reference.init);
}

/**
 * How the code grows a local array: not at all, `push(item)` one by one (a count the code controls: undecided), or
 * `push(...items)` / `concat`-style with the items of an open-ended input.
 */
function growthOf(variable: Variable, sourceCode: SourceCode, depth: number): "none" | "item by item" | "with an input" {
  let growth: "none" | "item by item" | "with an input" = "none";
  for (const reference of variable.references) {
    const member = reference.identifier.parent;
    if (member?.type !== "MemberExpression" || member.object !== reference.identifier) continue;
    const name = staticMemberName(member);
    if (name !== "push" && name !== "unshift" && name !== "splice") continue;
    const call = member.parent;
    if (call?.type !== "CallExpression" || call.callee !== member) continue;
    const spreadsInput = call.arguments.some(
      (argument) => argument.type === "SpreadElement" && inputEvidence(argument.argument, sourceCode, depth + 1) === "unbounded",
    );
    if (spreadsInput) return "with an input";
    growth = "item by item";
  }
  return growth;
}
