/**
 * The `def` a call runs, as a syntax node: a function of this file (module level or nested), a method of the
 * enclosing class (`self.m()`, `cls.m()`), a method of a same-file class through a local instance
 * (`c = Counter(); c.increment()`), or — through the project index — a module-level function imported from
 * another project module (`from .client import fetch`, `client.fetch`). Only a single, unambiguous definition
 * counts; anything else (inherited methods, libraries, rebound names) is undefined.
 */
import { definitionScopeOf, definitionsIn, type ImportTarget } from "./definitions.js";
import { methodReceiverOf } from "./methods.js";
import { effectiveDefinition } from "./module-summary.js";
import type { PyNode } from "./parser.js";
import { projectModuleAt, type ProjectSession, type Resolved } from "./project-index.js";
import { boundValueOf } from "./references.js";
import { childByField, textOf, unparenthesized } from "./syntax.js";

/** A function definition and the text of the file it is in (node ranges index into it). */
export interface FunctionInFile {
  readonly node: PyNode;
  readonly source: string;
}

/** The single `def` bound to `name` in `scope` (a module or class body), ignoring `@overload` stubs. */
function definedFunction(scope: PyNode, name: string, source: string): PyNode | undefined {
  const definitions = definitionsIn(scope, source).names.get(name);
  const definition = definitions && effectiveDefinition(definitions, source);
  return definition?.kind === "function" ? definition.node : undefined;
}

/** The syntax node of a module-level function the project index resolved to. */
function locate(resolved: Resolved | undefined, session: ProjectSession): FunctionInFile | undefined {
  if (resolved?.kind !== "function" || resolved.ctx.path === undefined || resolved.ctx === session.current) return undefined;
  const module = projectModuleAt(resolved.ctx.path);
  if (!module) return undefined;
  const node = definedFunction(module.root, resolved.fn.name, module.source);
  return node ? { node, source: module.source } : undefined;
}

function importedFunction(target: ImportTarget, rest: readonly string[], session: ProjectSession | undefined): FunctionInFile | undefined {
  if (!session) return undefined;
  const imported = session.resolveImport(session.current, target);
  return locate(imported && session.continueFrom(imported, rest, 0), session);
}

/** The class a name is bound to in this file (a single `class` statement). */
function sameFileClass(identifier: PyNode, source: string): PyNode | undefined {
  const found = definitionScopeOf(identifier, textOf(identifier, source), source);
  const definition = found?.scope && effectiveDefinition(found.definitions, source);
  return definition?.kind === "class" ? definition.node : undefined;
}

/** The method `name` written in the body of `classNode`. */
function methodOf(classNode: PyNode, name: string, source: string): PyNode | undefined {
  return definedFunction(classNode, name, source);
}

/**
 * The function `callee` (the `function` part of a call) runs. `session` gives the project index for imported
 * names; without it only same-file functions resolve.
 */
export function calledFunction(callee: PyNode, source: string, session?: () => ProjectSession | undefined): FunctionInFile | undefined {
  const target = unparenthesized(callee);
  if (target.type === "identifier") {
    const found = definitionScopeOf(target, textOf(target, source), source);
    if (!found?.scope) return undefined;
    const definition = effectiveDefinition(found.definitions, source);
    if (definition?.kind === "function") return { node: definition.node, source };
    if (definition?.kind === "import") return importedFunction(definition.target, [], session?.());
    return undefined;
  }
  if (target.type !== "attribute") return undefined;
  const object = childByField(target, "object");
  const attribute = childByField(target, "attribute");
  if (object?.type !== "identifier" || !attribute) return undefined;
  const method = textOf(attribute, source);

  const receiver = methodReceiverOf(object, source);
  if (receiver) {
    const node = methodOf(receiver.classNode, method, source);
    return node ? { node, source } : undefined;
  }
  const found = definitionScopeOf(object, textOf(object, source), source);
  if (!found?.scope) return undefined;
  const definition = effectiveDefinition(found.definitions, source);
  if (definition?.kind === "import") return importedFunction(definition.target, [method], session?.());
  if (definition?.kind !== "other") return undefined;
  // `counter = Counter()` then `counter.increment()`.
  const value = boundValueOf(definition.site, definition.target);
  const constructor = value && unparenthesized(value).type === "call" ? childByField(unparenthesized(value), "function") : undefined;
  const classNode = constructor?.type === "identifier" ? sameFileClass(constructor, source) : undefined;
  const node = classNode && methodOf(classNode, method, source);
  return node ? { node, source } : undefined;
}
