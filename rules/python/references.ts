/**
 * How identifiers use their names (read, bound, parameter…), where a name occurs, and whether a value bound to a
 * local name is ever looked at again. Which bindings a scope has is definitions.ts's job.
 */
import { definitionsIn } from "./definitions.js";
import { someOccurrence } from "./identifier-occurrences.js";
import type { PyNode } from "./parser.js";
import { enclosingScope } from "./scope.js";
import { childByField, textOf } from "./syntax.js";

/** How an identifier occurrence uses its name. */
export type IdentifierRole =
  /** Its value is looked at (also `del x`, `x += 1`: they touch the binding). */
  | "read"
  /** It is (re)bound: assignment/`for`/`with … as`/`except … as`/walrus target, `def`/`class` name, import. */
  | "store"
  /** A parameter of a `def`/`lambda`. */
  | "parameter"
  /** `global x` / `nonlocal x`. */
  | "declaration"
  /** Not a variable at all: an attribute name (`o.x`) or a keyword argument name (`f(x=1)`). */
  | "none";

const PATTERN_TYPES = new Set([
  "pattern_list", "tuple_pattern", "list_pattern", "list_splat_pattern", "tuple", "list", "parenthesized_expression",
  "expression_list",
]);
const PARAMETER_TYPES = new Set([
  "parameters", "lambda_parameters", "default_parameter", "typed_parameter", "typed_default_parameter",
  "list_splat_pattern", "dictionary_splat_pattern",
]);
const TARGET_OWNERS = new Set(["assignment", "for_statement", "for_in_clause"]);

export function identifierRole(identifier: PyNode): IdentifierRole {
  const parent = identifier.parent;
  if (!parent) return "read";
  if (parent.type === "attribute" && identifier.field === "attribute") return "none";
  if (parent.type === "keyword_argument" && identifier.field === "name") return "none";
  if ((parent.type === "function_definition" || parent.type === "class_definition") && identifier.field === "name") return "store";
  if (parent.type === "global_statement" || parent.type === "nonlocal_statement") return "declaration";
  if (parent.type === "named_expression" && identifier.field === "name") return "store";
  if (parent.type === "augmented_assignment" && identifier.field === "left") return "read";
  // Parameters: `def f(a, b=1, *c, d: int, **e)`; a default value or annotation is an ordinary expression.
  if (PARAMETER_TYPES.has(parent.type) && identifier.field !== "value" && identifier.field !== "type") {
    for (let current: PyNode | null = parent; current; current = current.parent) {
      if (current.type === "parameters" || current.type === "lambda_parameters") return "parameter";
      if (!PARAMETER_TYPES.has(current.type)) break;
    }
  }
  for (let current: PyNode | null = parent; current; current = current.parent) {
    if (current.type === "import_statement" || current.type === "import_from_statement") return "store";
    if (current.type === "dotted_name" || current.type === "aliased_import") continue;
    break;
  }
  // Binding targets, possibly nested in tuple/list patterns.
  let node: PyNode = identifier;
  let container: PyNode | null = parent;
  while (container && PATTERN_TYPES.has(container.type)) {
    node = container;
    container = container.parent;
  }
  if (container) {
    if (TARGET_OWNERS.has(container.type) && node.field === "left") return "store";
    if (container.type === "as_pattern_target") return "store";
    if (container.type === "as_pattern" && node.field === "alias") return "store";
  }
  return "read";
}

const STORE_PATTERN_TYPES = new Set([
  "pattern_list", "tuple_pattern", "list_pattern", "list_splat_pattern", "tuple", "list", "parenthesized_expression", "expression_list",
]);
const STORING_TYPES = new Set(["assignment", "augmented_assignment", "for_statement", "for_in_clause"]);

/**
 * The node that stores into `target` — a name or an attribute such as `self.x`, possibly inside a tuple pattern:
 * the `assignment`, `augmented_assignment`, `for_statement` or `for_in_clause` it is the left side of, the
 * `as_pattern_target` of a `with … as` / `except … as`, or the `delete_statement`. Undefined when it is read.
 */
export function storingNodeOf(target: PyNode): PyNode | undefined {
  let current = target;
  while (current.parent && STORE_PATTERN_TYPES.has(current.parent.type)) current = current.parent;
  const owner = current.parent;
  if (!owner) return undefined;
  if (STORING_TYPES.has(owner.type)) return current.field === "left" ? owner : undefined;
  return owner.type === "as_pattern_target" || owner.type === "delete_statement" ? owner : undefined;
}

/** Whether `name` is spelled anywhere inside `root` as an identifier (any role): a fresh name must not be. */
export function nameOccursIn(root: PyNode, name: string, source: string): boolean {
  return someOccurrence(root, name, source, () => true);
}

/**
 * The value a binding site (a `Definition` site from definitions.ts) gives `target`: `target = value`,
 * `target: T = value`, `with value as target`. Undefined for other sites (parameters, `for`, tuple targets…).
 */
export function boundValueOf(site: PyNode, target: PyNode): PyNode | undefined {
  if (site.type === "assignment" && target.parent === site && target.field === "left") return site.children.find((child) => child.field === "right");
  if (site.type === "with_item") {
    const pattern = site.children[0];
    const alias = pattern?.type === "as_pattern" ? pattern.children.find((child) => child.field === "alias") : undefined;
    if (alias?.children.length === 1 && alias.children[0] === target) return pattern!.children[0];
  }
  return undefined;
}

const LOOP_TYPES = new Set(["for_statement", "while_statement"]);

/**
 * Whether the value that `statement` binds to `name` can be read again within `fn` (a function or the module):
 * a read after the statement, a read anywhere in a loop (inside `fn`) that contains the statement (the next
 * iteration sees it), or a read in a nested function or lambda (a closure may run at any time).
 */
export function isReadAfter(fn: PyNode, statement: PyNode, name: string, source: string): boolean {
  const end = statement.end;
  const isRead = (identifier: PyNode): boolean => identifierRole(identifier) === "read";
  // Almost every binding is read again soon after it, so the text after the statement is searched first.
  if (someOccurrence(fn, name, source, isRead, end)) return true;
  let outermostLoop: PyNode | undefined;
  for (let current = statement.parent; current && current !== fn; current = current.parent) {
    if (LOOP_TYPES.has(current.type)) outermostLoop = current;
  }
  const readAgain = (identifier: PyNode): boolean =>
    isRead(identifier) &&
    ((outermostLoop !== undefined && identifier.start >= outermostLoop.start && identifier.end <= outermostLoop.end) ||
      enclosingScope(identifier) !== fn);
  return someOccurrence(fn, name, source, readAgain, fn.start, end);
}

/**
 * The name a statement `x = <value>` binds, when `x` is a plain local of a function (not `global`/`nonlocal`) whose
 * value nothing reads afterwards (see `isReadAfter`). Module and class attributes may be read from elsewhere: never.
 */
export function unreadLocalOf(assignment: PyNode, source: string): string | undefined {
  const left = childByField(assignment, "left");
  const statement = assignment.parent;
  if (assignment.type !== "assignment" || left?.type !== "identifier" || statement?.type !== "expression_statement") return undefined;
  const fn = enclosingScope(statement);
  if (fn.type !== "function_definition") return undefined;
  const name = textOf(left, source);
  // Nearly every local is read again: that is asked first, and the function's bindings collected only for the rest.
  if (isReadAfter(fn, statement, name, source)) return undefined;
  const definitions = definitionsIn(fn, source).names.get(name) ?? [];
  const declaredElsewhere = definitions.some(
    (definition) => definition.kind === "other" && (definition.site.type === "global_statement" || definition.site.type === "nonlocal_statement"),
  );
  return declaredElsewhere ? undefined : name;
}
