// `npm run package`: bundle, stage exactly what the extension needs, and build the .vsix with @vscode/vsce,
// which needs Node ≥ 22 (see scripts/node24.mjs). Staging keeps vsce away from the npm "files" list, which
// describes the npm package, not the extension.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cacheDir, cachedTool, node24 } from "./node24.mjs";

const root = path.resolve(import.meta.dirname, "..");
execFileSync(process.execPath, [path.join(root, "scripts/bundle.mjs")], { stdio: "inherit", cwd: root });

const stage = path.join(cacheDir, "vsix-stage");
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
for (const entry of ["out", "docs", "snippets", "README.md", "LICENSE"]) cpSync(path.join(root, entry), path.join(stage, entry), { recursive: true });

const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
for (const npmOnly of ["files", "scripts", "dependencies", "devDependencies", "allowScripts", "exports", "bin", "type"]) {
  delete manifest[npmOnly];
}
writeFileSync(path.join(stage, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
// The stage holds only what ships; the ignore file just tells vsce so.
writeFileSync(path.join(stage, ".vscodeignore"), "# everything staged here ships\n");

const node = node24();
const vsce = path.join(cachedTool("vsce", "@vscode/vsce@4.1.0"), "node_modules", "@vscode", "vsce", "vsce");
const target = path.join(root, `${manifest.name}-${manifest.version}.vsix`);
execFileSync(node, [vsce, "package", "--no-dependencies", "--out", target], {
  cwd: stage,
  stdio: "inherit",
  env: { ...process.env, PATH: `${path.dirname(node)}:${process.env.PATH}` },
});
