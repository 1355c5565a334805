/**
 * A module's top level as data, free of syntax nodes so it can be cached across lints: which names are functions
 * (async or not, generator or not, how decorated), classes (members, bases, attributes set on instances) or
 * imports. Resolving what a decorator or base class *is* happens later, in project-index.ts.
 */
import { definitionScopeOf, definitionsIn, parameterName, type Definition, type ImportTarget } from "./definitions.js";
import { coroutinePreservingDecorators, overloadDecorators } from "./knowledge.js";
import type { PyNode } from "./parser.js";
import { someKeywordNode, someOccurrenceWhere } from "./identifier-occurrences.js";
import { storingNodeOf } from "./references.js";
import { enclosingScope, qualifiedNameOf } from "./scope.js";
import { isWordCode } from "./text-prechecks.js";
import { childByField, dottedPartsOf, textOf, unparenthesized } from "./syntax.js";
import { NodeMemo, TreeMemo } from "./tree-memo.js";

/** A dotted name as written, e.g. a decorator `functools.wraps` or a base class `models.Base`. */
export interface NameRef {
  /** `["functools", "wraps"]`; empty when the expression is not a plain dotted name. */
  readonly parts: readonly string[];
  /** Where the first part is bound, seen from where the expression is written. */
  readonly binding: "module" | "builtin" | "local";
  /** The import-resolved name (`wraps` → `functools.wraps`) when the first part is an import. */
  readonly qualified?: string;
}

export interface DecoratorRef extends NameRef {
  /** `@retry(3)` rather than `@retry`. */
  readonly called: boolean;
}

export interface FunctionSummary {
  readonly name: string;
  readonly isAsync: boolean;
  /** An `async def` containing `yield` is an async generator function, not a coroutine function. */
  readonly hasYield: boolean;
  readonly decorators: readonly DecoratorRef[];
  /**
   * Used as a decorator: "preserves" — returns its argument, or a wrapper that is an `async def` (or a sync def
   * returning the wrapped call); "factory" — returns such a decorator (`@retry(3)`); "unknown" otherwise.
   */
  readonly asDecorator: "preserves" | "factory" | "unknown";
}

export type MemberSummary = { readonly kind: "function"; readonly fn: FunctionSummary } | { readonly kind: "other" };

export interface ClassSummary {
  readonly name: string;
  /** In order; a base that is not a dotted name (a call, say) has empty `parts`. */
  readonly bases: readonly NameRef[];
  /** Names bound in the class body; "other" when bound by anything but exactly one `def`. */
  readonly members: ReadonlyMap<string, MemberSummary>;
  /** Attributes assigned through a method's first parameter (`self.x = …`): they shadow methods. */
  readonly instanceAttributes: ReadonlySet<string>;
}

export type SymbolSummary =
  | { readonly kind: "function"; readonly fn: FunctionSummary }
  | { readonly kind: "class"; readonly cls: ClassSummary }
  | { readonly kind: "import"; readonly target: ImportTarget }
  | { readonly kind: "other" };

export interface ModuleSummary {
  readonly symbols: ReadonlyMap<string, SymbolSummary>;
  readonly starImports: readonly ImportTarget[];
}

/** What a summary says of an expression that is not a dotted name: one object for all of them. */
const NOT_A_NAME: NameRef = { parts: [], binding: "local" };

/** A dotted-name expression as a `NameRef`. */
export function nameRefOf(expression: PyNode, source: string): NameRef {
  const dotted = dottedPartsOf(expression, source);
  if (dotted?.base.type !== "identifier") return NOT_A_NAME;
  const base = textOf(dotted.base, source);
  const parts = [base, ...dotted.parts];
  const found = definitionScopeOf(dotted.base, base, source);
  const binding = found === null ? "builtin" : found.scope?.type === "module" ? "module" : "local";
  const qualified = qualifiedNameOf(expression, source);
  return qualified === undefined ? { parts, binding } : { parts, binding, qualified };
}

/** The parts of summaries that most summaries have alike, shared: summaries are kept for a whole run. */
const NO_DECORATORS: readonly DecoratorRef[] = [];
const NO_ATTRIBUTES: ReadonlySet<string> = new Set();
const OTHER: { readonly kind: "other" } = { kind: "other" };

function decoratorsOf(definition: PyNode, source: string): readonly DecoratorRef[] {
  const wrapper = definition.parent?.type === "decorated_definition" ? definition.parent : undefined;
  if (!wrapper) return NO_DECORATORS;
  return wrapper.children
    .filter((child) => child.type === "decorator")
    .map((decorator) => {
      const expression = decorator.children[0];
      if (!expression) return { parts: [], binding: "local", called: false };
      const called = expression.type === "call";
      const callee = called ? childByField(expression, "function") : expression;
      // Written out, not spread: a spread gave each decorator object a hidden class of its own.
      const { parts, binding, qualified } = callee ? nameRefOf(callee, source) : NOT_A_NAME;
      return qualified === undefined ? { parts, binding, called } : { parts, binding, qualified, called };
    });
}

/** Whether a decorator is known, from the library table alone, to keep a coroutine function one. */
export function isLibraryPreservingDecorator(decorator: NameRef): boolean {
  if (decorator.qualified !== undefined) return coroutinePreservingDecorators.has(decorator.qualified);
  return decorator.binding === "builtin" && coroutinePreservingDecorators.has(decorator.parts.join("."));
}

function isOverload(definition: PyNode, source: string): boolean {
  return decoratorsOf(definition, source).some((decorator) => decorator.qualified !== undefined && overloadDecorators.has(decorator.qualified));
}

/** What a function's own body (not a nested function's or class's) contains: `yield`, and its `return` statements. */
export interface OwnBody {
  readonly hasYield: boolean;
  readonly returns: readonly PyNode[];
}

/**
 * Found by searching the body's text for the keywords (a `yield` or `return` statement begins with its keyword), not
 * by walking it: every function of every linted module is summarised, and most have no `yield`. `returns` only
 * `withReturns` (else empty).
 */
export function ownBodyOf(definition: PyNode, source: string, withReturns: boolean): OwnBody {
  const returns: PyNode[] = [];
  const body = childByField(definition, "body");
  if (!body) return { hasYield: false, returns };
  const hasYield = someKeywordNode(body, "yield", "yield", source, (node) => enclosingScope(node) === definition);
  if (withReturns) {
    someKeywordNode(body, "return", "return_statement", source, (node) => {
      if (enclosingScope(node) === definition) returns.push(node);
      return false;
    });
  }
  return { hasYield, returns };
}

/** Whether a function's own body (not a nested function's) contains `yield`: it is a generator function. */
export function hasOwnYield(definition: PyNode, source: string): boolean {
  return ownBodyOf(definition, source, false).hasYield;
}

function returnedExpression(statement: PyNode): PyNode | undefined {
  const value = statement.children[0];
  return value && unparenthesized(value);
}

/** The one `def` bound to `name` in `scope`, if it is bound exactly once and by a `def`. */
function onlyFunction(definitions: readonly Definition[] | undefined): PyNode | undefined {
  if (definitions?.length !== 1) return undefined;
  const [definition] = definitions;
  return definition?.kind === "function" ? definition.node : undefined;
}

function firstParameter(definition: PyNode, source: string): string | undefined {
  const parameter = childByField(definition, "parameters")?.children[0];
  if (!parameter || parameter.type === "list_splat_pattern" || parameter.type === "dictionary_splat_pattern") return undefined;
  const name = parameterName(parameter);
  return name ? textOf(name, source) : undefined;
}

/** What `definition` does to the function it decorates (see `FunctionSummary.asDecorator`). */
function decoratorBehaviour(definition: PyNode, source: string, body = ownBodyOf(definition, source, true)): FunctionSummary["asDecorator"] {
  if (definition.isAsync || body.hasYield) return "unknown";
  const { returns } = body;
  if (returns.length === 0) return "unknown";
  // Only names can be the decorated function or a wrapper: anything else returned settles it before any scope work.
  if (returns.some((statement) => returnedExpression(statement)?.type !== "identifier")) return "unknown";
  const parameter = firstParameter(definition, source);
  const scope = definitionsIn(definition, source);
  let verdict: FunctionSummary["asDecorator"] | undefined;
  for (const statement of returns) {
    const value = returnedExpression(statement);
    if (value?.type !== "identifier") return "unknown";
    const name = textOf(value, source);
    let category: FunctionSummary["asDecorator"];
    if (name === parameter && scope.names.get(name)?.length === 1) category = "preserves";
    else {
      const wrapper = onlyFunction(scope.names.get(name));
      if (!wrapper) return "unknown";
      if (parameter !== undefined && isWrapperOf(wrapper, definition, parameter, source)) category = "preserves";
      else if (decoratorBehaviour(wrapper, source) === "preserves" && decoratorsOf(wrapper, source).length === 0) category = "factory";
      else return "unknown";
    }
    if (verdict !== undefined && verdict !== category) return "unknown";
    verdict = category;
  }
  return verdict ?? "unknown";
}

/**
 * Whether `wrapper` (a def nested in the decorator `outer`) returns a coroutine whenever the decorated function
 * does: an `async def` with no `yield`, or a sync def whose every `return` is a call of `outer`'s parameter.
 * Its own decorators must be library-preserving (`@functools.wraps(func)`).
 */
function isWrapperOf(wrapper: PyNode, outer: PyNode, parameter: string, source: string): boolean {
  if (!decoratorsOf(wrapper, source).every(isLibraryPreservingDecorator)) return false;
  const body = ownBodyOf(wrapper, source, wrapper.isAsync !== true);
  if (body.hasYield) return false;
  if (wrapper.isAsync) return true;
  const { returns } = body;
  return (
    returns.length > 0 &&
    returns.every((statement) => {
      const value = returnedExpression(statement);
      const callee = value?.type === "call" ? childByField(value, "function") : undefined;
      if (callee?.type !== "identifier" || textOf(callee, source) !== parameter) return false;
      return definitionScopeOf(callee, parameter, source)?.scope === outer;
    })
  );
}

const functionCache = new NodeMemo<FunctionSummary>();

export function summarizeFunction(definition: PyNode, source: string): FunctionSummary {
  let summary = functionCache.get(definition);
  if (!summary) {
    const isAsync = definition.isAsync === true;
    // An async def is never a preserving decorator: it needs only the `yield` check, not every `return`.
    const body = ownBodyOf(definition, source, !isAsync);
    summary = {
      name: textOf(childByField(definition, "name")!, source),
      isAsync,
      hasYield: body.hasYield,
      decorators: decoratorsOf(definition, source),
      asDecorator: isAsync ? "unknown" : decoratorBehaviour(definition, source, body),
    };
    functionCache.set(definition, summary);
  }
  return summary;
}

/** The single meaningful definition among a name's bindings: `@overload` signatures give way to the implementation. */
export function effectiveDefinition(definitions: readonly Definition[], source: string): Definition | undefined {
  // Cheap and common: one binding that is no `def` (an import, a variable) needs no look at decorators.
  if (definitions.length === 1 && definitions[0]!.kind !== "function") return definitions[0];
  // Only a `def` can be an overload; its node says which tree keeps the answer.
  let anchor: PyNode | undefined;
  for (const definition of definitions) if (definition.kind === "function") anchor ??= definition.node;
  const cached = anchor && effectiveCache.get(anchor, definitions);
  if (cached !== undefined) return cached ?? undefined;
  const real = definitions.filter((definition) => !(definition.kind === "function" && isOverload(definition.node, source)));
  const effective = real.length === 1 ? real[0] : undefined;
  if (anchor) effectiveCache.set(anchor, definitions, effective ?? null);
  return effective;
}

/** By the bindings array of a name (definitions.ts caches it per scope, so it stands for the name there). */
const effectiveCache = new TreeMemo<readonly Definition[], Definition | null>();

/** Whether `node` is assigned to (not `del`eted, not a comprehension variable). */
function isStoreTarget(node: PyNode): boolean {
  const owner = storingNodeOf(node)?.type;
  return owner === "assignment" || owner === "augmented_assignment" || owner === "for_statement" || owner === "as_pattern_target";
}

/** A space, tab, form feed or line break. */
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0c || code === 0x0a || code === 0x0d;
}

/** The offset of the first character at or after `at` that is not a space. */
function skipSpaces(source: string, at: number): number {
  while (isSpace(source.charCodeAt(at))) at++;
  return at;
}

/**
 * Whether the name that ends at `end` may be the object of an attribute that is stored to (`self.x = …`), judging by
 * the text after it. It cannot be when a word character follows (a longer name), nor when anything but `.` follows
 * (after spaces, line breaks, a `\` continuation or a comment, the tree decides), nor when the attribute is called,
 * indexed, compared or has an attribute of its own: `self.x(`, `self.x[`, `self.x ==`, `self.x.y`. Most `self`s in a
 * class are these.
 */
function mayBeStoredAttributeObject(source: string, end: number): boolean {
  const next = source.charCodeAt(end);
  // Not `.`: only a space, a line break, a `\` or a `#` may still come before one.
  if (next !== 0x2e) return isSpace(next) || next === 0x5c || next === 0x23;
  let at = skipSpaces(source, end + 1);
  while (isWordCode(source.charCodeAt(at)) || source.charCodeAt(at) > 0x7f) at++;
  at = skipSpaces(source, at);
  const after = source.charCodeAt(at);
  if (after === 0x28 || after === 0x5b || after === 0x2e) return false; // ( [ .
  return !(after === 0x3d && source.charCodeAt(at + 1) === 0x3d); // ==
}

function instanceAttributesOf(members: ReadonlyMap<string, readonly Definition[]>, source: string): ReadonlySet<string> {
  let attributes: Set<string> | undefined;
  for (const definitions of members.values()) {
    for (const definition of definitions) {
      if (definition.kind !== "function") continue;
      const self = firstParameter(definition.node, source);
      if (self === undefined) continue;
      // `self.x = …` (also in nested functions and lambdas: closures over `self`).
      someOccurrenceWhere(definition.node, self, source, (end) => mayBeStoredAttributeObject(source, end), (identifier) => {
        const attribute = identifier.parent;
        if (attribute?.type !== "attribute" || identifier.field !== "object" || !isStoreTarget(attribute)) return false;
        const name = childByField(attribute, "attribute");
        if (name) (attributes ??= new Set()).add(textOf(name, source));
        return false;
      });
    }
  }
  return attributes ?? NO_ATTRIBUTES;
}

const classCache = new NodeMemo<ClassSummary>();

export function summarizeClass(classNode: PyNode, source: string): ClassSummary {
  const cached = classCache.get(classNode);
  if (cached) return cached;
  const superclasses = childByField(classNode, "superclasses");
  const bases = (superclasses?.children ?? [])
    .filter((child) => child.type !== "keyword_argument" && child.type !== "comment")
    .map((base) => {
      const expression = base.type === "subscript" ? childByField(base, "value") : base;
      if (!expression || base.type === "list_splat" || base.type === "dictionary_splat") return NOT_A_NAME;
      return nameRefOf(expression, source);
    });
  const { names } = definitionsIn(classNode, source);
  const members = new Map<string, MemberSummary>();
  for (const [name, definitions] of names) {
    const definition = effectiveDefinition(definitions, source);
    members.set(name, definition?.kind === "function" ? { kind: "function", fn: summarizeFunction(definition.node, source) } : OTHER);
  }
  const summary: ClassSummary = {
    name: textOf(childByField(classNode, "name")!, source),
    bases,
    members,
    instanceAttributes: instanceAttributesOf(names, source),
  };
  classCache.set(classNode, summary);
  return summary;
}

export function symbolOf(definitions: readonly Definition[], source: string): SymbolSummary {
  const definition = effectiveDefinition(definitions, source);
  switch (definition?.kind) {
    case "function":
      return { kind: "function", fn: summarizeFunction(definition.node, source) };
    case "class":
      return { kind: "class", cls: summarizeClass(definition.node, source) };
    case "import":
      return { kind: "import", target: definition.target };
    default:
      return OTHER;
  }
}

const moduleCache = new NodeMemo<ModuleSummary>();

export function summarizeModule(root: PyNode, source: string): ModuleSummary {
  const cached = moduleCache.get(root);
  if (cached) return cached;
  const { names, starImports } = definitionsIn(root, source);
  const symbols = new Map<string, SymbolSummary>();
  for (const [name, definitions] of names) symbols.set(name, symbolOf(definitions, source));
  const summary: ModuleSummary = { symbols, starImports };
  moduleCache.set(root, summary);
  return summary;
}
