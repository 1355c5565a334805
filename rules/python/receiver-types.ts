/**
 * The library type of a receiver, only when the code proves it: a name bound exactly once, by a known factory
 * (`q = asyncio.Queue()`, `conn = await asyncpg.connect(…)`, `async with aiohttp.ClientSession() as s`) or an
 * annotation (`session: aiohttp.ClientSession`); or `self.attr` when every assignment to it in the class agrees.
 * Anything else — a parameter without annotation, a name rebound, an attribute of an unknown object — is unknown.
 */
import { resolvedNameOf } from "./resolved-name.js";
import { definitionScopeOf, definitionsIn, parameterName, type Definition } from "./definitions.js";
import { typeAnnotations, typeFactories, type FactoryUse } from "./knowledge.js";
import { methodReceiverOf } from "./method-receiver.js";
import type { PyNode } from "./parser.js";
import { childByField } from "./scope.js";
import { descendants } from "./walk.js";

const TUPLE_TARGETS = new Set(["pattern_list", "tuple_pattern", "tuple"]);

function textOf(node: PyNode, source: string): string {
  return source.slice(node.range[0], node.range[1]);
}

/** The type an annotation names (`asyncio.Queue[int]` → `asyncio.Queue`). */
function typeOfAnnotation(annotation: PyNode | undefined, source: string): string | undefined {
  let expression = annotation?.type === "type" ? annotation.children[0] : annotation;
  if (expression?.type === "subscript") expression = childByField(expression, "value");
  if (!expression || (expression.type !== "identifier" && expression.type !== "attribute")) return undefined;
  const name = resolvedNameOf(expression, source);
  return name === undefined ? undefined : typeAnnotations.get(name);
}

/** The type(s) a factory call produces when used as `use` (`call`, `await`, `async-with`, `with`). */
function typeOfFactory(value: PyNode | undefined, use: FactoryUse, source: string): string | readonly string[] | undefined {
  let call = value;
  let how = use;
  if (call?.type === "await") {
    if (use !== "call") return undefined;
    call = call.children[0];
    how = "await";
  }
  const callee = call?.type === "call" ? childByField(call, "function") : undefined;
  const name = callee && resolvedNameOf(callee, source);
  const factory = name === undefined ? undefined : typeFactories.get(name);
  return factory?.uses.includes(how) ? factory.type : undefined;
}

function single(type: string | readonly string[] | undefined): string | undefined {
  return typeof type === "string" ? type : undefined;
}

/** The type an assignment gives `target`: `x = F()`, `x: T = …`, or `a, b = await F()` for a tuple-typed factory. */
function typeOfAssignment(assignment: PyNode, target: PyNode, source: string): string | undefined {
  const left = childByField(assignment, "left");
  const right = childByField(assignment, "right");
  if (left === target) return typeOfAnnotation(childByField(assignment, "type"), source) ?? single(typeOfFactory(right, "call", source));
  if (left && TUPLE_TARGETS.has(left.type) && target.parent === left) {
    const types = typeOfFactory(right, "call", source);
    const index = left.children.indexOf(target);
    return Array.isArray(types) && types.length === left.children.length ? types[index] : undefined;
  }
  return undefined;
}

/** The library type one binding (`x = F()`, `x: T`, `async with F() as x`) gives its name. */
export function typeOfDefinition(definition: Definition, source: string): string | undefined {
  if (definition.kind !== "other") return undefined;
  const { site, target } = definition;
  switch (site.type) {
    case "typed_parameter":
    case "typed_default_parameter":
      return parameterName(site) === target ? typeOfAnnotation(childByField(site, "type"), source) : undefined;
    case "assignment":
      return typeOfAssignment(site, target, source);
    case "with_item": {
      const pattern = childByField(site, "value");
      const alias = pattern && childByField(pattern, "alias");
      if (pattern?.type !== "as_pattern" || alias?.children.length !== 1 || alias.children[0] !== target) return undefined;
      const isAsync = site.parent?.parent?.isAsync === true;
      return single(typeOfFactory(pattern.children[0], isAsync ? "async-with" : "with", source));
    }
    default:
      return undefined;
  }
}

/** `self.attr`'s type: every assignment to it in the class (and any class-level annotation) names the same type. */
function typeOfInstanceAttribute(self: PyNode, attribute: string, source: string): string | undefined {
  const receiver = methodReceiverOf(self, source);
  if (receiver?.kind !== "instance") return undefined;
  const types = new Set<string | undefined>();
  for (const definition of definitionsIn(receiver.classNode, source).names.get(attribute) ?? []) {
    types.add(typeOfDefinition(definition, source));
  }
  for (const definitions of definitionsIn(receiver.classNode, source).names.values()) {
    for (const definition of definitions) {
      if (definition.kind !== "function") continue;
      const first = childByField(definition.node, "parameters")?.children[0];
      const selfName = first && parameterName(first);
      if (!selfName) continue;
      const name = textOf(selfName, source);
      for (const node of descendants(definition.node)) {
        if (node.type !== "attribute") continue;
        const object = childByField(node, "object");
        const attr = childByField(node, "attribute");
        if (object?.type !== "identifier" || textOf(object, source) !== name || !attr || textOf(attr, source) !== attribute) continue;
        const parent = node.parent;
        if (parent?.type === "assignment" && node.field === "left") types.add(typeOfAssignment(parent, node, source));
        else if (isStoreLike(node)) types.add(undefined);
      }
    }
  }
  if (types.size !== 1) return undefined;
  const [type] = types;
  return type;
}

/** Stores other than `self.x = value`: augmented assignment, unpacking, `for`, `with … as`, `del`. */
function isStoreLike(node: PyNode): boolean {
  for (let current: PyNode = node; current.parent; current = current.parent) {
    const parent: PyNode = current.parent;
    if (TUPLE_TARGETS.has(parent.type) || parent.type === "list_pattern" || parent.type === "list" || parent.type === "parenthesized_expression") continue;
    if ((parent.type === "assignment" || parent.type === "augmented_assignment" || parent.type === "for_statement") && current.field === "left") return true;
    return parent.type === "as_pattern_target" || parent.type === "delete_statement";
  }
  return false;
}

/** The library type of `receiver` (a name or `self.attr`), when the code proves it. */
export function provenTypeOf(receiver: PyNode, source: string): string | undefined {
  if (receiver.type === "identifier") {
    const found = definitionScopeOf(receiver, textOf(receiver, source), source);
    if (!found?.scope || found.definitions.length !== 1) return undefined;
    return typeOfDefinition(found.definitions[0]!, source);
  }
  if (receiver.type === "attribute") {
    const object = childByField(receiver, "object");
    const attribute = childByField(receiver, "attribute");
    if (object?.type === "identifier" && attribute) return typeOfInstanceAttribute(object, textOf(attribute, source), source);
  }
  return undefined;
}
