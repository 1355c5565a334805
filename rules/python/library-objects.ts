/**
 * Which library object an expression provably is — an aiohttp or requests session, an event loop, a TaskGroup, a
 * queue, a semaphore, a path, a socket… — and, when it is a factory's result, the call that created it. Rules that
 * judge a method call (`s.get(url)`, `loop.create_task(c)`, `q.put(x)`) ask here first: a receiver of unknown
 * type is never a finding.
 *
 * Evidence (tables in knowledge.ts, "Library objects"):
 * - every origin of the value (value-origins.ts: all bindings of a name, parameters through their same-file
 *   callers) is a known factory used as it must be (`asyncio.Queue()`, `await asyncpg.connect(…)`,
 *   `async with aiofiles.open(…) as f`, `reader, writer = await asyncio.open_connection(…)`), the object entered
 *   by `with` when its type enters as itself, or a value derived from a known object (`path / "x"`,
 *   `for p in path.glob("*")`, `conn, _ = sock.accept()`);
 * - declarations (unless a rule asks for values created in sight only, see `Evidence`): the annotation of a name
 *   bound once whose values cannot be followed (`loop: asyncio.AbstractEventLoop`), and `self.x` (`cls.x`) when the
 *   class annotates `x` with a known type or every store to `x` in the class — in its body and through the
 *   receiver of each of its methods — proves the same way (stores of `None` aside: no method runs on those).
 * Anything else — an unannotated parameter called from elsewhere, a store we cannot follow — is unknown.
 */
import { definitionsIn, parameterName, soleDefinitionOf } from "./definitions.js";
import { derivedValues, objectAnnotations, objectFactories, selfEnteringTypes, timeoutWrappers, type FactoryUse } from "./knowledge.js";
import { methodReceiverOf } from "./methods.js";
import type { PyNode } from "./parser.js";
import { storingNodeOf } from "./references.js";
import { calleeNameOf, resolvedNameOf } from "./resolved-name.js";
import { childByField, methodCallOf, textOf, unparenthesized } from "./syntax.js";
import { storedValueLeaves, valueLeaves, type ValueLeaf } from "./value-origins.js";
import { descendants } from "./walk.js";
import { NodeMemo } from "./tree-memo.js";

export interface LibraryObject {
  /** The type, as knowledge.ts names it: `aiohttp.ClientSession`, `asyncio.AbstractEventLoop`… */
  readonly type: string;
  /** The factory call that created it, when the value is that call's result (not derived, not annotated). */
  readonly creation?: PyNode;
}

/** How deep names, stores and derivations are followed. */
const MAX_DEPTH = 6;

/** The type an annotation names (`asyncio.Queue[int]` → `asyncio.Queue`), when it is a known one. */
function typeOfAnnotation(annotation: PyNode | undefined, source: string): string | undefined {
  let expression = annotation?.type === "type" ? annotation.children[0] : annotation;
  if (expression?.type === "subscript") expression = childByField(expression, "value");
  if (!expression || (expression.type !== "identifier" && expression.type !== "attribute")) return undefined;
  const name = resolvedNameOf(expression, source);
  return name === undefined ? undefined : objectAnnotations.get(name);
}

/** The annotation a binding site gives `target`: `x: T`, `x: T = v` (parameters and assignments). */
function annotatedTypeOf(site: PyNode, target: PyNode, source: string): string | undefined {
  const annotated =
    ((site.type === "typed_parameter" || site.type === "typed_default_parameter") && parameterName(site) === target) ||
    (site.type === "assignment" && childByField(site, "left") === target);
  return annotated ? typeOfAnnotation(childByField(site, "type"), source) : undefined;
}

/** What calling `call` gives when used as `use`: one type, a tuple of types, or nothing known. */
function factoryResult(call: PyNode, use: FactoryUse, source: string): string | readonly string[] | undefined {
  const name = calleeNameOf(call, source);
  const factory = name === undefined ? undefined : objectFactories.get(name);
  return factory?.uses.includes(use) ? factory.type : undefined;
}

/** `await f(...)` or `await asyncio.wait_for(f(...), t)` → the call of `f`. */
function awaitedCall(value: PyNode, source: string): PyNode | undefined {
  const node = unparenthesized(value);
  if (node.type !== "await") return undefined;
  let call = node.children[0] ? unparenthesized(node.children[0]) : undefined;
  if (call?.type !== "call") return undefined;
  const name = calleeNameOf(call, source);
  if (name !== undefined && timeoutWrappers.has(name)) {
    const inner = childByField(call, "arguments")?.children[0];
    call = inner ? unparenthesized(inner) : undefined;
  }
  return call?.type === "call" ? call : undefined;
}

/** The one type all of `expression`'s origins have. */
function typeAt(expression: PyNode, source: string, depth: number, declared: boolean): string | undefined {
  const objects = objectsAt(expression, source, depth + 1, declared);
  if (!objects || objects.length === 0) return undefined;
  const [first] = objects;
  return objects.every((object) => object.type === first!.type) ? first!.type : undefined;
}

function expressionObjects(node: PyNode, source: string, depth: number, declared: boolean): LibraryObject[] | undefined {
  switch (node.type) {
    case "call": {
      const created = factoryResult(node, "call", source);
      if (typeof created === "string") return [{ type: created, creation: node }];
      const method = methodCallOf(node, source);
      const type = method && typeAt(method.receiver, source, depth, declared);
      const derived = type ? derivedValues.get(type) : undefined;
      if (derived?.methods?.has(method!.method)) return [{ type: type! }];
      const returned = derived?.returns?.get(method!.method);
      return returned ? [{ type: returned }] : undefined;
    }
    case "await": {
      const call = awaitedCall(node, source);
      const awaited = call && factoryResult(call, "await", source);
      return typeof awaited === "string" ? [{ type: awaited, creation: call! }] : undefined;
    }
    case "binary_operator": {
      for (const operand of [childByField(node, "left"), childByField(node, "right")]) {
        const type = operand && typeAt(operand, source, depth, declared);
        if (type && derivedValues.get(type)?.joinOperator === node.op) return [{ type }];
      }
      return undefined;
    }
    case "attribute": {
      const object = childByField(node, "object");
      const attribute = childByField(node, "attribute");
      if (!object || !attribute) return undefined;
      const receiver = declared && object.type === "identifier" ? methodReceiverOf(object, source) : undefined;
      if (receiver) return attributeObjects(receiver.classNode, textOf(attribute, source), source, depth);
      const type = typeAt(object, source, depth, declared);
      return type && derivedValues.get(type)?.attributes?.has(textOf(attribute, source)) ? [{ type }] : undefined;
    }
    default:
      return undefined;
  }
}

function leafObjects(leaf: ValueLeaf, source: string, depth: number, declared: boolean): LibraryObject[] | undefined {
  switch (leaf.kind) {
    case "expression":
      return expressionObjects(leaf.node, source, depth, declared);
    case "entered": {
      const manager = unparenthesized(leaf.manager);
      const entered = manager.type === "call" ? factoryResult(manager, leaf.isAsync ? "async-with" : "with", source) : undefined;
      if (typeof entered === "string") return [{ type: entered, creation: manager }];
      const managers = objectsAt(manager, source, depth + 1, declared);
      return managers?.every((object) => selfEnteringTypes.has(object.type)) ? managers : undefined;
    }
    case "iterated": {
      const method = methodCallOf(unparenthesized(leaf.iterable), source);
      const type = method && typeAt(method.receiver, source, depth, declared);
      return type && derivedValues.get(type)?.iterators?.has(method!.method) ? [{ type }] : undefined;
    }
    case "unpacked": {
      const awaited = awaitedCall(leaf.value, source);
      const types = awaited && factoryResult(awaited, "await", source);
      if (Array.isArray(types)) {
        const type = types[leaf.index];
        return type ? [{ type, creation: awaited! }] : undefined;
      }
      const method = methodCallOf(unparenthesized(leaf.value), source);
      const type = method && typeAt(method.receiver, source, depth, declared);
      return type && derivedValues.get(type)?.tupleMethods?.get(method!.method) === leaf.index ? [{ type }] : undefined;
    }
  }
}

function leavesObjects(leaves: readonly ValueLeaf[] | undefined, source: string, depth: number, declared: boolean): LibraryObject[] | undefined {
  if (!leaves || leaves.length === 0) return undefined;
  const objects: LibraryObject[] = [];
  for (const leaf of leaves) {
    const found = leafObjects(leaf, source, depth, declared);
    if (!found) return undefined;
    objects.push(...found);
  }
  return objects;
}

/** The binding site of a store into `target` that value-origins.ts can follow, or "unknown"; undefined for a read. */
function storeSiteOf(target: PyNode): PyNode | "unknown" | undefined {
  const owner = storingNodeOf(target);
  if (!owner) return undefined;
  if (owner.type === "assignment" || owner.type === "for_statement") return owner;
  return owner.type === "as_pattern_target" ? (owner.parent?.parent ?? "unknown") : "unknown";
}

interface AttributeStore {
  readonly site: PyNode;
  readonly target: PyNode;
}

/** Per class: every store to `<receiver>.<name>` in its methods, by attribute name; "unknown" when one cannot be followed. */
const storesCache = new NodeMemo<Map<string, AttributeStore[] | "unknown">>();

function attributeStoresOf(classNode: PyNode, source: string): Map<string, AttributeStore[] | "unknown"> {
  let stores = storesCache.get(classNode);
  if (stores) return stores;
  stores = new Map();
  for (const definitions of definitionsIn(classNode, source).names.values()) {
    for (const definition of definitions) {
      if (definition.kind !== "function") continue;
      const first = childByField(definition.node, "parameters")?.children[0];
      const receiverName = first && parameterName(first);
      if (!receiverName) continue;
      const name = textOf(receiverName, source);
      for (const node of descendants(definition.node)) {
        if (node.type !== "attribute") continue;
        const object = childByField(node, "object");
        const attribute = childByField(node, "attribute");
        if (object?.type !== "identifier" || !attribute || textOf(object, source) !== name) continue;
        const site = storeSiteOf(node);
        if (site === undefined) continue;
        const key = textOf(attribute, source);
        const known = stores.get(key);
        if (site === "unknown" || known === "unknown") stores.set(key, "unknown");
        else if (known) known.push({ site, target: node });
        else stores.set(key, [{ site, target: node }]);
      }
    }
  }
  storesCache.set(classNode, stores);
  return stores;
}

/** `self.<name>` in a method of `classNode`: the class's annotation of it, or every store to it. */
function attributeObjects(classNode: PyNode, name: string, source: string, depth: number): LibraryObject[] | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const inBody = definitionsIn(classNode, source).names.get(name) ?? [];
  for (const definition of inBody) {
    const declared = definition.kind === "other" ? annotatedTypeOf(definition.site, definition.target, source) : undefined;
    if (declared) return [{ type: declared }];
  }
  const inMethods = attributeStoresOf(classNode, source).get(name);
  if (inMethods === "unknown") return undefined;
  const stores: AttributeStore[] = [...(inMethods ?? [])];
  for (const definition of inBody) {
    if (definition.kind !== "other") return undefined;
    stores.push({ site: definition.site, target: definition.target });
  }
  if (stores.length === 0) return undefined;
  const objects: LibraryObject[] = [];
  for (const { site, target } of stores) {
    const declared = annotatedTypeOf(site, target, source);
    // `self.x = None` (a default, a reset) is never what a method call on `self.x` runs on: it proves nothing either way.
    const leaves = declared ? [] : storedValueLeaves(site, target, source)?.filter((leaf) => !(leaf.kind === "expression" && leaf.node.type === "none"));
    const found = declared ? [{ type: declared }] : leaves?.length === 0 ? [] : leavesObjects(leaves, source, depth + 1, true);
    if (!found) return undefined;
    objects.push(...found);
  }
  return objects.length > 0 ? objects : undefined;
}

function objectsAt(expression: PyNode, source: string, depth: number, declared: boolean): LibraryObject[] | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const node = unparenthesized(expression);
  const found = leavesObjects(valueLeaves(node, source), source, depth, declared);
  if (found || !declared || node.type !== "identifier") return found;
  // The values cannot all be followed (a parameter called from elsewhere): the annotation of its one binding.
  const sole = soleDefinitionOf(node, source);
  const type = sole?.definition.kind === "other" ? annotatedTypeOf(sole.definition.site, sole.definition.target, source) : undefined;
  return type ? [{ type }] : undefined;
}

export interface Evidence {
  /**
   * Also accept what the code declares rather than shows (default true): an annotation (`loop:
   * asyncio.AbstractEventLoop`) where the values cannot be followed, and `self.x` as its class stores it (code
   * elsewhere may assign it too). With false, only values created or derived in sight count.
   */
  readonly declarations?: boolean;
}

/** Every library object `expression` can be, or undefined when any of its origins is not provably one. */
export function objectsOf(expression: PyNode, source: string, evidence: Evidence = {}): LibraryObject[] | undefined {
  return objectsAt(expression, source, 0, evidence.declarations ?? true);
}

/** The one library type `expression` provably has (all its origins agree). */
export function objectTypeOf(expression: PyNode, source: string, evidence: Evidence = {}): string | undefined {
  return typeAt(expression, source, -1, evidence.declarations ?? true);
}

/** Whether `expression` is provably an object of one of `types` (every origin). */
export function isObjectOf(expression: PyNode, types: ReadonlySet<string>, source: string, evidence: Evidence = {}): boolean {
  const objects = objectsOf(expression, source, evidence);
  return objects !== undefined && objects.length > 0 && objects.every((object) => types.has(object.type));
}
