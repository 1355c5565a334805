/**
 * Whether a call returns a coroutine (or a coroutine-wrapping awaitable) that does nothing until awaited — only
 * with evidence: a same-file or project `async def` (no `yield`, decorators known to keep it a coroutine
 * function), a method of the enclosing class or of its project bases (`self.m()`, `cls.m()`, `super().m()`,
 * `Class.m()`), or a known library API (knowledge.ts), incl. methods of receivers whose type the code proves.
 */
import { definitionScopeOf, definitionsIn, parameterName, soleDefinitionOf, type Definition } from "./definitions.js";
import { coroutineMethodsByType, knownCoroutineFunctions, neverCoroutineMethods, type AwaitableKind } from "./knowledge.js";
import { objectTypeOf } from "./library-objects.js";
import { classOfMethod, methodReceiverOf } from "./methods.js";
import { effectiveDefinition, summarizeClass, summarizeFunction } from "./module-summary.js";
import type { PyNode } from "./parser.js";
import type { ProjectSession, Resolved } from "./project-index.js";
import { builtinCalleeOf, resolvedNameOf } from "./resolved-name.js";
import { enclosingFunction } from "./scope.js";
import { childByField, dottedPartsOf, rootOf, textOf } from "./syntax.js";

function kindOfResolved(resolved: Resolved | undefined, session: ProjectSession): AwaitableKind | undefined {
  if (resolved?.kind === "function") return session.functionKind(resolved.fn, resolved.ctx) === "coroutine" ? "coroutine" : undefined;
  if (resolved?.kind === "library") return knownCoroutineFunctions.get(resolved.qualified);
  return undefined;
}

/** What a bare name or dotted name (`f`, `repo.save_user`, `Model.create`) refers to, from where it is written. */
function resolveDotted(base: PyNode, rest: readonly string[], session: ProjectSession, source: string): Resolved | undefined {
  const name = textOf(base, source);
  const found = definitionScopeOf(base, name, source);
  if (found === null) {
    // Bound nowhere: a builtin, a name from `from m import *`, or `asyncio.x` in a fragment that never imports it.
    if (definitionsIn(rootOf(base), source).starImports.length > 0) return session.lookup(session.current, [name, ...rest]);
    const api = rest.length > 0 ? resolvedNameOf(base.parent!, source) : undefined;
    return api === undefined ? undefined : { kind: "library", qualified: [api, ...rest.slice(1)].join(".") };
  }
  if (!found.scope) return undefined;
  return resolveDefinitions(found.definitions, rest, session, source);
}

/**
 * What a name bound by `definitions` refers to, followed by `rest`: memoised per bindings in the session (which lives
 * as long as the linted tree), since a file resolves the same names (`asyncio`, `self._client`, an imported helper)
 * at every call.
 */
function resolveDefinitions(definitions: readonly Definition[], rest: readonly string[], session: ProjectSession, source: string): Resolved | undefined {
  let byRest = session.resolutions.get(definitions);
  if (!byRest) session.resolutions.set(definitions, (byRest = new Map()));
  const key = rest.join(".");
  if (byRest.has(key)) return byRest.get(key);
  const resolved = resolveDefinitionsOnce(definitions, rest, session, source);
  byRest.set(key, resolved);
  return resolved;
}

function resolveDefinitionsOnce(definitions: readonly Definition[], rest: readonly string[], session: ProjectSession, source: string): Resolved | undefined {
  const definition = effectiveDefinition(definitions, source);
  switch (definition?.kind) {
    case "function":
      return rest.length === 0 ? { kind: "function", fn: summarizeFunction(definition.node, source), ctx: session.current } : undefined;
    case "class":
      return session.continueFrom({ kind: "class", cls: summarizeClass(definition.node, source), ctx: session.current }, rest, 0);
    case "import": {
      const imported = session.resolveImport(session.current, definition.target);
      return imported && session.continueFrom(imported, rest, 0);
    }
    default:
      return undefined;
  }
}

/** `self.m` / `cls.m`: the method `m` of the enclosing class (or its bases). */
function selfMethod(receiver: PyNode, method: string, session: ProjectSession, source: string): AwaitableKind | undefined {
  const owner = methodReceiverOf(receiver, source);
  if (!owner) return undefined;
  const found = session.findMethod(summarizeClass(owner.classNode, source), session.current, method);
  return typeof found === "object" ? kindOfResolved({ kind: "function", fn: found.fn, ctx: found.ctx }, session) : undefined;
}

/** `super().m`: `m` on the bases of the class whose method the call is directly in. */
function superMethod(superCall: PyNode, method: string, session: ProjectSession, source: string): AwaitableKind | undefined {
  if (builtinCalleeOf(superCall, source) !== "super") return undefined;
  const args = childByField(superCall, "arguments");
  const fn = enclosingFunction(superCall);
  const classNode = fn?.type === "function_definition" ? classOfMethod(fn) : undefined;
  if (!classNode) return undefined;
  // `super()` or `super(ThisClass, self)`; `super(Other, self)` starts the lookup elsewhere.
  const explicit = args?.children ?? [];
  if (explicit.length === 2) {
    const named = childByField(classNode, "name");
    if (explicit[0]!.type !== "identifier" || !named || textOf(explicit[0]!, source) !== textOf(named, source)) return undefined;
  } else if (explicit.length !== 0) return undefined;
  const found = session.findMethod(summarizeClass(classNode, source), session.current, method, true);
  return typeof found === "object" ? kindOfResolved({ kind: "function", fn: found.fn, ctx: found.ctx }, session) : undefined;
}

/** `C` in `C(...)` or an annotation `x: C`, when it names a class of this file or of the project. */
function projectClassOf(expression: PyNode | undefined, session: ProjectSession, source: string): Resolved | undefined {
  const dotted = expression && dottedPartsOf(expression, source);
  if (dotted?.base.type !== "identifier") return undefined;
  const resolved = resolveDotted(dotted.base, dotted.parts, session, source);
  return resolved?.kind === "class" ? resolved : undefined;
}

/**
 * A method called on an instance of a project class: `Repo().save()`, or `repo.save()` where `repo` is bound once
 * (`definition`), to `Repo(...)` or by an annotated parameter `repo: Repo`.
 */
function projectInstanceMethod(receiver: PyNode, definition: Definition | undefined, method: string, session: ProjectSession, source: string): AwaitableKind | undefined {
  let cls: Resolved | undefined;
  if (receiver.type === "call") cls = projectClassOf(childByField(receiver, "function"), session, source);
  else if (definition?.kind === "other") {
    const { site, target } = definition;
    if ((site.type === "typed_parameter" || site.type === "typed_default_parameter") && parameterName(site) === target) {
      cls = projectClassOf(childByField(site, "type")?.children[0], session, source);
    } else if (site.type === "assignment" && childByField(site, "left") === target) {
      const value = childByField(site, "right");
      if (value?.type === "call") cls = projectClassOf(childByField(value, "function"), session, source);
    }
  }
  if (cls?.kind !== "class") return undefined;
  const found = session.findMethod(cls.cls, cls.ctx, method);
  return typeof found === "object" ? kindOfResolved({ kind: "function", fn: found.fn, ctx: found.ctx }, session) : undefined;
}

/** Every method name some known library type has as a coroutine method: only these are worth a type inference. */
const libraryCoroutineMethods: ReadonlySet<string> = new Set([...coroutineMethodsByType.values()].flatMap((methods) => [...methods.keys()]));

/** A method of a library object whose type is proven (`q.put()` with `q = asyncio.Queue()`, `self.q.put()`). */
function libraryMethod(receiver: PyNode, method: string, source: string): AwaitableKind | undefined {
  if (!libraryCoroutineMethods.has(method)) return undefined;
  const type = objectTypeOf(receiver, source);
  return type === undefined ? undefined : coroutineMethodsByType.get(type)?.get(method);
}

/** What calling `call` returns, when it is known to be a coroutine or a coroutine-wrapping awaitable. */
export function awaitableKindOfCall(call: PyNode, session: ProjectSession, source: string): AwaitableKind | undefined {
  const callee = childByField(call, "function");
  if (!callee) return undefined;
  if (callee.type === "identifier") return kindOfResolved(resolveDotted(callee, [], session, source), session);
  if (callee.type !== "attribute") return undefined;

  const dotted = dottedPartsOf(callee, source);
  if (!dotted) return undefined;
  const { base, parts } = dotted;
  const method = parts[parts.length - 1]!;
  if (neverCoroutineMethods.has(method)) return undefined;
  if (base.type === "call") {
    return parts.length === 1 ? (superMethod(base, method, session, source) ?? projectInstanceMethod(base, undefined, method, session, source)) : undefined;
  }
  if (base.type !== "identifier") return undefined;
  const sole = soleDefinitionOf(base, source);
  const variable = sole?.definition.kind === "other" ? sole.definition : undefined;
  if (variable) {
    // A variable or parameter: `self`/`cls`, a proven library type, an instance of a project class.
    if (parts.length === 2) return libraryMethod(childByField(callee, "object")!, method, source);
    if (parts.length !== 1) return undefined;
    return (
      selfMethod(base, method, session, source) ??
      libraryMethod(base, method, source) ??
      projectInstanceMethod(base, variable, method, session, source)
    );
  }
  return kindOfResolved(resolveDotted(base, parts, session, source), session);
}
