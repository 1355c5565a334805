/**
 * What each name of a scope is bound to, with the binding sites: the `def`, the `class`, the import, or some
 * other binding (assignment, parameter, `for`, `with … as`, …). Every binding is kept, so a caller can require
 * "bound exactly once, by this `async def`" before it trusts a name; scope.ts condenses them into
 * what import resolution needs.
 */
import { someKeywordNode } from "./identifier-occurrences.js";
import type { PyNode } from "./parser.js";
import { childByField, childrenByField, compactTextOf, textOf } from "./syntax.js";
import { NodeMemo, TreeMemo } from "./tree-memo.js";

/** An import as written: `from ..core import y` is `{ level: 2, module: "core", name: "y" }`. */
export interface ImportTarget {
  /** Leading dots: 0 for an absolute import. */
  readonly level: number;
  /** The dotted module after the dots; "" for `from . import x`. */
  readonly module: string;
  /** For `from m import name`: the imported name. Absent for `import a.b` / `import a.b as x`. */
  readonly name?: string;
}

export type Definition =
  | { readonly kind: "function"; readonly node: PyNode }
  | { readonly kind: "class"; readonly node: PyNode }
  | { readonly kind: "import"; readonly target: ImportTarget }
  /** `site`: the assignment, parameter, `with_item`, `for` … that binds `target` (the identifier). */
  | { readonly kind: "other"; readonly site: PyNode; readonly target: PyNode };

export interface ScopeDefinitions {
  readonly names: ReadonlyMap<string, readonly Definition[]>;
  /** `from m import *` in this scope: any name may come from there. */
  readonly starImports: readonly ImportTarget[];
}

const cache = new NodeMemo<ScopeDefinitions>();
const COMPREHENSIONS = new Set(["list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression"]);

/** The parsed target of an import statement's module part (`..core` → level 2, module "core"). */
export function importModuleOf(node: PyNode | undefined, source: string): { level: number; module: string } {
  if (!node) return { level: 0, module: "" };
  const text = compactTextOf(node, source);
  const dots = /^\.*/u.exec(text)![0].length;
  return { level: dots, module: text.slice(dots) };
}

/** The identifier a parameter node binds (`a`, `a: int`, `a=1`, `*args`, `**kw`), if any. */
export function parameterName(parameter: PyNode): PyNode | undefined {
  if (parameter.type === "identifier") return parameter;
  const named = childByField(parameter, "name");
  if (named?.type === "identifier") return named;
  return parameter.children.find((child) => child.type === "identifier");
}

/**
 * Expressions and expression-only statements: nothing in them binds a name in the enclosing scope but `:=` (a
 * comprehension's `for` binds in the comprehension's own scope, a lambda's parameters in the lambda's). Annotations
 * and decorators are expressions too.
 */
const BINDS_ONLY_BY_WALRUS = new Set([
  "call", "argument_list", "keyword_argument", "attribute", "subscript", "slice", "await", "parenthesized_expression",
  "binary_operator", "boolean_operator", "comparison_operator", "unary_operator", "not_operator", "conditional_expression",
  "string", "concatenated_string", "list", "tuple", "set", "dictionary", "pair", "list_splat", "dictionary_splat",
  "list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression",
  "return_statement", "assert_statement", "raise_statement", "type", "decorator",
]);

/** Where the tree's text has `:=`, in order (asked once per tree: the key is always null). */
const walrusOffsets = new TreeMemo<null, readonly number[]>();

function walrusOffsetsOf(scope: PyNode, source: string): readonly number[] {
  let offsets = walrusOffsets.get(scope, null);
  if (offsets === undefined) {
    const found: number[] = [];
    for (let at = source.indexOf(":="); at !== -1; at = source.indexOf(":=", at + 2)) found.push(at);
    walrusOffsets.set(scope, null, (offsets = found));
  }
  return offsets;
}

/**
 * Whether `node` may hold a `:=`: some `:=` of the text lies inside it (one in a string or comment only makes the
 * walk look inside for nothing). Expressions without one are not walked: in the files that have a few, walking all
 * their expressions was two fifths of this module's walks on the bench corpus.
 */
function mayHoldWalrus(node: PyNode, walruses: readonly number[]): boolean {
  if (walruses.length === 0) return false;
  // The first `:=` at or after the node's start (binary search: a text may spell thousands, in strings).
  let low = 0;
  let high = walruses.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (walruses[mid]! < node.start) low = mid + 1;
    else high = mid;
  }
  return low < walruses.length && walruses[low]! < node.end;
}

/** An expression, or an expression statement of one expression, that cannot bind a name here. */
function bindsNothing(node: PyNode, walruses: readonly number[]): boolean {
  const expression = node.type === "expression_statement" && node.children.length === 1 ? node.children[0]! : node;
  return BINDS_ONLY_BY_WALRUS.has(expression.type) && !mayHoldWalrus(expression, walruses);
}

function addDefinition(names: Map<string, Definition[]>, name: string, definition: Definition): void {
  const list = names.get(name);
  if (list) list.push(definition);
  else names.set(name, [definition]);
}

function bindTargets(names: Map<string, Definition[]>, target: PyNode, site: PyNode, source: string): void {
  if (target.type === "identifier") addDefinition(names, textOf(target, source), { kind: "other", site, target });
  else if (target.type === "attribute" || target.type === "subscript") return;
  else for (const child of target.children) bindTargets(names, child, site, source);
}

/**
 * The walk's two parallel stacks (no entry object per node): the node, and whether it is inside a comprehension, where
 * only `:=` binds in the scope. Shared by every walk (one never starts another), with their own top: popping an array
 * gives back its storage as it empties, and pushing allocates it again. A popped slot is cleared, so that no tree
 * outlives its lint here.
 */
const stack: (PyNode | undefined)[] = [];
const inComprehensions: boolean[] = [];
let top = 0;

/**
 * Pushes `children` (those in `field` only, if given) in reverse, so that bindings are recorded in source order. A node
 * without children binds nothing by itself (an identifier is bound by the statement around it), so leaves are not
 * pushed; nor are expressions without a `:=` in them (only `:=` binds inside one).
 */
function pushChildren(children: readonly PyNode[], inComprehension: boolean, walruses: readonly number[], field?: string): void {
  for (let index = children.length - 1; index >= 0; index--) {
    const child = children[index]!;
    if (child.children.length === 0 || (field !== undefined && child.field !== field)) continue;
    if (bindsNothing(child, walruses)) continue;
    stack[top] = child;
    inComprehensions[top] = inComprehension;
    top++;
  }
}

/** Every binding in `scope` itself (not in scopes nested inside it). Cached per scope node. */
export function definitionsIn(scope: PyNode, source: string): ScopeDefinitions {
  const cached = cache.get(scope);
  if (cached) return cached;
  const names = new Map<string, Definition[]>();
  const starImports: ImportTarget[] = [];
  const add = (name: string, definition: Definition) => addDefinition(names, name, definition);

  const parameters = childByField(scope, "parameters");
  if (parameters) {
    for (const parameter of parameters.children) {
      const name = parameterName(parameter);
      if (name) add(textOf(name, source), { kind: "other", site: parameter, target: name });
    }
  }

  // Inside an expression only `:=` binds: expressions without one need not be walked.
  const walruses = walrusOffsetsOf(scope, source);
  top = 0;
  // The statements (or expression) that make up the scope's body.
  pushChildren(scope.children, false, walruses, scope.type === "module" ? undefined : "body");
  while (top > 0) {
    top--;
    const node = stack[top]!;
    stack[top] = undefined;
    const inComprehension = inComprehensions[top]!;
    if (inComprehension) {
      if (node.type === "named_expression") bindTargets(names, childByField(node, "name") ?? node, node, source);
      if (node.type !== "lambda") pushChildren(node.children, true, walruses);
      continue;
    }
    switch (node.type) {
      case "import_statement":
        for (const item of childrenByField(node, "name")) {
          if (item.type === "aliased_import") {
            const module = compactTextOf(childByField(item, "name")!, source);
            add(textOf(childByField(item, "alias")!, source), { kind: "import", target: { level: 0, module } });
          } else {
            // `import a.b.c` binds `a`; the rest is spelled out by attribute access.
            const first = textOf(item, source).split(".")[0]!.trim();
            add(first, { kind: "import", target: { level: 0, module: first } });
          }
        }
        continue;
      case "import_from_statement": {
        const { level, module } = importModuleOf(childByField(node, "module_name"), source);
        if (node.children.some((child) => child.type === "wildcard_import")) {
          starImports.push({ level, module });
          continue;
        }
        for (const item of childrenByField(node, "name")) {
          const imported = item.type === "aliased_import" ? childByField(item, "name")! : item;
          const local = item.type === "aliased_import" ? childByField(item, "alias")! : item;
          add(textOf(local, source), { kind: "import", target: { level, module, name: textOf(imported, source) } });
        }
        continue;
      }
      case "future_import_statement":
        continue;
      case "function_definition":
        add(textOf(childByField(node, "name")!, source), { kind: "function", node });
        continue; // decorators live in the enclosing decorated_definition; defaults/annotations: rare, ignored
      case "class_definition":
        add(textOf(childByField(node, "name")!, source), { kind: "class", node });
        continue;
      case "lambda":
        continue;
      case "assignment":
      case "augmented_assignment":
      case "for_statement":
        bindTargets(names, childByField(node, "left") ?? node, node, source);
        break;
      case "named_expression":
        bindTargets(names, childByField(node, "name") ?? node, node, source);
        break;
      case "as_pattern_target":
        bindTargets(names, node, node.parent?.parent ?? node, source);
        continue;
      case "global_statement":
      case "nonlocal_statement":
      case "delete_statement":
      case "type_alias_statement":
      case "case_pattern":
        // Bound elsewhere, unbound, or bound by a pattern: never trust such a name.
        for (const identifier of identifiersIn(node)) add(textOf(identifier, source), { kind: "other", site: node, target: identifier });
        continue;
      default:
        if (COMPREHENSIONS.has(node.type)) {
          pushChildren(node.children, true, walruses);
          continue;
        }
    }
    pushChildren(node.children, false, walruses);
  }

  if (scope.type === "module") {
    // `global name` in any function rebinds the module's `name` at run time. (Found by the keyword in the text: the
    // word is common in comments and docstrings, and a walk of the whole tree for each such file cost more.)
    someKeywordNode(scope, "global", "global_statement", source, (statement) => {
      for (const identifier of statement.children) add(textOf(identifier, source), { kind: "other", site: statement, target: identifier });
      return false;
    });
  }

  const result: ScopeDefinitions = { names, starImports };
  cache.set(scope, result);
  return result;
}

function identifiersIn(node: PyNode): PyNode[] {
  return node.type === "identifier" ? [node] : node.children.flatMap(identifiersIn);
}

const SCOPES = new Set(["function_definition", "lambda", "class_definition", "module"]);

/**
 * The scope in which `name`, used at `node`, is bound — following Python's rules: enclosing functions, then the
 * module; a class body is seen only by code directly in it; comprehension variables shadow. Returns null for a
 * name bound nowhere (a builtin, or undefined), and `{ scope: null }` when a comprehension variable binds it.
 */
export function definitionScopeOf(node: PyNode, name: string, source: string): { scope: PyNode | null; definitions: readonly Definition[] } | null {
  let child = node;
  let innermost = true;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (COMPREHENSIONS.has(current.type)) {
      const clauses = current.children.filter((c) => c.type === "for_in_clause");
      for (const clause of clauses) {
        const left = childByField(clause, "left");
        if (left && identifiersIn(left).some((identifier) => textOf(identifier, source) === name)) return { scope: null, definitions: [] };
      }
      continue;
    }
    if (!SCOPES.has(current.type)) continue;
    // Decorators, defaults, annotations and base classes are evaluated in the enclosing scope.
    const inBody = current.type === "module" || child.field === "body";
    if (!inBody) continue;
    if (current.type === "class_definition" && !innermost) continue;
    innermost = false;
    const definitions = definitionsIn(current, source).names.get(name);
    if (definitions) return { scope: current, definitions };
  }
  return null;
}

/**
 * The one binding of the name `identifier` uses (or of `name`, as seen from the node `identifier`), when its scope
 * binds it exactly once: `x = f()` alone, not `x = f()` then `x = g()`. Undefined for names bound nowhere, by a
 * comprehension, or more than once.
 */
export function soleDefinitionOf(identifier: PyNode, source: string, name = textOf(identifier, source)): { scope: PyNode; definition: Definition } | undefined {
  const found = definitionScopeOf(identifier, name, source);
  if (!found?.scope || found.definitions.length !== 1) return undefined;
  return { scope: found.scope, definition: found.definitions[0]! };
}
