/**
 * The configuration engine without a process in between: locating keys in JSON and TOML, and the flat-config
 * blocks that make "the nearest configuration governs, alone" hold inside one ESLint run.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Linter } from "eslint";
import { parseJsonWithLocations, JsonSyntaxError } from "../../engine/json-locations.js";
import { locateTomlKey } from "../../engine/toml-locations.js";
import { ConfigError, loadConfigFile, nearestConfigFile, projectConfig } from "../../engine/project-config.js";

const SLEEPY = "import time\n\nasync def f():\n    time.sleep(1)\n";

describe("key locations", () => {
  it("JSON: keys, array elements, and syntax errors with their position", () => {
    const parsed = parseJsonWithLocations('{\n  "rules": {\n    "a": ["warn", { "max": 5 }]\n  },\n  "ignores": ["x", 3]\n}');
    expect(parsed.locate(["rules", "a"])).toEqual({ line: 3, column: 5, length: 3 });
    expect(parsed.locate(["rules", "a", 1, "max"])).toEqual({ line: 3, column: 21, length: 5 });
    expect(parsed.locate(["ignores", 1])).toEqual({ line: 5, column: 20, length: 1 });
    const syntax = (text: string) => {
      try {
        parseJsonWithLocations(text);
      } catch (error) {
        if (error instanceof JsonSyntaxError) return `${error.location.line}:${error.location.column} ${error.message}`;
      }
      return "parsed";
    };
    expect(syntax('{ "a": 1 // note\n}')).toBe("1:10 comments are not allowed in JSON");
    expect(syntax('{ "a": 1, "a": 2 }')).toBe('1:11 "a" appears twice in the same object');
    expect(syntax("{ 'a': 1 }")).toBe("1:3 expected a quoted key, found '''");
    expect(syntax('{ "a": 1 } x')).toBe("1:12 unexpected 'x' after the end of the JSON value");
  });

  it("TOML: table headers, dotted keys, quoted keys and one-line inline tables", () => {
    const text = [
      "[project]",
      'name = "x"',
      "",
      "[tool.async-pitfalls]",
      'ignores = ["a"]',
      'rules.require-timeout = "off"',
      "",
      "[tool.async-pitfalls.rules]",
      '"no-blocking-call" = "error"',
      'no-unbounded-fan-out = ["warn", { maxKnownSize = 50 }]',
      'inline = { deep = { key = 1 } }',
    ].join("\n");
    const at = (...keys: (string | number)[]) => locateTomlKey(text, ["tool", "async-pitfalls", ...keys]);
    expect(at()).toEqual({ line: 4, column: 7, length: 14 });
    expect(at("ignores", 0)).toEqual({ line: 5, column: 1, length: 7 });
    expect(at("rules", "require-timeout")).toEqual({ line: 6, column: 7, length: 15 });
    expect(at("rules", "no-blocking-call")).toEqual({ line: 9, column: 1, length: 18 });
    expect(at("rules", "no-unbounded-fan-out", 1, "maxKnownSize")).toEqual({ line: 10, column: 35, length: 12 });
    expect(at("rules", "inline", "deep", "key")).toEqual({ line: 11, column: 21, length: 3 });
    expect(at("rules", "missing")).toEqual({ line: 6, column: 1, length: 5 });
  });
});

describe("flat-config blocks", () => {
  function tree(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), "ap-engine-"));
    mkdirSync(path.join(dir, ".git"));
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), content);
    }
    return dir;
  }

  it("a parent's rules and ignores stop at a nested configuration; default ignores stay", () => {
    const dir = tree({
      "async-pitfalls.json": '{ "ignores": ["**/generated/**", "sub/"], "rules": { "no-blocking-sleep": "error" } }',
      "sub/async-pitfalls.json": '{ "rules": { "require-timeout": "off" } }',
    });
    const configs = [path.join(dir, "async-pitfalls.json"), path.join(dir, "sub/async-pitfalls.json")].map((file) => loadConfigFile(file)!);
    const config = projectConfig(configs);
    const linter = new Linter({ configType: "flat", cwd: dir });
    const lint = (name: string) =>
      linter
        .verify(SLEEPY, config, { filename: path.join(dir, name) })
        .map((message) => (message.ruleId ? `${message.ruleId.replace("async-pitfalls/", "")}:${message.severity}` : "not linted"));
    expect(lint("app.py")).toEqual(["no-blocking-sleep:2"]);
    expect(lint("generated/x.py")).toEqual(["not linted"]);
    expect(lint("sub/app.py")).toEqual(["no-blocking-sleep:1"]);
    expect(lint("sub/generated/x.py")).toEqual(["no-blocking-sleep:1"]);
    expect(lint("sub/node_modules/pkg/x.py")).toEqual(["not linted"]);
  });

  it("discovery returns the nearest configuration file, and loading an invalid one throws a ConfigError", () => {
    const dir = tree({
      "pyproject.toml": '[tool.async-pitfalls.rules]\nno-blocking-sleep = "error"\n',
      "pkg/pyproject.toml": '[project]\nname = "pkg"\n',
      "bad/async-pitfalls.json": '{ "rules": { "no-such-rule": "error" } }',
    });
    expect(nearestConfigFile(path.join(dir, "pkg/deep"))).toBe(path.join(dir, "pyproject.toml"));
    expect(nearestConfigFile(path.join(dir, "bad"))).toBe(path.join(dir, "bad/async-pitfalls.json"));
    expect(() => loadConfigFile(path.join(dir, "bad/async-pitfalls.json"))).toThrow(ConfigError);
    expect(loadConfigFile(path.join(dir, "pkg/pyproject.toml"))).toBeUndefined();
  });
});
