/**
 * Calls that schedule a coroutine as a task: `asyncio.create_task(c())`, `asyncio.ensure_future(c())`,
 * `loop.create_task(c())` on a provable event loop, `tg.create_task(c())` on a provable `TaskGroup`.
 */
import { EVENT_LOOP, loopTaskMethods, TASK_GROUP, taskGroupSpawnMethods, taskSpawningFunctions } from "./knowledge.js";
import { isObjectOf } from "./library-objects.js";
import type { PyNode } from "./parser.js";
import { calleeNameAmong, lastPartsOf } from "./resolved-name.js";
import { childByField, compactTextOf, textOf, unparenthesized } from "./syntax.js";
import { mentionsAnyOf } from "./text-prechecks.js";

const SPAWNING_FUNCTION_LAST_PARTS = lastPartsOf(taskSpawningFunctions.keys());
const EVENT_LOOPS: ReadonlySet<string> = new Set([EVENT_LOOP]);
const TASK_GROUPS: ReadonlySet<string> = new Set([TASK_GROUP]);

/** Whether a file can contain a task spawn at all: it spells one of their names (see text-prechecks.ts). */
export const mentionsTaskSpawn = mentionsAnyOf([...taskSpawningFunctions.keys(), ...loopTaskMethods, ...taskGroupSpawnMethods]);

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
  const name = calleeNameAmong(call, source, SPAWNING_FUNCTION_LAST_PARTS);
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
  if (loopTaskMethods.has(methodName) && isObjectOf(receiver, EVENT_LOOPS, source)) return { name: compactTextOf(callee, source), kind: "loop", coroutine };
  if (taskGroupSpawnMethods.has(methodName) && isObjectOf(receiver, TASK_GROUPS, source)) {
    return { name: compactTextOf(callee, source), kind: "task-group", coroutine };
  }
  return undefined;
}
