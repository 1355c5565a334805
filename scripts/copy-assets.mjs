// Copies the Python grammar next to the compiled parser, so the published package needs no native install.
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
mkdirSync("dist/rules/python", { recursive: true });
copyFileSync(require.resolve("tree-sitter-python/tree-sitter-python.wasm"), "dist/rules/python/tree-sitter-python.wasm");
