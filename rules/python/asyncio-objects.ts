/**
 * Whether an expression is provably a certain kind of asyncio object — an event loop, a task group — and which
 * calls schedule a task. Evidence is a single binding from a known factory (`loop = asyncio.get_running_loop()`,
 * `async with asyncio.TaskGroup() as tg`), a parameter annotation, or every `self.x = …` in the class being one.
 */
import { definitionScopeOf } from "./definitions.js";
import { classOfMethod, isBoundMethod, parametersOf } from "./expression-key.js";
import {
  eventLoopFactories, eventLoopTypes, loopTaskMethods, taskGroupFactories, taskGroupSpawnMethods, taskSpawningFunctions,
} from "./knowledge.js";
import type { PyNode } from "./parser.js";
import { boundValueOf } from "./references.js";
import { resolvedNameOf } from "./resolved-name.js";
import { unparenthesized } from "./value-origins.js";
import { childByField, enclosingFunction } from "./scope.js";
import { descendants } from "./walk.js";

function textOf(node: PyNode, source: string): string {
  return source.slice(node.range[0], node.range[1]);
}


/** The resolved name of the function a call calls. */
export function calleeNameOf(call: PyNode, source: string): string | undefined {
  const callee = childByField(call, "function");
  return callee ? resolvedNameOf(callee, source) : undefined;
}

function isCallOf(node: PyNode | undefined, names: ReadonlySet<string>, source: string): boolean {
  if (!node) return false;
  const value = unparenthesized(node);
  if (value.type !== "call") return false;
  const name = calleeNameOf(value, source);
  return name !== undefined && names.has(name);
}

/** The annotation of a parameter node (`x: T`, `x: T = v`), as a resolved name. */
function annotationOf(parameter: PyNode, source: string): string | undefined {
  const type = childByField(parameter, "type");
  const expression = type?.children[0];
  return expression ? resolvedNameOf(expression, source) : undefined;
}

/**
 * Whether `self.<attribute>` (written in a method of a class) is only ever assigned calls of `factories`, or is
 * annotated in the class body with one of `types`.
 */
function isAttributeOf(expression: PyNode, factories: ReadonlySet<string>, types: ReadonlySet<string>, source: string): boolean {
  const object = childByField(expression, "object");
  const attribute = childByField(expression, "attribute");
  if (object?.type !== "identifier" || !attribute) return false;
  const method = enclosingFunction(expression);
  if (!method || method.type !== "function_definition" || !isBoundMethod(method, source)) return false;
  if (parametersOf(method, source)[0]?.name !== textOf(object, source)) return false;
  const cls = classOfMethod(method)!;
  const name = textOf(attribute, source);
  const body = childByField(cls, "body");
  const annotated = body?.children.some((statement) => {
    const assignment = statement.type === "expression_statement" ? statement.children[0] : undefined;
    const left = assignment?.type === "assignment" ? childByField(assignment, "left") : undefined;
    if (left?.type !== "identifier" || textOf(left, source) !== name) return false;
    const annotation = childByField(assignment!, "type")?.children[0];
    const resolved = annotation ? resolvedNameOf(annotation, source) : undefined;
    return resolved !== undefined && types.has(resolved);
  });
  if (annotated) return true;
  let assigned = 0;
  for (const node of descendants(cls)) {
    if (node.type !== "assignment") continue;
    const left = childByField(node, "left");
    if (left?.type !== "attribute") continue;
    const leftAttribute = childByField(left, "attribute");
    const leftObject = childByField(left, "object");
    if (!leftAttribute || textOf(leftAttribute, source) !== name || leftObject?.type !== "identifier") continue;
    if (textOf(leftObject, source) !== "self" && textOf(leftObject, source) !== textOf(object, source)) continue;
    if (!isCallOf(childByField(node, "right"), factories, source)) return false;
    assigned++;
  }
  return assigned > 0;
}

/**
 * Whether `expression` is provably an object made by `factories` (or annotated with one of `types`): a call of
 * one, a name bound once to such a call or annotated so, or `self.x` assigned only such calls.
 */
export function isMadeBy(expression: PyNode, factories: ReadonlySet<string>, types: ReadonlySet<string>, source: string): boolean {
  const node = unparenthesized(expression);
  if (node.type === "call") return isCallOf(node, factories, source);
  if (node.type === "attribute") return isAttributeOf(node, factories, types, source);
  if (node.type !== "identifier") return false;
  const found = definitionScopeOf(node, textOf(node, source), source);
  if (!found || found.definitions.length !== 1) return false;
  const [definition] = found.definitions;
  if (definition?.kind !== "other") return false;
  const { site, target } = definition;
  if (site.parent?.type === "parameters") {
    const annotation = annotationOf(site, source);
    return annotation !== undefined && types.has(annotation);
  }
  return isCallOf(boundValueOf(site, target), factories, source);
}

export function isEventLoop(expression: PyNode, source: string): boolean {
  return isMadeBy(expression, eventLoopFactories, eventLoopTypes, source);
}

export function isTaskGroup(expression: PyNode, source: string): boolean {
  return isMadeBy(expression, taskGroupFactories, taskGroupFactories, source);
}

/** A call that schedules a coroutine as a task. */
export interface TaskSpawn {
  /** How to name it in a message: `asyncio.create_task`, `loop.create_task`, `tg.create_task`. */
  readonly name: string;
  readonly kind: "function" | "loop" | "task-group";
  /** The coroutine argument (first positional), if written. */
  readonly coroutine: PyNode | undefined;
}

/** The first positional argument of a call, unless a `*args` comes first. */
export function firstPositionalArgument(call: PyNode): PyNode | undefined {
  const first = childByField(call, "arguments")?.children[0];
  if (!first || first.type === "keyword_argument" || first.type === "list_splat" || first.type === "dictionary_splat") return undefined;
  return first;
}

export function taskSpawnOf(call: PyNode, source: string): TaskSpawn | undefined {
  if (call.type !== "call") return undefined;
  const callee = childByField(call, "function");
  if (!callee) return undefined;
  const coroutine = firstPositionalArgument(call);
  const name = resolvedNameOf(callee, source);
  const known = name === undefined ? undefined : taskSpawningFunctions.get(name);
  if (known && name) {
    if (known.requiresCallArgument && (!coroutine || unparenthesized(coroutine).type !== "call")) return undefined;
    return { name, kind: "function", coroutine };
  }
  if (callee.type !== "attribute") return undefined;
  const receiver = childByField(callee, "object");
  const method = childByField(callee, "attribute");
  if (!receiver || !method) return undefined;
  const methodName = textOf(method, source);
  const display = textOf(callee, source).replace(/\s+/gu, "");
  if (loopTaskMethods.has(methodName) && isEventLoop(receiver, source)) return { name: display, kind: "loop", coroutine };
  if (taskGroupSpawnMethods.has(methodName) && isTaskGroup(receiver, source)) return { name: display, kind: "task-group", coroutine };
  return undefined;
}
