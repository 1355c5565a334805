/**
 * Comment directives in Python through real ESLint: what silences which rule, what counts as unused, and that
 * the unused-directive fix never removes another tool's codes.
 */
import { Linter } from "eslint";
import { zeroConfig } from "../../../engine/config.js";

const linter = new Linter({ configType: "flat", cwd: process.cwd() });
const filename = `${process.cwd()}/example.py`;
const config = [...zeroConfig(), { linterOptions: { reportUnusedDisableDirectives: "warn" as const } }];

const header = "import asyncio\nimport time\nasync def f():\n";
const lint = (body: string, extra: Linter.Config[] = []) => linter.verify(header + body, [...config, ...extra], { filename });
const rulesOf = (messages: Linter.LintMessage[]) => messages.map((message) => message.ruleId ?? `null:${message.message}`);
const fixOnce = (body: string) => linter.verifyAndFix(header + body, config, { filename }).output.slice(header.length);

describe("directives that silence", () => {
  it.each([
    ["bare noqa", "    time.sleep(1)  # noqa\n"],
    ["upper-case NOQA", "    time.sleep(1)  # NOQA\n"],
    ["mapped code", "    time.sleep(1)  # noqa: ASYNC251\n"],
    ["mapped code among foreign ones", "    time.sleep(1)  # noqa: E501, ASYNC251\n"],
    ["noqa after another comment", "    time.sleep(1)  # type: ignore  # noqa: ASYNC251\n"],
    ["our own directive", "    time.sleep(1)  # async-pitfalls: disable=no-blocking-sleep\n"],
    ["our own directive with a reason", "    time.sleep(1)  # async-pitfalls: disable=no-blocking-sleep -- warm-up only\n"],
    ["eslint-disable-line", "    time.sleep(1)  # eslint-disable-line async-pitfalls/no-blocking-sleep\n"],
    ["eslint-disable-next-line", "    # eslint-disable-next-line async-pitfalls/no-blocking-sleep -- why\n    time.sleep(1)\n"],
    ["eslint-disable block", "    # eslint-disable async-pitfalls/no-blocking-sleep\n    time.sleep(1)\n    # eslint-enable async-pitfalls/no-blocking-sleep\n"],
  ])("%s", (_name, body) => {
    expect(rulesOf(lint(body))).toEqual([]);
  });
});

describe("directives that do not silence", () => {
  it.each([
    ["a foreign code never means all", "    time.sleep(1)  # noqa: E501\n"],
    ["noqa for the line before", "    # noqa\n    time.sleep(1)\n"],
    ["another rule's directive", "    time.sleep(1)  # async-pitfalls: disable=no-blocking-call\n"],
    ["noqa inside a string", '    time.sleep(1); s = "# noqa"\n'],
  ])("%s", (_name, body) => {
    expect(rulesOf(lint(body))).toContain("async-pitfalls/no-blocking-sleep");
  });

  it("--no-inline-config ignores our directives too", () => {
    const messages = linter.verify(header + "    time.sleep(1)  # eslint-disable-line async-pitfalls/no-blocking-sleep\n", config, {
      filename,
      allowInlineConfig: false,
    });
    expect(rulesOf(messages)).toEqual(["async-pitfalls/no-blocking-sleep"]);
  });
});

describe("unused directives", () => {
  it("a bare noqa is never reported: it may serve flake8 or ruff", () => {
    expect(lint("    x = 1  # noqa\n")).toEqual([]);
  });

  it("a foreign-only noqa is not ours to report", () => {
    expect(lint("    x = 1  # noqa: E501\n")).toEqual([]);
  });

  it("an unused mapped code is reported and its fix keeps the other codes", () => {
    const messages = lint("    x = 1  # noqa: E501, ASYNC251\n");
    expect(messages).toHaveLength(1);
    expect(messages[0]!.message).toMatch(/^Unused eslint-disable directive/u);
    // ESLint replaces a removed directive with one space; at the end of a line that leaves a trailing space.
    expect(fixOnce("    x = 1  # noqa: E501, ASYNC251\n")).toBe("    x = 1  # noqa: E501 \n");
    expect(fixOnce("    x = 1  # noqa: ASYNC251, E501\n")).toBe("    x = 1  # noqa: E501\n");
    expect(fixOnce("    x = 1  # noqa:ASYNC251,E501\n")).toBe("    x = 1  # noqa: E501\n");
  });

  it("an unused comment of ours alone is removed whole", () => {
    expect(fixOnce("    x = 1  # noqa: ASYNC251\n").trimEnd()).toBe("    x = 1");
    expect(fixOnce("    x = 1  # async-pitfalls: disable=no-blocking-sleep\n").trimEnd()).toBe("    x = 1");
  });

  it("an unknown rule in our own directive is reported, not ignored", () => {
    const messages = lint("    x = 1  # async-pitfalls: disable=no-such-rule\n");
    expect(messages.map((message) => message.message).join("\n")).toMatch(/no-such-rule/u);
  });
});
