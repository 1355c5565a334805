/**
 * The real pre-commit framework against a throwaway repository that uses this repository as its hook repo
 * (`language: node`, system Node): a commit adding `time.sleep` inside `async def` is blocked, a clean one
 * goes through, and only staged files are linted. `.ci/run` installs pre-commit; elsewhere the test is
 * skipped when the tool is missing.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const repo = path.resolve(import.meta.dirname, "../..");
const hasPreCommit = spawnSync("pre-commit", ["--version"]).status === 0;
const required = process.env["CI"] === "true";

const git = (cwd: string, ...args: string[]) => spawnSync("git", args, { cwd, encoding: "utf8" });

describe.runIf(hasPreCommit || required)("pre-commit hook", () => {
  let work = "";
  let env: NodeJS.ProcessEnv = {};

  beforeAll(() => {
    const rev = execFileSync("git", ["rev-parse", "HEAD"], { cwd: repo, encoding: "utf8" }).trim();
    work = mkdtempSync(path.join(tmpdir(), "ap-precommit-"));
    env = { ...process.env, PRE_COMMIT_HOME: path.join(work, ".pre-commit-home") };
    git(work, "init", "-q");
    git(work, "config", "user.email", "dev@example.com");
    git(work, "config", "user.name", "Dev");
    writeFileSync(
      path.join(work, ".pre-commit-config.yaml"),
      `repos:\n  - repo: ${repo}\n    rev: ${rev}\n    hooks:\n      - id: async-pitfalls\n        language_version: system\n`,
    );
    writeFileSync(path.join(work, ".gitignore"), ".pre-commit-home/\n");
    git(work, "add", ".");
    git(work, "commit", "-qm", "config");
    const install = spawnSync("pre-commit", ["install"], { cwd: work, env, encoding: "utf8" });
    expect(install.status, install.stderr).toBe(0);
    // The hook's environment (npm install, build, pack) is created once, outside the commits under test.
    const setup = spawnSync("pre-commit", ["install-hooks"], { cwd: work, env, encoding: "utf8" });
    expect(setup.status, setup.stdout + setup.stderr).toBe(0);
  }, 600_000);

  const commit = (message: string) => spawnSync("git", ["commit", "-m", message], { cwd: work, env, encoding: "utf8" });

  it("blocks a commit that adds time.sleep inside async def", () => {
    writeFileSync(path.join(work, "worker.py"), "import time\n\nasync def poll():\n    time.sleep(1)\n");
    git(work, "add", "worker.py");
    const result = commit("add a blocking worker");
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain("async-pitfalls/no-blocking-sleep");
    expect(git(work, "log", "--oneline").stdout.trim().split("\n")).toHaveLength(1);
    git(work, "reset", "-q", "worker.py");
  }, 120_000);

  it("lets a clean commit through, and lints only the staged files", () => {
    // worker.py (with the pitfall) stays unstaged: it must not block this commit.
    writeFileSync(path.join(work, "clean.py"), "import asyncio\n\nasync def poll():\n    await asyncio.sleep(1)\n");
    git(work, "add", "clean.py");
    const result = commit("add a clean worker");
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(git(work, "log", "--oneline").stdout.trim().split("\n")).toHaveLength(2);
  }, 120_000);
});
