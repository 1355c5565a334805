/**
 * SARIF output validated against the SARIF 2.1.0 JSON schema: the schema file Microsoft ships in
 * `@microsoft/jest-sarif`, the validator Ajv (its draft-04 build, which that schema is written in).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import Ajv from "ajv-draft-04";

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));
// The schema's language-tag pattern is not valid with the u flag, so patterns compile without it.
const validate = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false }).compile(schema);

expect.extend({
  toBeValidSarifLog(received: unknown) {
    const pass = validate(received) === true;
    return { pass, message: () => `SARIF schema errors: ${JSON.stringify(validate.errors, null, 2)}` };
  },
});

declare module "vitest" {
  interface Assertion {
    toBeValidSarifLog(): void;
  }
}

const bin = path.resolve(import.meta.dirname, "../../bin/async-pitfalls.js");

function sarifFor(files: Record<string, string>): Record<string, unknown> {
  const dir = mkdtempSync(path.join(tmpdir(), "ap-sarif-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  const result = spawnSync(process.execPath, [bin, "--format", "sarif"], { cwd: dir, encoding: "utf8" });
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

describe("SARIF 2.1.0", () => {
  it("the validator rejects a log that breaks the schema (it is not vacuous)", () => {
    expect(() => expect({ version: "2.1.0", runs: [{ tool: {} }] }).toBeValidSarifLog()).toThrow();
  });

  it("a run with fixes, suggestions, several languages and a parse error validates", () => {
    const sarif = sarifFor({
      "src/worker.py": "import time\n\nasync def poll():\n    time.sleep(1)\n",
      "src/server.ts": "export async function f(v: Int32Array) {\n  Atomics.wait(v, 0, 0, 10);\n}\n",
      "src/broken.py": "def f(:\n",
    });
    expect(sarif).toBeValidSarifLog();
    const run = (sarif["runs"] as Array<{ results: Array<{ ruleId: string; fixes?: unknown[] }> }>)[0]!;
    expect(run.results.map((result) => result.ruleId).sort()).toEqual([
      "async-pitfalls/no-blocking-sleep",
      "async-pitfalls/no-blocking-sleep",
      "async-pitfalls/parse-error",
    ]);
    expect(run.results.some((result) => (result.fixes ?? []).length > 0)).toBe(true);
  });

  it("an empty run validates", () => {
    expect(sarifFor({ "ok.py": "x = 1\n" })).toBeValidSarifLog();
  });
});
