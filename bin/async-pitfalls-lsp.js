#!/usr/bin/env node
// The async-pitfalls language server: `async-pitfalls-lsp --stdio` (or --node-ipc, --socket=<port>, --pipe=<name>).
import "../dist/server/main.js";
