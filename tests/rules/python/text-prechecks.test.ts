/** The per-file text prechecks: they may let a file through needlessly, never skip one that can have a finding. */
import { mentionsAnyOf } from "../../../rules/python/text-prechecks.js";

describe("mentionsAnyOf", () => {
  const mentions = mentionsAnyOf(["asyncio.gather", "asyncio.wait", "trio.sleep"]);

  it("finds a last name part spelled as a whole word, wherever it is", () => {
    expect(mentions("gather")).toBe(true);
    expect(mentions("await asyncio.gather(*tasks)\n")).toBe(true);
    expect(mentions("from asyncio import wait as w\n")).toBe(true);
    expect(mentions("x = 1\nsleep")).toBe(true);
    expect(mentions("é_=wait(é)")).toBe(true);
  });

  it("skips text where the words only occur inside longer names", () => {
    expect(mentions("")).toBe(false);
    expect(mentions("gathered = waiter + sleepy + _gather + gather2\n")).toBe(false);
    expect(mentions("asyncio.create_task(x)\n")).toBe(false);
  });

  it("agrees with a \\b regular expression on generated text", () => {
    const pattern = /\b(?:gather|wait|sleep)\b/u;
    const parts = ["gather", "wait", "sleep", "_", "a", "9", " ", ".", "é", "\n", "("];
    let seed = 7;
    for (let sample = 0; sample < 2000; sample++) {
      let text = "";
      for (let length = 0; length < 8; length++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        text += parts[seed % parts.length];
      }
      expect(mentions(text), JSON.stringify(text)).toBe(pattern.test(text));
    }
  });
});
