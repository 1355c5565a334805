/**
 * Test code: the modules a test runner collects and imports — anything under a `tests/` or `test/` folder, and
 * `test_*.py`, `*_test.py`, `conftest.py`. Some rules judge it differently: a test runner's timeout bounds every
 * wait there and the peers are the test's own servers and fixtures, and reading a fixture file holds up nothing
 * that matters.
 */
import path from "node:path";

const TEST_FOLDERS = new Set(["tests", "test"]);
const TEST_FILE = /^(?:test_.*|.*_test|conftest)\.pyi?$/u;

/** The last question and its answer: two rules ask it of each linted file in turn. */
let last: { filename: string; cwd: string; answer: boolean } | undefined;

/** Whether the linted file is test code; the folders are judged from `cwd` down (a project may live under `test/`). */
export function isTestModule(filename: string, cwd: string): boolean {
  if (last?.filename !== filename || last.cwd !== cwd) last = { filename, cwd, answer: judge(filename, cwd) };
  return last.answer;
}

function judge(filename: string, cwd: string): boolean {
  if (!filename || filename.startsWith("<")) return false;
  const absolute = path.resolve(cwd, filename);
  const relative = path.relative(cwd, absolute);
  const inside = relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
  const parts = (inside ? relative : absolute).split(/[\\/]+/u);
  const file = parts.pop() ?? "";
  return TEST_FILE.test(file) || parts.some((part) => TEST_FOLDERS.has(part));
}
