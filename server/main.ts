/**
 * Entry point of `async-pitfalls-lsp`. Checks the arguments before loading the engine, so that a person running
 * the command by hand gets the usage at once (exit code 2). The bundled server is a single file, so it is also the
 * entry of the typed linter's worker thread (see typed-lint.ts) and of the ESLint-configuration worker (see
 * eslint-config-linter.ts), told apart by their `workerData`.
 */
import { isMainThread, workerData } from "node:worker_threads";
import { invocation, USAGE } from "./transport.js";

const args = process.argv.slice(2);

const role = isMainThread ? undefined : (workerData as { role?: unknown } | null)?.role;

if (role === "async-pitfalls/typed-lint") {
  await import("./typed-worker.js");
} else if (role === "async-pitfalls/eslint-config") {
  // The trusted workspace's eslint.config.* is loaded there (see eslint-config-linter.ts).
  await import("./eslint-config-worker.js");
} else {
  switch (invocation(args, typeof process.send === "function")) {
    case "help":
      process.stdout.write(USAGE);
      break;
    case "version": {
      const { plugin } = await import("../engine/config.js");
      process.stdout.write(`${String((plugin.meta as { version?: string } | undefined)?.version ?? "unknown")}\n`);
      break;
    }
    case "usage-error":
      process.stderr.write(USAGE);
      process.exitCode = 2;
      break;
    default: {
      const { launch } = await import("./launch.js");
      launch();
    }
  }
}
