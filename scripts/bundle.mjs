// Bundles the VS Code client (CJS, as the extension host loads it) and the language server (ESM: the Python
// parser initialises with a top-level await) into out/, with the files the server loads beside it: the wasm files
// and TypeScript's default libraries. `node scripts/bundle.mjs` writes out/; tests import `bundle(dir)`.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const require = createRequire(import.meta.url);
const root = path.resolve(fileURLToPath(new URL("..", import.meta.url)));

/** Bundles the client and the server into `outDir` (emptied first). */
export async function bundle(outDir = path.join(root, "out")) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  await build({
    entryPoints: [path.join(root, "extension/extension.ts")],
    outfile: path.join(outDir, "extension.cjs"),
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    external: ["vscode"],
    minify: process.env.ASYNC_PITFALLS_NO_MINIFY !== "1",
    logLevel: "warning",
  });

  await build({
    entryPoints: [path.join(root, "server/main.ts")],
    outfile: path.join(outDir, "server.mjs"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Identifiers keep their names, so stack traces and profiles read and nothing needs esbuild's `keepNames`, whose
    // `__name()` call on every function created at run time cost ~10% of a TypeScript lint.
    minifyWhitespace: process.env.ASYNC_PITFALLS_NO_MINIFY !== "1",
    minifySyntax: true,
    logLevel: "warning",
    // ESLint loads jiti only for TypeScript config files, which the server never reads.
    external: ["jiti", "jiti/package.json"],
    // CommonJS dependencies (ESLint, TypeScript) call require() for Node built-ins and read __filename.
    banner: {
      js: [
        "import { createRequire as __createRequire } from 'node:module';",
        "import { fileURLToPath as __fileURLToPath } from 'node:url';",
        "const require = __createRequire(import.meta.url);",
        "const __filename = __fileURLToPath(import.meta.url);",
        "const __dirname = __fileURLToPath(new URL('.', import.meta.url));",
      ].join(" "),
    },
  });

  copyFileSync(require.resolve("tree-sitter-python/tree-sitter-python.wasm"), path.join(outDir, "tree-sitter-python.wasm"));
  copyFileSync(require.resolve("web-tree-sitter/web-tree-sitter.wasm"), path.join(outDir, "web-tree-sitter.wasm"));
  // Typed linting (asyncPitfalls.typescript.typed) runs TypeScript from the bundle, which looks for its default
  // libraries (lib.es2022.d.ts, …) next to the executing file.
  const typescriptLib = path.dirname(require.resolve("typescript/lib/typescript.js"));
  for (const name of readdirSync(typescriptLib)) {
    if (/^lib\..*\.d\.ts$/u.test(name)) copyFileSync(path.join(typescriptLib, name), path.join(outDir, name));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await bundle();
