/** What a call calls, by its import-resolved name (resolved-name.ts). */
import { parsePython, type PyNode } from "../../../rules/python/parser.js";
import { calleeNameAmong, calleeNameOf, lastPartsOf } from "../../../rules/python/resolved-name.js";

function callsIn(text: string): PyNode[] {
  const calls: PyNode[] = [];
  const visit = (node: PyNode) => {
    if (node.type === "call") calls.push(node);
    node.children.forEach(visit);
  };
  visit(parsePython(text).root);
  return calls;
}

describe("calleeNameAmong", () => {
  const text = "import asyncio as aio\nfrom time import sleep as nap\naio.sleep(1)\nnap(1)\naio.run(main())\nlog.info('x')\n";
  const calls = callsIn(text);

  it("answers as calleeNameOf for a method named in the table, however the module is imported", () => {
    const sleeps = lastPartsOf(["asyncio.sleep", "time.sleep"]);
    expect(calls.map((call) => calleeNameAmong(call, text, sleeps))).toEqual(["asyncio.sleep", "time.sleep", undefined, "main", undefined]);
    expect(calls.map((call) => calleeNameOf(call, text))).toEqual(["asyncio.sleep", "time.sleep", "asyncio.run", "main", undefined]);
  });

  it("resolves every bare name, since an import may rename it", () => {
    const runs = lastPartsOf(["asyncio.run"]);
    expect(calls.map((call) => calleeNameAmong(call, text, runs))).toEqual([undefined, "time.sleep", "asyncio.run", "main", undefined]);
  });
});
