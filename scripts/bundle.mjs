// Bundles the VS Code client (CJS, as the extension host loads it) and the language server (ESM: the Python
// parser initialises with a top-level await) into out/, with the wasm files the server loads beside it.
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { build } from "esbuild";

const require = createRequire(import.meta.url);
rmSync("out", { recursive: true, force: true });
mkdirSync("out", { recursive: true });

await build({
  entryPoints: ["extension/extension.ts"],
  outfile: "out/extension.cjs",
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  external: ["vscode"],
  minify: true,
  logLevel: "warning",
});

await build({
  entryPoints: ["server/main.ts"],
  outfile: "out/server.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  minify: true,
  keepNames: true,
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

copyFileSync(require.resolve("tree-sitter-python/tree-sitter-python.wasm"), "out/tree-sitter-python.wasm");
copyFileSync(require.resolve("web-tree-sitter/web-tree-sitter.wasm"), "out/web-tree-sitter.wasm");
