/** Command-line arguments: parsed with Node's own `parseArgs`; anything unknown is a usage error (exit 2). */
import { parseArgs } from "node:util";
import { findRule } from "../rules/catalog.js";

export const FORMATS = ["stylish", "json", "sarif", "github"] as const;
export type Format = (typeof FORMATS)[number];

export interface CliOptions {
  readonly paths: string[];
  readonly format: Format;
  readonly fix: boolean;
  readonly maxWarnings: number;
  readonly quiet: boolean;
  /** Only these rules run (ids without prefix); empty: all. */
  readonly rules: string[];
  /** No type information, even where a tsconfig.json covers a TypeScript file. */
  readonly untyped: boolean;
  readonly explain: string | undefined;
  readonly listRules: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

export class UsageError extends Error {}

export const USAGE = `Usage: async-pitfalls [options] [paths...]

Lints Python (.py .pyi) and TypeScript/JavaScript (.ts .tsx .mts .cts .js .jsx .mjs .cjs) files under the
given paths (default: .) for async pitfalls. Honours .gitignore; skips node_modules, virtualenvs and build output.
Settings: [tool.async-pitfalls] in pyproject.toml or async-pitfalls.json; the one nearest to a file applies.

Options:
  --format <name>      stylish (default), json (ESLint's JSON), sarif (SARIF 2.1.0),
                       github (GitHub Actions annotations)
  --fix                apply safe fixes to the files
  --max-warnings <n>   exit 1 only when there are more than n warnings (default 0)
  --quiet              report errors only, not warnings
  --rule <id>          run only this rule (repeatable)
  --untyped            no type information: by default TypeScript files that a tsconfig.json includes are
                       linted with it (slower, finds more); --untyped resolves names only, as for other files
  --list-rules         list the rules with their languages and fixes
  --explain <id>       print a rule's documentation
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 no findings, 1 findings, 2 usage error, invalid configuration file or crash.`;

function knownRule(id: string): string {
  const entry = findRule(id);
  if (!entry) throw new UsageError(`Unknown rule "${id}" (see --list-rules).`);
  return entry.id;
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: "string", short: "f", default: "stylish" },
        fix: { type: "boolean", default: false },
        "max-warnings": { type: "string" },
        quiet: { type: "boolean", default: false },
        rule: { type: "string", multiple: true, default: [] },
        untyped: { type: "boolean", default: false },
        explain: { type: "string" },
        "list-rules": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", short: "v", default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0]!.replace(/\. To specify a positional.*/su, "."));
  }
  const { values, positionals } = parsed;
  if (!FORMATS.includes(values.format as Format)) {
    throw new UsageError(`Unknown format "${values.format}" (expected ${FORMATS.join(", ")}).`);
  }
  let maxWarnings = 0;
  if (values["max-warnings"] !== undefined) {
    maxWarnings = Number(values["max-warnings"]);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
      throw new UsageError(`--max-warnings takes a whole number ≥ 0, got "${values["max-warnings"]}".`);
    }
  }
  return {
    paths: positionals.length > 0 ? positionals : ["."],
    format: values.format as Format,
    fix: values.fix ?? false,
    maxWarnings,
    quiet: values.quiet ?? false,
    rules: (values.rule ?? []).map(knownRule),
    untyped: values.untyped ?? false,
    explain: values.explain === undefined ? undefined : knownRule(values.explain),
    listRules: values["list-rules"] ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}
