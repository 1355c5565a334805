/**
 * Whether an expression is provably an instance of a known library class (`requests.Session`, `pathlib.Path`,
 * `socket.socket`, `aiohttp.ClientSession`, `asyncio.StreamReader`…), and which factory calls created it. Evidence
 * is the value's every origin (see value-origins.ts) being a factory call from `instanceFactories`, or a value
 * derived from such an instance (`path / "x"`, `for p in path.glob("*")`, `conn, _ = sock.accept()`).
 */
import { awaitedTupleFactories, derivedValues, instanceFactories, selfEnteringClasses, timeoutWrappers } from "./knowledge.js";
import type { PyNode } from "./parser.js";
import { resolvedNameOf } from "./resolved-name.js";
import { childByField } from "./scope.js";
import { unparenthesized, valueLeaves, type ValueLeaf } from "./value-origins.js";

export interface Instance {
  readonly className: string;
  /** The factory call that created it, when the value is that call's result (not a derived value). */
  readonly creation?: PyNode;
}

const MAX_DEPTH = 6;

function textOf(node: PyNode, source: string): string {
  return source.slice(node.range[0], node.range[1]);
}

/** The resolved name of the function a call calls (imports followed, builtins by their name). */
export function calleeName(call: PyNode, source: string): string | undefined {
  const callee = childByField(call, "function");
  return callee ? resolvedNameOf(callee, source) : undefined;
}

/** `obj.method(...)` → [obj, "method"]. */
function methodCall(node: PyNode, source: string): [PyNode, string] | undefined {
  if (node.type !== "call") return undefined;
  const callee = childByField(node, "function");
  if (callee?.type !== "attribute") return undefined;
  const object = childByField(callee, "object");
  const attribute = childByField(callee, "attribute");
  return object && attribute ? [object, textOf(attribute, source)] : undefined;
}

function classOf(expression: PyNode, source: string, depth: number): string | undefined {
  const instances = instancesAt(expression, source, depth + 1);
  if (!instances || instances.length === 0) return undefined;
  const [first] = instances;
  return instances.every((instance) => instance.className === first!.className) ? first!.className : undefined;
}

function expressionInstance(node: PyNode, source: string, depth: number): Instance | undefined {
  if (node.type === "call") {
    const name = calleeName(node, source);
    const created = name === undefined ? undefined : instanceFactories.get(name);
    if (created) return { className: created, creation: node };
    const method = methodCall(node, source);
    if (!method) return undefined;
    const className = classOf(method[0], source, depth);
    return className && derivedValues.get(className)?.methods?.has(method[1]) ? { className } : undefined;
  }
  if (node.type === "binary_operator") {
    const left = childByField(node, "left");
    const right = childByField(node, "right");
    for (const operand of [left, right]) {
      if (!operand) continue;
      const className = classOf(operand, source, depth);
      if (className && derivedValues.get(className)?.joinOperator === node.op) return { className };
    }
    return undefined;
  }
  if (node.type === "attribute") {
    const object = childByField(node, "object");
    const attribute = childByField(node, "attribute");
    if (!object || !attribute) return undefined;
    const className = classOf(object, source, depth);
    return className && derivedValues.get(className)?.attributes?.has(textOf(attribute, source)) ? { className } : undefined;
  }
  return undefined;
}

/** `await f(...)` or `await asyncio.wait_for(f(...), t)` → the call of `f`. */
function awaitedCall(value: PyNode, source: string): PyNode | undefined {
  const node = unparenthesized(value);
  if (node.type !== "await") return undefined;
  let call = node.children[0] ? unparenthesized(node.children[0]) : undefined;
  if (call?.type !== "call") return undefined;
  const name = calleeName(call, source);
  if (name !== undefined && timeoutWrappers.has(name)) {
    const inner = childByField(call, "arguments")?.children[0];
    call = inner ? unparenthesized(inner) : undefined;
  }
  return call?.type === "call" ? call : undefined;
}

function leafInstances(leaf: ValueLeaf, source: string, depth: number): Instance[] | undefined {
  switch (leaf.kind) {
    case "expression": {
      const instance = expressionInstance(leaf.node, source, depth);
      return instance ? [instance] : undefined;
    }
    case "entered": {
      const managers = instancesAt(leaf.manager, source, depth + 1);
      return managers?.every((instance) => selfEnteringClasses.has(instance.className)) ? managers : undefined;
    }
    case "iterated": {
      const method = methodCall(unparenthesized(leaf.iterable), source);
      if (!method) return undefined;
      const className = classOf(method[0], source, depth);
      return className && derivedValues.get(className)?.iterators?.has(method[1]) ? [{ className }] : undefined;
    }
    case "unpacked": {
      const awaited = awaitedCall(leaf.value, source);
      const name = awaited ? calleeName(awaited, source) : undefined;
      const classes = name === undefined ? undefined : awaitedTupleFactories.get(name);
      if (classes) {
        const className = classes[leaf.index];
        return className ? [{ className, creation: awaited! }] : undefined;
      }
      const method = methodCall(unparenthesized(leaf.value), source);
      if (!method) return undefined;
      const className = classOf(method[0], source, depth);
      return className && derivedValues.get(className)?.tupleMethods?.get(method[1]) === leaf.index ? [{ className }] : undefined;
    }
  }
}

function instancesAt(expression: PyNode, source: string, depth: number): Instance[] | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const leaves = valueLeaves(expression, source);
  if (!leaves || leaves.length === 0) return undefined;
  const instances: Instance[] = [];
  for (const leaf of leaves) {
    const found = leafInstances(leaf, source, depth);
    if (!found) return undefined;
    instances.push(...found);
  }
  return instances;
}

/** Every instance `expression` can be, or undefined when any of its origins is not provably a known instance. */
export function instancesOf(expression: PyNode, source: string): Instance[] | undefined {
  return instancesAt(expression, source, 0);
}

/** The one known class `expression` is provably an instance of. */
export function knownClassOf(expression: PyNode, source: string): string | undefined {
  return classOf(expression, source, -1);
}
