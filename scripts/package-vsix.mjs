// `npm run package`: bundle, then build the .vsix with @vscode/vsce, which needs Node ≥ 22 (see scripts/node24.mjs).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { cachedTool, node24 } from "./node24.mjs";

execFileSync(process.execPath, ["scripts/bundle.mjs"], { stdio: "inherit" });
const node = node24();
const vsce = path.join(cachedTool("vsce", "@vscode/vsce@4.1.0"), "node_modules", "@vscode", "vsce", "vsce");
execFileSync(node, [vsce, "package", "--no-dependencies"], {
  stdio: "inherit",
  env: { ...process.env, PATH: `${path.dirname(node)}:${process.env.PATH}` },
});
