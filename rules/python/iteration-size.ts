/**
 * How many items iterating an expression yields, as far as the code tells: a known count (literals, `range(10)`,
 * `xs[:20]`, `zip` with one of those), "unbounded" (an input: a parameter of the function, data returned by a
 * call), or "undecided" (a loop variable, an attribute, `range(n)`, a name rebound or mutated, anything we cannot
 * follow). Rules act on "unbounded"
 * and on known counts above a threshold; "undecided" means silence.
 */
import { soleDefinitionOf } from "./definitions.js";
import type { PyNode } from "./parser.js";
import { occurrencesOf } from "./identifier-occurrences.js";
import { boundValueOf, identifierRole } from "./references.js";
import { concurrentJoiners, containerConstructors } from "./knowledge.js";
import { builtinCalleeOf, calleeNameOf } from "./resolved-name.js";
import { enclosingClass } from "./scope.js";
import { childByField, compactTextOf, textOf, unparenthesized } from "./syntax.js";

export type Size = { readonly kind: "known"; readonly count: number } | { readonly kind: "unbounded" } | { readonly kind: "undecided" };

const UNBOUNDED: Size = { kind: "unbounded" };
const UNDECIDED: Size = { kind: "undecided" };
const known = (count: number): Size => ({ kind: "known", count });

/** How deep names and calls are followed. */
const MAX_DEPTH = 8;

/** Builtins whose result has as many items as their (first) argument. */
const SAME_SIZE_BUILTINS = new Set(["list", "tuple", "set", "frozenset", "sorted", "reversed", "enumerate", "iter", "dict"]);
/** Methods that change a collection's size in place: a name mutated so has no size we can trust. */
const MUTATING_METHODS = new Set(["append", "extend", "insert", "add", "update", "pop", "remove", "discard", "clear", "setdefault", "popitem"]);
/** Views with as many items as the mapping. */
const VIEW_METHODS = new Set(["items", "keys", "values", "copy"]);

function positionalArguments(call: PyNode): PyNode[] | undefined {
  const args = childByField(call, "arguments")?.children ?? [];
  if (args.some((arg) => arg.type === "list_splat" || arg.type === "dictionary_splat")) return undefined;
  return args.filter((arg) => arg.type !== "keyword_argument");
}

/** The single value `name` is bound to where `identifier` sees it, and whether the binding is a parameter. */
function bindingOf(identifier: PyNode, source: string): { value?: PyNode; parameter?: boolean; scope?: PyNode } | undefined {
  const sole = soleDefinitionOf(identifier, source);
  if (sole?.definition.kind !== "other") return undefined;
  const { scope, definition } = sole;
  if (definition.site.parent?.type === "parameters" || definition.site.parent?.type === "lambda_parameters") return { parameter: true, scope };
  const value = boundValueOf(definition.site, definition.target);
  return value ? { value, scope } : undefined;
}

/** Whether `name` is changed in place anywhere in `scope`: `name.append(…)`, `name[i] = …`, `del name[i]`, `name += …`. */
function isMutated(scope: PyNode, name: string, source: string): boolean {
  for (const identifier of occurrencesOf(scope, name, source)) {
    if (identifierRole(identifier) !== "read") continue;
    const parent = identifier.parent;
    if (!parent) continue;
    if (parent.type === "augmented_assignment") return true;
    if (parent.type === "attribute" && identifier.field === "object") {
      const method = childByField(parent, "attribute");
      if (method && MUTATING_METHODS.has(textOf(method, source))) return true;
    }
    if (parent.type === "subscript" && identifier.field === "value") {
      // `name[k] = v`, `del name[k]`, and through nested items: `name[k][j] = v`, `name[k].append(v)` (a defaultdict).
      let item: PyNode = parent;
      while (item.parent?.type === "subscript" && item.field === "value") item = item.parent;
      const owner = item.parent;
      if ((owner?.type === "assignment" || owner?.type === "augmented_assignment") && item.field === "left") return true;
      if (owner?.type === "delete_statement") return true;
      const method = owner?.type === "attribute" && item.field === "object" ? childByField(owner, "attribute") : undefined;
      if (method && MUTATING_METHODS.has(textOf(method, source)) && owner!.parent?.type === "call") return true;
    }
  }
  return false;
}

/**
 * The value of an integer constant expression: a literal, a local bound once to one, a module-level UPPER_CASE
 * constant, or `+ - * //` of those.
 */
export function constantIntOf(expression: PyNode, source: string, depth = 0): number | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const node = unparenthesized(expression);
  switch (node.type) {
    case "integer": {
      const text = textOf(node, source).replace(/_/gu, "").toLowerCase();
      const value = /^0[xob]/u.test(text) ? Number(text) : /^\d+$/u.test(text) ? Number(text) : Number.NaN;
      return Number.isSafeInteger(value) ? value : undefined;
    }
    case "unary_operator": {
      const operand = node.children[0];
      const value = operand && constantIntOf(operand, source, depth + 1);
      if (value === undefined) return undefined;
      return node.op === "-" ? -value : node.op === "+" ? value : undefined;
    }
    case "binary_operator": {
      const left = childByField(node, "left");
      const right = childByField(node, "right");
      const a = left && constantIntOf(left, source, depth + 1);
      const b = right && constantIntOf(right, source, depth + 1);
      if (a === undefined || b === undefined) return undefined;
      if (node.op === "+") return a + b;
      if (node.op === "-") return a - b;
      if (node.op === "*") return a * b;
      if (node.op === "//" && b !== 0) return Math.floor(a / b);
      return undefined;
    }
    case "identifier": {
      const binding = bindingOf(node, source);
      if (!binding?.value || !binding.scope) return undefined;
      const name = textOf(node, source);
      if (binding.scope.type === "module" && !/^[A-Z][A-Z0-9_]*$/u.test(name)) return undefined;
      return constantIntOf(binding.value, source, depth + 1);
    }
    default:
      return undefined;
  }
}

function rangeCount(start: number, stop: number, step: number): number {
  if (step === 0) return 0;
  return Math.max(0, Math.ceil((stop - start) / step));
}

/** Sum (`+`) of two sizes. */
function sum(a: Size, b: Size): Size {
  if (a.kind === "undecided" || b.kind === "undecided") return UNDECIDED;
  if (a.kind === "unbounded" || b.kind === "unbounded") return UNBOUNDED;
  return known(a.count + b.count);
}

/** The size of nested iteration (`for x in a for y in b`): the product. */
export function product(sizes: readonly Size[]): Size {
  let result: Size = known(1);
  for (const size of sizes) {
    if (size.kind === "undecided" || result.kind === "undecided") return UNDECIDED;
    if (size.kind === "known" && size.count === 0) return known(0);
    if (size.kind === "unbounded" || result.kind === "unbounded") result = UNBOUNDED;
    else result = known(result.count * size.count);
  }
  return result;
}

function sliceSize(slice: PyNode, value: PyNode, source: string, depth: number): Size {
  // `slice` children carry no field names: tell start/stop/step apart by the colons before each.
  const parts: (PyNode | undefined)[] = [undefined, undefined, undefined];
  for (const child of slice.children) {
    const colons = (source.slice(slice.start, child.start).match(/:/gu) ?? []).length;
    if (colons > 2) return UNDECIDED;
    parts[colons] = child;
  }
  const [startNode, stopNode, stepNode] = parts;
  const step = stepNode ? constantIntOf(stepNode, source) : 1;
  const whole = sizeOf(value, source, depth + 1);
  if (step === undefined || step === 0) return UNDECIDED;
  const start = startNode ? constantIntOf(startNode, source) : 0;
  const stop = stopNode ? constantIntOf(stopNode, source) : undefined;
  if (step > 0 && start !== undefined && start >= 0 && stop !== undefined && stop >= 0) return known(rangeCount(start, stop, step));
  if (!stopNode && start !== undefined && start < 0) return known(Math.ceil(-start / Math.abs(step)));
  // `xs[i:i + 10]`: a window of constant width.
  if (startNode && stopNode && step > 0) {
    const stopBinary = unparenthesized(stopNode);
    if (stopBinary.type === "binary_operator" && stopBinary.op === "+") {
      const left = childByField(stopBinary, "left");
      const right = childByField(stopBinary, "right");
      const width = right && constantIntOf(right, source);
      if (left && width !== undefined && compactTextOf(left, source) === compactTextOf(startNode, source)) {
        return known(Math.max(0, Math.ceil(width / step)));
      }
    }
  }
  if (!startNode && !stopNode) return whole.kind === "known" ? known(Math.ceil(whole.count / Math.abs(step))) : whole;
  return UNDECIDED;
}

function callSize(call: PyNode, source: string, depth: number): Size {
  const builtin = builtinCalleeOf(call, source);
  const args = positionalArguments(call);
  if (builtin !== undefined) {
    if (!args) return UNDECIDED;
    if (builtin === "range") {
      const values = args.map((arg) => constantIntOf(arg, source));
      if (values.length >= 1 && values.length <= 3 && values.every((value) => value !== undefined)) {
        const [a, b, c] = values as number[];
        return values.length === 1 ? known(rangeCount(0, a!, 1)) : known(rangeCount(a!, b!, c ?? 1));
      }
      // `range(len(xs))` has the size of `xs`.
      const only = args.length === 1 ? unparenthesized(args[0]!) : undefined;
      if (only?.type === "call" && builtinCalleeOf(only, source) === "len") {
        const inner = positionalArguments(only);
        if (inner?.length === 1) return sizeOf(inner[0]!, source, depth + 1);
      }
      return UNDECIDED; // `range(n)`: a count chosen by the code (a worker pool), not data
    }
    if (SAME_SIZE_BUILTINS.has(builtin)) return args.length >= 1 ? sizeOf(args[0]!, source, depth + 1) : known(0);
    if (builtin === "zip") {
      if (args.length === 0) return known(0);
      const sizes = args.map((arg) => sizeOf(arg, source, depth + 1));
      const counts = sizes.flatMap((size) => (size.kind === "known" ? [size.count] : []));
      if (counts.length > 0) return known(Math.min(...counts));
      return sizes.every((size) => size.kind === "unbounded") ? UNBOUNDED : UNDECIDED;
    }
    if (builtin === "map" || builtin === "filter") return args.length >= 2 ? sizeOf(args[1]!, source, depth + 1) : UNDECIDED;
    return UNDECIDED;
  }
  const name = calleeNameOf(call, source);
  const container = name === undefined ? undefined : containerConstructors.get(name);
  if (container && args) return args.length > container.dataArgument ? sizeOf(args[container.dataArgument]!, source, depth + 1) : known(0);
  // `await asyncio.gather(*xs)`: as many results as awaitables — a batch already started, not new data.
  if (name !== undefined && concurrentJoiners.get(name)?.awaitables === "splat") {
    const all = childByField(call, "arguments")?.children.filter((arg) => arg.type !== "keyword_argument") ?? [];
    return all.reduce<Size>((size, arg) => sum(size, arg.type === "list_splat" ? (arg.children[0] ? sizeOf(arg.children[0], source, depth + 1) : UNDECIDED) : known(1)), known(0));
  }
  const callee = childByField(call, "function");
  if (callee?.type === "attribute") {
    const method = childByField(callee, "attribute");
    const object = childByField(callee, "object");
    if (method && object && VIEW_METHODS.has(textOf(method, source)) && args?.length === 0) return sizeOf(object, source, depth + 1);
  }
  // Data from elsewhere: rows from a query, files from a glob, items from a request.
  return UNBOUNDED;
}

export function sizeOf(expression: PyNode, source: string, depth = 0): Size {
  if (depth > MAX_DEPTH) return UNDECIDED;
  const node = unparenthesized(expression);
  switch (node.type) {
    case "list":
    case "tuple":
    case "set":
    case "dictionary":
    case "expression_list": {
      let size: Size = known(0);
      for (const child of node.children) {
        if (child.type === "list_splat") size = sum(size, child.children[0] ? sizeOf(child.children[0], source, depth + 1) : UNDECIDED);
        else if (child.type === "dictionary_splat") size = sum(size, UNDECIDED);
        else size = sum(size, known(1));
      }
      return size;
    }
    case "string":
    case "concatenated_string":
      return node.children.some((child) => child.type === "interpolation") ? UNDECIDED : known(node.end - node.start);
    case "list_comprehension":
    case "set_comprehension":
    case "dictionary_comprehension":
    case "generator_expression": {
      const sources = node.children.filter((child) => child.type === "for_in_clause").map((clause) => childByField(clause, "right"));
      if (sources.some((right) => !right)) return UNDECIDED;
      return product(sources.map((right) => sizeOf(right!, source, depth + 1)));
    }
    case "call":
      return callSize(node, source, depth);
    case "await": {
      const inner = node.children[0];
      return inner ? sizeOf(inner, source, depth + 1) : UNDECIDED;
    }
    case "subscript": {
      const value = childByField(node, "value");
      const subscripts = node.children.filter((child) => child.field === "subscript");
      if (!value) return UNDECIDED;
      if (subscripts.length === 1 && subscripts[0]!.type === "slice") return sliceSize(subscripts[0]!, value, source, depth);
      // `payload["items"]` of data is data; an element of anything else may be anything.
      return sizeOf(value, source, depth + 1).kind === "unbounded" ? UNBOUNDED : UNDECIDED;
    }
    case "binary_operator": {
      const left = childByField(node, "left");
      const right = childByField(node, "right");
      if (!left || !right) return UNDECIDED;
      if (node.op === "+") return sum(sizeOf(left, source, depth + 1), sizeOf(right, source, depth + 1));
      if (node.op === "*") {
        const times = constantIntOf(right, source) ?? constantIntOf(left, source);
        const collection = constantIntOf(right, source) !== undefined ? left : right;
        if (times === undefined) return UNDECIDED;
        const size = sizeOf(collection, source, depth + 1);
        return size.kind === "known" ? known(size.count * Math.max(0, times)) : size;
      }
      return UNDECIDED;
    }
    case "conditional_expression": {
      // `a if condition else b`: the children carry no field names.
      const [a, , b] = node.children;
      if (!a || !b) return UNDECIDED;
      const sa = sizeOf(a, source, depth + 1);
      const sb = sizeOf(b, source, depth + 1);
      if (sa.kind === "undecided" || sb.kind === "undecided") return UNDECIDED;
      if (sa.kind === "unbounded" || sb.kind === "unbounded") return UNBOUNDED;
      return known(Math.max(sa.count, sb.count));
    }
    case "attribute":
      return attributeSize(node, source, depth);
    case "identifier": {
      const binding = bindingOf(node, source);
      if (!binding) return UNDECIDED;
      if (binding.parameter) return UNBOUNDED; // an input of the function
      if (!binding.value || !binding.scope) return UNDECIDED;
      if (isMutated(binding.scope, textOf(node, source), source)) return UNDECIDED;
      return sizeOf(binding.value, source, depth + 1);
    }
    default:
      return UNDECIDED;
  }
}

/**
 * `Class.ITEMS` / `self.ITEMS` set to a literal in the class body has that size. Other attributes are object
 * state — a registry of services or workers as often as data — so their size is undecided.
 */
function attributeSize(node: PyNode, source: string, depth: number): Size {
  const object = childByField(node, "object");
  const attribute = childByField(node, "attribute");
  if (!object || !attribute) return UNDECIDED;
  const name = textOf(attribute, source);
  const cls = enclosingClass(node);
  if (cls && object.type === "identifier" && ["self", "cls", textOf(childByField(cls, "name")!, source)].includes(textOf(object, source))) {
    const body = childByField(cls, "body");
    for (const statement of body?.children ?? []) {
      const assignment = statement.type === "expression_statement" ? statement.children[0] : undefined;
      const left = assignment?.type === "assignment" ? childByField(assignment, "left") : undefined;
      const right = assignment && childByField(assignment, "right");
      if (left?.type === "identifier" && textOf(left, source) === name && right) {
        const size = sizeOf(right, source, depth + 1);
        if (size.kind === "known") return size;
      }
    }
  }
  return UNDECIDED;
}
