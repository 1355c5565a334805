/** Where suppression comments can go: the text scans behind "Disable for this line / file". */
import { jsHeaderEnd, jsLeadingComments, pythonHeaderEnd, pythonLeadingCommentLines, pythonLineEnd } from "../../server/comment-places.js";

describe("pythonLineEnd", () => {
  it("finds a line's comment outside strings", () => {
    const text = "x = '# not a comment'  # real\ny = 1\n";
    expect(pythonLineEnd(text, 0)).toEqual({ inString: false, continued: false, commentStart: 23 });
    expect(pythonLineEnd(text, 1)).toEqual({ inString: false, continued: false, commentStart: undefined });
  });

  it("knows a line that ends inside a triple-quoted string, and the line after it", () => {
    const text = 'a = f("""one\ntwo # no\nthree""")  # yes\n';
    expect(pythonLineEnd(text, 0).inString).toBe(true);
    expect(pythonLineEnd(text, 1).inString).toBe(true);
    expect(pythonLineEnd(text, 2)).toEqual({ inString: false, continued: false, commentStart: 11 });
  });

  it("handles escapes, both quote kinds and CRLF", () => {
    const text = "s = 'it\\'s # here'\r\nt = \"q\\\"\" # c\r\n";
    expect(pythonLineEnd(text, 0)).toEqual({ inString: false, continued: false, commentStart: undefined });
    expect(pythonLineEnd(text, 1).commentStart).toBe(10);
  });

  it("sees a backslash continuation, and an escaped line break inside a string", () => {
    expect(pythonLineEnd("x = 1 + \\\n    2\n", 0).continued).toBe(true);
    expect(pythonLineEnd("x = 'a\\\nb'\n", 0).inString).toBe(true);
    expect(pythonLineEnd("x = 'a\\\nb'  # c\n", 1).commentStart).toBe(4);
  });

  it("answers for a last line without a line break and a line past the end", () => {
    expect(pythonLineEnd("x = 1  # c", 0).commentStart).toBe(7);
    expect(pythonLineEnd("x = 1\n", 5)).toEqual({ inString: false, continued: false, commentStart: undefined });
  });
});

describe("Python file header", () => {
  it("skips a shebang and an encoding declaration on the first two lines only", () => {
    expect(pythonHeaderEnd(["#!/usr/bin/env python3", "# -*- coding: utf-8 -*-", "import x"])).toBe(2);
    expect(pythonHeaderEnd(["# vim: set fileencoding=latin-1 :", "import x"])).toBe(1);
    expect(pythonHeaderEnd(["import x", "# coding: utf-8"])).toBe(0);
    expect(pythonHeaderEnd(["#!/usr/bin/env python3", "import x", "# coding: utf-8"])).toBe(1);
  });

  it("lists the leading comment and blank lines", () => {
    expect(pythonLeadingCommentLines(["# a", "", "  # b", "x = 1", "# c"])).toEqual([0, 1, 2]);
  });
});

describe("JS/TS file header", () => {
  it("lists the comments before the first token, after a shebang", () => {
    const text = "#!/usr/bin/env node\n// one\n/* two\n */\n\"use strict\"; // not leading\n";
    expect(jsHeaderEnd(text)).toBe(20);
    expect(jsLeadingComments(text).map((comment) => [comment.text, comment.block])).toEqual([
      ["// one", false],
      ["/* two\n */", true],
    ]);
    expect(jsHeaderEnd("const x = 1;\n")).toBe(0);
  });
});
