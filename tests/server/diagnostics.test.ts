/**
 * ESLint messages → LSP diagnostics, on hand-written messages shaped like ESLint's (positions, severities,
 * codes, data), including line breaks that ESLint and LSP count differently.
 */
import type { Linter } from "eslint";
import { DiagnosticSeverity } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { docsUrl } from "../../rules/catalog.js";
import { readData } from "../../server/code-actions.js";
import { EslintPositions, toDiagnostics } from "../../server/diagnostics.js";

const doc = (text: string, version = 3) => TextDocument.create("file:///w/a.py", "python", version, text);

function message(overrides: Partial<Linter.LintMessage>): Linter.LintMessage {
  return { ruleId: "async-pitfalls/no-blocking-sleep", severity: 1, message: "m", line: 1, column: 1, ...overrides } as Linter.LintMessage;
}

describe("positions", () => {
  it("turns 1-based lines and columns into 0-based positions, clamped to the text", () => {
    const positions = new EslintPositions(doc("ab\ncdé😀f\n"), "python");
    expect(positions.rangeOf({ line: 2, column: 4, endLine: 2, endColumn: 7 })).toEqual({
      start: { line: 1, character: 3 },
      end: { line: 1, character: 6 },
    });
    expect(positions.position(9, 99)).toEqual({ line: 2, character: 0 });
    expect(positions.position(1, 99)).toEqual({ line: 0, character: 2 });
    expect(positions.position(0, 0)).toEqual({ line: 0, character: 0 });
    expect(positions.position(Number.NaN, Number.NaN)).toEqual({ line: 0, character: 0 });
  });

  it("gives a message without an end an empty range, and never an inverted one", () => {
    const positions = new EslintPositions(doc("abc\n"), "python");
    expect(positions.rangeOf({ line: 1, column: 2 })).toEqual({ start: { line: 0, character: 1 }, end: { line: 0, character: 1 } });
    expect(positions.rangeOf({ line: 1, column: 3, endLine: 1, endColumn: 1 })).toEqual({
      start: { line: 0, character: 2 },
      end: { line: 0, character: 2 },
    });
  });

  it("maps JavaScript's extra line breaks (U+2028, U+2029) onto LSP lines", () => {
    const text = "a = '\u2028'; b = '\u2029';\nc();\n";
    const positions = new EslintPositions(TextDocument.create("file:///w/a.js", "javascript", 1, text), "javascript");
    // ESLint's line 4 is LSP's line 1.
    expect(positions.position(4, 1)).toEqual({ line: 1, character: 0 });
    // ESLint's line 2 starts after U+2028, inside LSP's line 0.
    expect(positions.position(2, 1)).toEqual({ line: 0, character: text.indexOf("\u2028") + 1 });
  });
});

describe("toDiagnostics", () => {
  it("fills source, code, link, severity and data with the version", () => {
    const text = "import time\nasync def f():\n    time.sleep(1)\n";
    const [diagnostic] = toDiagnostics(
      [message({ line: 3, column: 5, endLine: 3, endColumn: 18, severity: 2, fix: { range: [0, 44], text: "import asyncio\nimport time\nasync def f():\n    await asyncio.sleep(1)" } })],
      doc(text, 7),
      { language: "python" },
    );
    expect(diagnostic).toMatchObject({
      source: "async-pitfalls",
      code: "no-blocking-sleep",
      codeDescription: { href: docsUrl("no-blocking-sleep") },
      severity: DiagnosticSeverity.Error,
      range: { start: { line: 2, character: 4 }, end: { line: 2, character: 17 } },
    });
    const data = readData(diagnostic!.data);
    expect(data?.version).toBe(7);
    expect(data?.fix?.title).toBe("Fix: replace with 'await asyncio.sleep(1)'");
    expect(data?.fix?.edits).toEqual([
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: "import asyncio\n" },
      { range: { start: { line: 2, character: 4 }, end: { line: 2, character: 8 } }, newText: "await asyncio" },
    ]);
  });

  it("turns suggestions into titled edits", () => {
    const [diagnostic] = toDiagnostics(
      [message({ suggestions: [{ desc: "Wrap in asyncio.to_thread()", fix: { range: [0, 1], text: "y" } }] })],
      doc("x\n"),
      { language: "python" },
    );
    expect(readData(diagnostic!.data)?.suggestions).toEqual([
      { title: "Wrap in asyncio.to_thread()", edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, newText: "y" }] },
    ]);
  });

  it("marks rule-less messages and fatal ones", () => {
    const [unused, fatal, foreign] = toDiagnostics(
      [
        message({ ruleId: null, message: "Unused eslint-disable directive (no problems were reported).", fix: { range: [0, 2], text: "" } }),
        { ruleId: null, fatal: true, severity: 2, message: "Parsing error: Expression expected.", line: 1, column: 2 } as Linter.LintMessage,
        message({ ruleId: "other-plugin/rule" }),
      ],
      doc("abc\n"),
      { language: "python" },
    );
    expect(unused).toMatchObject({ code: "unused-directive", tags: [1] });
    expect(unused!.codeDescription).toBeUndefined();
    expect(readData(unused!.data)?.fix?.title).toBe("Remove unused directive");
    expect(fatal).toMatchObject({ severity: DiagnosticSeverity.Error, range: { start: { line: 0, character: 1 } } });
    expect(fatal!.code).toBeUndefined();
    expect(fatal!.data).toBeUndefined();
    expect(foreign).toMatchObject({ code: "other-plugin/rule" });
    expect(foreign!.codeDescription).toBeUndefined();
  });

  it("defers the edits of fixes past the budget", () => {
    const fix = { range: [0, 3] as [number, number], text: "xyz" };
    const diagnostics = toDiagnostics([message({ fix }), message({ fix }), message({ fix })], doc("abc\n"), { language: "python", editBudget: 13 });
    expect(diagnostics.map((diagnostic) => readData(diagnostic.data)?.deferred === true)).toEqual([false, false, true]);
  });
});

describe("readData", () => {
  it("rejects data a client mangled", () => {
    expect(readData(undefined)).toBeUndefined();
    expect(readData({ version: "1" })).toBeUndefined();
    expect(readData({ version: 1, fix: { title: "t", edits: [{ newText: 1 }] } })).toBeUndefined();
    expect(readData({ version: 1, suggestions: "no" })).toBeUndefined();
    expect(readData({ version: 1, extra: true })).toEqual({ version: 1 });
  });
});
