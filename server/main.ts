/**
 * Entry point of `async-pitfalls-lsp`. Checks the arguments before loading the engine, so that a person running
 * the command by hand gets the usage at once (exit code 2).
 */
import { invocation, USAGE } from "./transport.js";

const args = process.argv.slice(2);

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
