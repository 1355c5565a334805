/** ESLint's view of a parsed Python file: locations, parents, traversal order and comment directives. */
import { TextSourceCodeBase, VisitNodeStep } from "@eslint/plugin-kit";
import type { FileProblem, TraversalStep } from "@eslint/core";
import type { Directive } from "@eslint/plugin-kit";
import { collectDirectives, isInlineConfigComment, type DirectiveSpan } from "./directives.js";
import type { PyComment, PyNode } from "./parser.js";

export interface PythonLanguageOptions extends Record<string, unknown> {
  /** "fatal": a file with a syntax error gets one parsing error, as ESLint does for JS. "tolerate": lint the sound parts. */
  syntaxErrors?: "fatal" | "tolerate";
}

type PythonSourceCodeOptions = {
  LangOptions: PythonLanguageOptions;
  RootNode: PyNode;
  SyntaxElementWithLoc: PyNode | PyComment | DirectiveSpan;
  ConfigNode: PyComment;
};

export class PythonSourceCode extends TextSourceCodeBase<PythonSourceCodeOptions> {
  override readonly ast: PyNode;
  readonly comments: readonly PyComment[];
  #steps: TraversalStep[] | undefined;

  constructor({ text, ast, comments }: { text: string; ast: PyNode; comments: readonly PyComment[] }) {
    // Python breaks lines at \r\n, \r and \n only (not at U+2028 as JavaScript does).
    super({ text, ast, lineEndingPattern: /\r\n|[\r\n]/u });
    this.ast = ast;
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

  getInlineConfigNodes(): PyComment[] {
    return this.comments.filter(isInlineConfigComment);
  }

  getDisableDirectives(): { problems: FileProblem[]; directives: Directive[] } {
    return collectDirectives(this.comments);
  }

  /**
   * Depth-first enter/exit steps; iterative so deeply nested code cannot overflow the stack. A node's two steps share
   * one arguments array, and the walk keeps a child index per level instead of allocating a stack entry per visit.
   */
  override traverse(): Iterable<TraversalStep> {
    if (this.#steps) return this.#steps;
    const steps: TraversalStep[] = [];
    const nodes: PyNode[] = [this.ast];
    const next: number[] = [0];
    const args: [PyNode, PyNode | null][] = [[this.ast, null]];
    steps.push(new VisitNodeStep({ target: this.ast, phase: 1, args: args[0]! }));
    while (nodes.length > 0) {
      const depth = nodes.length - 1;
      const node = nodes[depth]!;
      const index = next[depth]!;
      if (index < node.children.length) {
        next[depth] = index + 1;
        const child = node.children[index]!;
        const childArgs: [PyNode, PyNode | null] = [child, child.parent];
        steps.push(new VisitNodeStep({ target: child, phase: 1, args: childArgs }));
        nodes.push(child);
        next.push(0);
        args.push(childArgs);
      } else {
        steps.push(new VisitNodeStep({ target: node, phase: 2, args: args[depth]! }));
        nodes.pop();
        next.pop();
        args.pop();
      }
    }
    this.#steps = steps;
    return steps;
  }
}
