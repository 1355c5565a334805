/** The allocation-free walks (ESLint's traversal steps, `descendants`) and the text prechecks that let rules skip files. */
import { parsePython, type PyNode } from "../../../rules/python/parser.js";
import { PythonSourceCode } from "../../../rules/python/source-code.js";
import { mayContainAsync, mentionsAnyOf } from "../../../rules/python/text-prechecks.js";
import { descendants } from "../../../rules/python/walk.js";

const code = "import asyncio\nclass C:\n    async def m(self):\n        await asyncio.sleep(1)\n        return [x for x in range(3)]\n";

/** Every node under `node` in source order, recursively: what the walks must match. */
function expectedOrder(node: PyNode, sameScope = false): PyNode[] {
  const nested = new Set(["function_definition", "lambda", "class_definition"]);
  return node.children.flatMap((child) => [child, ...(sameScope && nested.has(child.type) ? [] : expectedOrder(child, sameScope))]);
}

describe("descendants", () => {
  const { root } = parsePython(code);

  it("yields every node under the given one in source order", () => {
    expect([...descendants(root)]).toEqual(expectedOrder(root));
  });

  it("with sameScope, yields nested definitions but does not enter them", () => {
    const types = [...descendants(root, { sameScope: true })].map((node) => node.type);
    expect(types).toEqual(["import_statement", "dotted_name", "identifier", "class_definition"]);
  });

  it("can be stopped early and walked again", () => {
    for (const node of descendants(root)) if (node.type === "class_definition") break;
    expect([...descendants(root)]).toHaveLength(expectedOrder(root).length);
  });
});

describe("traversal steps", () => {
  function steps(sourceCode: PythonSourceCode): string[] {
    const seen: string[] = [];
    for (const step of sourceCode.traverse()) {
      if (step.kind !== 1) continue;
      const [node, parent] = step.args as [PyNode, PyNode | null];
      expect(node).toBe(step.target);
      expect(parent).toBe(node.parent);
      seen.push(`${step.phase === 1 ? "enter" : "exit"} ${node.type}`);
    }
    return seen;
  }

  it("enter and exit every node depth-first, each call a new walk", () => {
    const { root, comments } = parsePython("f(x)\n");
    const sourceCode = new PythonSourceCode({ text: "f(x)\n", ast: root, comments });
    const expected = [
      "enter module", "enter expression_statement", "enter call", "enter identifier", "exit identifier",
      "enter argument_list", "enter identifier", "exit identifier", "exit argument_list", "exit call",
      "exit expression_statement", "exit module",
    ];
    expect(steps(sourceCode)).toEqual(expected);
    expect(steps(sourceCode)).toEqual(expected);
  });
});

describe("text prechecks", () => {
  const mentionsJoiner = mentionsAnyOf(["asyncio.gather", "asyncio.wait"]);

  it("find a name's last part as a whole word, however it is imported", () => {
    expect(mentionsJoiner("await asyncio.gather(*cs)")).toBe(true);
    expect(mentionsJoiner("from asyncio import wait as w\nw(cs)")).toBe(true);
    expect(mentionsJoiner("from asyncio import (\n    gather,\n)")).toBe(true);
  });

  it("do not take a longer word for the name", () => {
    expect(mentionsJoiner("await waiter()\ngathering = 1\n")).toBe(false);
  });

  it("treat long names the same way (they are searched with a regex)", () => {
    const mentionsGetEventLoop = mentionsAnyOf(["asyncio.get_event_loop"]);
    expect(mentionsGetEventLoop("loop = asyncio.get_event_loop()")).toBe(true);
    expect(mentionsGetEventLoop("from asyncio import get_event_loop")).toBe(true);
    expect(mentionsGetEventLoop("asyncio.get_event_loop_policy()\nmy_get_event_loop()\nget_event_loop2")).toBe(false);
    expect(mentionsGetEventLoop("get_event_loop")).toBe(true);
  });

  it("see async code only where the word async is", () => {
    expect(mayContainAsync("async def f(): ...")).toBe(true);
    expect(mayContainAsync("def f(): ...")).toBe(false);
  });
});
