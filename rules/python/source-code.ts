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
    for (let current = node.parent; current; current = current.parent) ancestors.unshift(current);
    return ancestors;
  }

  getInlineConfigNodes(): PyComment[] {
    return this.comments.filter(isInlineConfigComment);
  }

  getDisableDirectives(): { problems: FileProblem[]; directives: Directive[] } {
    return collectDirectives(this.comments);
  }

  /** Depth-first enter/exit steps; iterative so deeply nested code cannot overflow the stack. */
  override traverse(): Iterable<TraversalStep> {
    if (this.#steps) return this.#steps;
    const steps: TraversalStep[] = [];
    const stack: { node: PyNode; exiting: boolean }[] = [{ node: this.ast, exiting: false }];
    while (stack.length > 0) {
      const { node, exiting } = stack.pop()!;
      steps.push(new VisitNodeStep({ target: node, phase: exiting ? 2 : 1, args: [node, node.parent] }));
      if (exiting) continue;
      stack.push({ node, exiting: true });
      for (let index = node.children.length - 1; index >= 0; index--) stack.push({ node: node.children[index]!, exiting: false });
    }
    this.#steps = steps;
    return steps;
  }
}
