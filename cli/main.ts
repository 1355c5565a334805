/**
 * `async-pitfalls [paths…]`: exit 0 clean, 1 findings, 2 usage error, invalid configuration file or crash (one line
 * on stderr).
 */
import { readFileSync } from "node:fs";
import { ConfigError } from "../engine/config-error.js";
import { parseCliArgs, USAGE, UsageError } from "./args.js";
import { MissingPathError } from "./files.js";
import { explainRule, listRules } from "./rules-info.js";
import { run } from "./run.js";

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return manifest.version;
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    const options = parseCliArgs(argv);
    if (options.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (options.version) {
      process.stdout.write(`${version()}\n`);
      return 0;
    }
    if (options.listRules) {
      process.stdout.write(`${listRules()}\n`);
      return 0;
    }
    if (options.explain) {
      process.stdout.write(`${explainRule(options.explain)}\n`);
      return 0;
    }
    const outcome = await run(options, process.cwd());
    for (const notice of outcome.notices) process.stderr.write(`async-pitfalls: ${notice}\n`);
    if (outcome.output) process.stdout.write(outcome.output.endsWith("\n") ? outcome.output : `${outcome.output}\n`);
    return outcome.exitCode;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`async-pitfalls: ${error.message}\nRun 'async-pitfalls --help' for usage.\n`);
    } else if (error instanceof ConfigError) {
      process.stderr.write(`async-pitfalls: ${error.format(process.cwd())}\n`);
    } else if (error instanceof MissingPathError) {
      process.stderr.write(`async-pitfalls: ${error.message}\n`);
    } else {
      process.stderr.write(`async-pitfalls: internal error: ${(error as Error).message.split("\n")[0]}\n`);
    }
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
