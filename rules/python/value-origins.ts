/**
 * Where the value of an expression can come from, following names through every binding in their scope
 * (`x = …`, `a, b = …`, `with … as x`, `for x in …`) and parameters through their same-file call sites. The
 * answer is a complete list of "leaves" or nothing: one binding we cannot follow (an import, `global`, `x += …`,
 * `except … as x`, a parameter of a function called from elsewhere…) and the value is unknown. Precision first.
 */
import { argumentFor, callArguments } from "./call-arguments.js";
import { definitionScopeOf, parameterName as parameterNameOf, soleDefinitionOf } from "./definitions.js";
import { classOfMethod, parametersOf } from "./methods.js";
import type { PyNode } from "./parser.js";
import { occurrencesOf } from "./identifier-occurrences.js";
import { identifierRole } from "./references.js";
import { childByField, textOf, unparenthesized } from "./syntax.js";
import { NodeMemo } from "./tree-memo.js";

export type ValueLeaf =
  /** An expression that is not a name: a call, a `/` join, an attribute, a literal… */
  | { readonly kind: "expression"; readonly node: PyNode }
  /** The element `index` of a tuple-unpacking: `reader, writer = <value>`. */
  | { readonly kind: "unpacked"; readonly value: PyNode; readonly index: number }
  /** What entering a context manager gives: `with <manager> as x` / `async with`. */
  | { readonly kind: "entered"; readonly manager: PyNode; readonly isAsync: boolean }
  /** An element of an iterable: `for x in <iterable>`, `[… for x in <iterable>]`. */
  | { readonly kind: "iterated"; readonly iterable: PyNode };

const COMPREHENSIONS = new Set(["list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression"]);
const TUPLE_TARGETS = new Set(["pattern_list", "tuple_pattern", "list_pattern", "expression_list", "tuple", "list"]);
const PARAMETER_SITES = new Set(["identifier", "typed_parameter", "default_parameter", "typed_default_parameter"]);
const MAX_DEPTH = 8;

/** The value of `a = b = value` as seen by each target. */
function assignedValue(assignment: PyNode): PyNode | undefined {
  let right = childByField(assignment, "right");
  while (right?.type === "assignment") right = childByField(right, "right");
  return right;
}

/** `target` is element `index` of a flat tuple/list target (`a, b`, `(a, b)`, `[a, b]`) with no starred element. */
function tupleIndex(left: PyNode, target: PyNode): number | undefined {
  const pattern = unparenthesized(left);
  if (!TUPLE_TARGETS.has(pattern.type)) return undefined;
  if (pattern.children.some((child) => child.type === "list_splat_pattern" || child.type === "list_splat")) return undefined;
  const index = pattern.children.indexOf(target);
  return index >= 0 ? index : undefined;
}

/** The leaf (or the value to follow further) one binding site gives `target`; undefined when it cannot be followed. */
function leafOfBinding(site: PyNode, target: PyNode): ValueLeaf | { readonly kind: "follow"; readonly node: PyNode } | { readonly kind: "parameter" } | undefined {
  switch (site.type) {
    case "assignment": {
      const left = childByField(site, "left");
      const value = assignedValue(site);
      if (!left || !value) return undefined;
      if (left === target) return { kind: "follow", node: value };
      const index = tupleIndex(left, target);
      return index === undefined ? undefined : { kind: "unpacked", value, index };
    }
    case "named_expression": {
      const value = childByField(site, "value");
      return value ? { kind: "follow", node: value } : undefined;
    }
    case "for_statement": {
      const iterable = childByField(site, "right");
      if (site.isAsync || !iterable || childByField(site, "left") !== target) return undefined;
      return { kind: "iterated", iterable };
    }
    case "with_item": {
      // with_item → as_pattern(<manager>, alias: as_pattern_target(<target>))
      const pattern = site.children[0];
      const alias = pattern?.type === "as_pattern" ? childByField(pattern, "alias") : undefined;
      const manager = pattern?.children.find((child) => child.field !== "alias");
      if (!alias || !manager || alias.children.length !== 1 || alias.children[0] !== target) return undefined;
      return { kind: "entered", manager, isAsync: site.parent?.parent?.isAsync === true };
    }
    default:
      return PARAMETER_SITES.has(site.type) && site.parent?.type === "parameters" ? { kind: "parameter" } : undefined;
  }
}

/** The comprehension `for` clause binding `name` around `node`, if a comprehension variable is meant. */
function comprehensionBinding(node: PyNode, name: string, source: string): PyNode | null | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === "function_definition" || current.type === "lambda" || current.type === "class_definition") return undefined;
    if (!COMPREHENSIONS.has(current.type)) continue;
    for (const clause of current.children) {
      if (clause.type !== "for_in_clause") continue;
      const left = childByField(clause, "left");
      if (left?.type === "identifier" && textOf(left, source) === name) return clause.isAsync ? null : clause;
      if (left && occurrencesOf(left, name, source).length > 0) return null; // bound inside a tuple target
    }
  }
  return undefined;
}

/**
 * Every call of `fn` in this file, when `fn` is a plain function (not a method, not decorated, bound once) that is
 * only ever used by calling it by its name, at least once. Undefined otherwise: it is passed around, so it may be
 * called from anywhere.
 */
export function callSitesOf(fn: PyNode, source: string): PyNode[] | undefined {
  const cached = callSitesCache.get(fn);
  if (cached !== undefined) return cached ?? undefined;
  const calls = findCallSites(fn, source);
  callSitesCache.set(fn, calls ?? null);
  return calls;
}

const callSitesCache = new NodeMemo<PyNode[] | null>();
function findCallSites(fn: PyNode, source: string): PyNode[] | undefined {
  if (fn.type !== "function_definition" || fn.parent?.type === "decorated_definition" || classOfMethod(fn)) return undefined;
  const nameNode = childByField(fn, "name");
  if (!nameNode) return undefined;
  const name = textOf(nameNode, source);
  const binding = soleDefinitionOf(nameNode, source);
  if (binding?.definition.kind !== "function") return undefined;
  const calls: PyNode[] = [];
  for (const occurrence of occurrencesOf(binding.scope, name, source)) {
    if (occurrence === nameNode || identifierRole(occurrence) === "none") continue;
    if (definitionScopeOf(occurrence, name, source)?.scope !== binding.scope) continue; // another `name` shadows it there
    const call = occurrence.parent;
    if (call?.type !== "call" || occurrence.field !== "function") return undefined;
    calls.push(call);
  }
  return calls.length > 0 ? calls : undefined;
}

/** The arguments passed for `parameterName` of `fn` at each of its calls (see `callSitesOf`); defaults fill in. */
export function argumentsForParameter(fn: PyNode, parameterName: string, source: string): PyNode[] | undefined {
  const calls = callSitesOf(fn, source);
  if (!calls) return undefined;
  const parameters = parametersOf(fn, source);
  const index = parameters.findIndex((parameter) => parameter.name === parameterName);
  if (index < 0) return undefined;
  const position = parameters[index]!.positional ? index : -1;
  const parameterNode = childByField(fn, "parameters")?.children.find((node) => {
    const named = parameterNameOf(node);
    return named !== undefined && textOf(named, source) === parameterName;
  });
  const defaultValue = parameterNode && parameterNode.type !== "identifier" ? childByField(parameterNode, "value") : undefined;
  const passed: PyNode[] = [];
  for (const call of calls) {
    const args = callArguments(call, source);
    if (!args) return undefined;
    const argument = argumentFor(args, position, parameterName);
    if (argument === "unknown") return undefined;
    const value = argument ?? defaultValue;
    if (!value) return undefined;
    passed.push(value);
  }
  return passed;
}

function collect(expression: PyNode, source: string, depth: number, seen: Set<PyNode>, leaves: ValueLeaf[]): boolean {
  const node = unparenthesized(expression);
  if (node.type !== "identifier") {
    leaves.push({ kind: "expression", node });
    return true;
  }
  if (depth > MAX_DEPTH || seen.has(node)) return false;
  seen.add(node);
  const name = textOf(node, source);

  const clause = comprehensionBinding(node, name, source);
  if (clause === null) return false;
  if (clause) {
    const iterable = childByField(clause, "right");
    if (!iterable) return false;
    leaves.push({ kind: "iterated", iterable });
    return true;
  }

  const binding = definitionScopeOf(node, name, source);
  if (!binding?.scope) return false;
  for (const definition of binding.definitions) {
    if (definition.kind !== "other") return false;
    const leaf = leafOfBinding(definition.site, definition.target);
    if (!leaf) return false;
    if (leaf.kind === "follow") {
      if (!collect(leaf.node, source, depth + 1, seen, leaves)) return false;
    } else if (leaf.kind === "parameter") {
      if (binding.scope.type !== "function_definition") return false;
      const passed = argumentsForParameter(binding.scope, name, source);
      if (!passed) return false;
      for (const value of passed) if (!collect(value, source, depth + 1, seen, leaves)) return false;
    } else {
      leaves.push(leaf);
    }
  }
  return binding.definitions.length > 0;
}

/** Every value `expression` can have, as leaves; undefined when some binding cannot be followed. */
export function valueLeaves(expression: PyNode, source: string): ValueLeaf[] | undefined {
  const leaves: ValueLeaf[] = [];
  return collect(expression, source, 0, new Set(), leaves) ? leaves : undefined;
}

/**
 * The values one binding site (an assignment, `for`, `with … as`) stores into `target` — a name or an attribute
 * such as `self.x` — as leaves; undefined when the site cannot be followed (a parameter, `x += …`, `del`…).
 */
export function storedValueLeaves(site: PyNode, target: PyNode, source: string): ValueLeaf[] | undefined {
  const leaf = leafOfBinding(site, target);
  if (!leaf || leaf.kind === "parameter") return undefined;
  if (leaf.kind !== "follow") return [leaf];
  const leaves: ValueLeaf[] = [];
  return collect(leaf.node, source, 0, new Set(), leaves) ? leaves : undefined;
}
