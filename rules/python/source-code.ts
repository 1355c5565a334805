/** ESLint's view of a parsed Python file: locations, parents, traversal order and comment directives. */
import { TextSourceCodeBase } from "@eslint/plugin-kit";
import type { FileProblem, TraversalStep } from "@eslint/core";
import type { Directive } from "@eslint/plugin-kit";
import { collectDirectives, isInlineConfigComment, type DirectiveSpan } from "./directives.js";
import { parsePython, type PyComment, type PyNode } from "./parser.js";
import { TraversalWalk } from "./traversal.js";

export interface PythonLanguageOptions extends Record<string, unknown> {
  /** "fatal": a file with a syntax error gets one parsing error, as ESLint does for JS. "tolerate": lint the sound parts. */
  syntaxErrors?: "fatal" | "tolerate";
  /** Keep each file's last tree and parse its next text as an edit of it (editors; see retained-trees.ts). */
  incremental?: boolean;
}

type PythonSourceCodeOptions = {
  LangOptions: PythonLanguageOptions;
  RootNode: PyNode;
  SyntaxElementWithLoc: PyNode | PyComment | DirectiveSpan;
  ConfigNode: PyComment;
};

/**
 * `ast` as an accessor over the private tree. One descriptor for all instances: a getter made per instance would give
 * each its own hidden class in old space, which would keep the instance (and its tree) alive through young-generation
 * collections.
 */
const AST_PROPERTY: PropertyDescriptor = {
  get(this: PythonSourceCode): PyNode {
    return this.tree();
  },
  enumerable: true,
  configurable: true,
};

export class PythonSourceCode extends TextSourceCodeBase<PythonSourceCodeOptions> {
  declare readonly ast: PyNode;
  readonly comments: readonly PyComment[];
  /** The tree, until ESLint has walked it (see `traverse`); parsed again from the text if asked for after. */
  #tree: PyNode | undefined;

  constructor({ text, ast, comments }: { text: string; ast: PyNode; comments: readonly PyComment[] }) {
    // Python breaks lines at \r\n, \r and \n only (not at U+2028 as JavaScript does).
    super({ text, ast, lineEndingPattern: /\r\n|[\r\n]/u });
    this.#tree = ast;
    Object.defineProperty(this, "ast", AST_PROPERTY);
    this.comments = comments;
  }

  override getParent(node: PyNode): PyNode | undefined {
    return node.parent ?? undefined;
  }

  override getAncestors(node: PyNode): PyNode[] {
    const ancestors: PyNode[] = [];
    for (let current = node.parent; current; current = current.parent) ancestors.push(current);
    return ancestors.reverse();
  }

  /** The tree, parsed again from the text if ESLint has walked it and let it go (see `traverse`). */
  tree(): PyNode {
    return (this.#tree ??= parsePython(this.text).root);
  }

  getInlineConfigNodes(): PyComment[] {
    return this.comments.filter(isInlineConfigComment);
  }

  getDisableDirectives(): { problems: FileProblem[]; directives: Directive[] } {
    return collectDirectives(this.comments);
  }

  /** Depth-first enter/exit steps, made on demand (see traversal.ts); iterative, so deep nesting cannot overflow the stack. */
  override traverse(): Iterable<TraversalStep> {
    return new TraversalWalk(this.ast, () => {
      this.#tree = undefined;
    });
  }
}
