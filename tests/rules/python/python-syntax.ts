/** Checks that fix and suggestion outputs are valid Python, with the real interpreter. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Parses with `ast.parse`; throws with Python's message when the text is not valid Python. */
export function assertParses(code: string): void {
  execFileSync("python3", ["-c", "import ast,sys; ast.parse(sys.stdin.read())"], { input: code, stdio: ["pipe", "pipe", "pipe"] });
}

/** Byte-compiles a temporary file with `py_compile` (catches what only the compiler rejects, e.g. `await` misuse). */
export function assertCompiles(code: string): void {
  const dir = mkdtempSync(path.join(tmpdir(), "async-pitfalls-"));
  try {
    const file = path.join(dir, "fixed.py");
    writeFileSync(file, code);
    execFileSync("python3", ["-m", "py_compile", file], { stdio: ["pipe", "pipe", "pipe"] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface InvalidCase {
  readonly code: string;
  readonly output?: string | null;
  readonly errors: readonly { readonly suggestions?: readonly { readonly output: string }[] | null }[] | number;
}

/** Every autofix and suggestion output of RuleTester invalid cases. */
export function outputsOf(cases: readonly InvalidCase[]): { fixes: string[]; suggestions: string[] } {
  const fixes: string[] = [];
  const suggestions: string[] = [];
  for (const item of cases) {
    if (typeof item.output === "string") fixes.push(item.output);
    if (typeof item.errors === "number") continue;
    for (const error of item.errors) for (const suggestion of error.suggestions ?? []) suggestions.push(suggestion.output);
  }
  return { fixes, suggestions };
}
