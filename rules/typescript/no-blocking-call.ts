/**
 * A synchronous Node.js API inside an async function blocks the event loop until it returns: every other request,
 * timer and socket waits. Flags, inside async functions only (not at module level, not in sync functions, not in
 * sync functions or arrows nested in async ones, which may run elsewhere):
 * - the `fs.*Sync` APIs that read or write contents (`readFileSync`, `writeFileSync`, `readdirSync`, `rmSync`,
 *   `copyFileSync`…); metadata calls (`existsSync`, `statSync`, `mkdirSync`, `unlinkSync`, `renameSync`…: one quick
 *   system call, almost always a guard or a set-up step) only with option `checkMetadataCalls`, as in the Python rule;
 * - `child_process.execSync`/`execFileSync`/`spawnSync` (`sleep` commands are left to `no-blocking-sleep`);
 * - the CPU-heavy `crypto` functions (`pbkdf2Sync`, `scryptSync`, `generateKeyPairSync`, `generatePrimeSync`,
 *   `checkPrimeSync`);
 * - `zlib`'s one-shot `*Sync` (de)compressors.
 * However the module is reached: `node:` or bare specifier, named/default/namespace import, `import x = require`,
 * `require(…)` (destructured or not), `(await import(…))`, and aliases of those; see `imports.ts`.
 *
 * Not in test files (`*.test.ts`, `test/`, `__tests__/`…: the runner waits on one test at a time and a blocking setup
 * call holds up nothing that serves; option `checkTestFiles`) nor in one-shot programs (`scripts/`, `benchmarks/`, a
 * `#!` executable, a module importing a command-line parser; option `checkScripts`): see `file-role.ts`.
 *
 * Suggestion (the async variant, awaited, same arguments), from the `blockingNodeModules` table: `await readFile(…)`
 * from `node:fs/promises` (or `fs.promises.readFile` through an existing `fs` binding), `await promisify(pbkdf2)(…)`.
 * Offered only where it keeps the meaning: see `BlockingNodeCall` in `knowledge.ts`.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { canAwaitAt, isInAsyncFunction } from "./async-context.js";
import { argumentListText, awaitedText, callValueNode } from "./awaited-call.js";
import { createRule } from "./create-rule.js";
import { fileRole } from "./file-role.js";
import { planModuleExportBinding, type ModuleExport } from "./ensure-binding.js";
import { resolveCallee, resolveModuleValue, skipTransparentWrappers, staticMemberName, staticString } from "./imports.js";
import {
  blockingNodeModules,
  fsPromisesAliases,
  promisifyExport,
  syncProcessRunners,
  type BlockingModule,
  type BlockingNodeCall,
} from "./knowledge.js";
import { sleepCommand } from "./no-blocking-sleep.js";
import { mayBeNumber, typeInfo } from "./type-info.js";

export type MessageIds = "blockingCall" | "useAsyncVariant";
export type Options = [{ allow?: string[]; checkMetadataCalls?: boolean; checkTestFiles?: boolean; checkScripts?: boolean }];

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;
type RuleFix = TSESLint.RuleFix;

export default createRule<Options, MessageIds>({
  name: "no-blocking-call",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow blocking I/O and process calls inside async functions",
      recommended: true,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          allow: {
            type: "array",
            items: { type: "string" },
            uniqueItems: true,
            description: "Qualified names never reported, e.g. 'fs.statSync' or 'child_process.execSync'.",
          },
          checkMetadataCalls: {
            type: "boolean",
            description: "Also report fs metadata calls: existsSync, statSync, mkdirSync, unlinkSync, renameSync… (default false).",
          },
          checkTestFiles: { type: "boolean", description: "Also report in test files and test directories (default false)." },
          checkScripts: {
            type: "boolean",
            description: "Also report in one-shot programs: scripts/benchmarks directories, '#!' files, modules importing a command-line parser (default false).",
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      blockingCall: "'{{name}}()' blocks the event loop inside an async function; {{advice}}.",
      useAsyncVariant: "Replace with '{{replacement}}'.",
    },
  },
  defaultOptions: [{ allow: [], checkMetadataCalls: false, checkTestFiles: false, checkScripts: false }],
  create(context, [options]) {
    const { sourceCode } = context;
    const role = fileRole(context);
    if (role.neverRuns || (role.test && !options.checkTestFiles) || (role.script && !options.checkScripts)) return {};
    const sourceType = context.languageOptions.sourceType;
    const allowed = new Set((options.allow ?? []).map((name) => name.replace(/^node:/, "")));

    /** The first argument may be a file descriptor: a number by type, or by its look when untyped. */
    function mayBeFileDescriptor(argument: Node): boolean {
      const types = typeInfo(context);
      if (types) return mayBeNumber(types.typeOf(argument));
      return looksLikeFileDescriptor(argument);
    }

    function suggestion(call: TSESTree.CallExpression, module: BlockingModule, entry: BlockingNodeCall) {
      const counterpart = entry.counterpart;
      if (!counterpart || !canAwaitAt(call)) return [];
      const args = call.arguments;
      if (args.some((argument) => argument.type === "SpreadElement")) return [];
      if (entry.firstArgumentMayBeFd && args[0] && mayBeFileDescriptor(args[0])) return [];
      if (entry.unsupportedOptions && !optionsAvoid(args.slice(1), entry.unsupportedOptions)) return [];
      const replaced = callValueNode(call);
      if (entry.differentResult && replaced.parent?.type !== "ExpressionStatement") return [];
      const argumentList = argumentListText(call, sourceCode);
      if (argumentList === undefined) return [];

      const fixes: ((fixer: TSESLint.RuleFixer) => RuleFix)[] = [];
      let callee: string;
      if (counterpart.kind === "promises-export") {
        const target: ModuleExport = {
          module: module.counterpartModule,
          moduleKey: "fs/promises",
          exportName: counterpart.exportName,
          localNames: localNamesFor(counterpart.exportName),
          aliases: fsPromisesAliases,
        };
        const viaObject = namespaceCallee(call, sourceCode);
        if (viaObject !== undefined) {
          callee = `${viaObject}.promises.${counterpart.exportName}`;
        } else {
          const plan = planModuleExportBinding(call, target, sourceCode, sourceType);
          if (!plan) return [];
          callee = plan.callee;
          if (plan.addBinding) fixes.push(plan.addBinding);
        }
      } else {
        const callback = planModuleExportBinding(
          call,
          {
            module: module.counterpartModule,
            moduleKey: module.counterpartModule.replace(/^node:/, ""),
            exportName: counterpart.exportName,
            localNames: localNamesFor(counterpart.exportName),
          },
          sourceCode,
          sourceType,
        );
        const promisify = planModuleExportBinding(call, promisifyExport, sourceCode, sourceType);
        if (!callback || !promisify) return [];
        callee = `${promisify.callee}(${callback.callee})`;
        if (promisify.addBinding) fixes.push(promisify.addBinding);
        if (callback.addBinding) fixes.push(callback.addBinding);
      }
      const text = awaitedText(replaced, `${callee}${argumentList}`, sourceCode);
      return [
        {
          messageId: "useAsyncVariant" as const,
          data: { replacement: `await ${callee}(…)` },
          fix: (fixer: TSESLint.RuleFixer) => [...fixes.map((fix) => fix(fixer)), fixer.replaceText(replaced, text)],
        },
      ];
    }

    return {
      CallExpression(call) {
        if (!isInAsyncFunction(call)) return;
        const callee = resolveCallee(call, sourceCode);
        if (!callee || callee.path.length === 0) return;
        const module = blockingNodeModules.get(callee.module);
        const name = callee.path.join(".");
        const entry = module?.calls.get(name);
        if (!module || !entry) return;
        if (allowed.has(`${callee.module}.${name}`)) return;
        if (entry.metadata && !options.checkMetadataCalls) return;
        const sleepForm = callee.path.length === 1 ? syncProcessRunners.get(callee.module)?.get(name) : undefined;
        if (sleepForm && sleepCommand(call, sleepForm)) return; // no-blocking-sleep reports it
        context.report({
          node: call,
          messageId: "blockingCall",
          data: { name, advice: entry.advice ?? module.advice },
          suggest: suggestion(call, module, entry),
        });
      },
    };
  },
});

/** Local names for a new binding of `name`: itself, then spellings that say it is the async one. */
function localNamesFor(name: string): string[] {
  const capitalised = name.charAt(0).toUpperCase() + name.slice(1);
  return [name, `${name}Async`, `async${capitalised}`];
}

/**
 * `fs.readFileSync(…)` where `fs` is a plain identifier bound to the `fs` module object: `fs` (then `fs.promises.x`
 * needs no new binding).
 */
function namespaceCallee(call: TSESTree.CallExpression, sourceCode: SourceCode): string | undefined {
  const callee = skipTransparentWrappers(call.callee);
  if (callee.type !== "MemberExpression") return undefined;
  const object = skipTransparentWrappers(callee.object);
  if (object.type !== "Identifier") return undefined;
  const resolved = resolveModuleValue(object, sourceCode);
  return resolved && resolved.module === "fs" && resolved.path.length === 0 ? object.name : undefined;
}

/** A numeric literal, or a name that reads like a descriptor: `fd`, `outFd`, `process.stdout.fd`, `descriptor`. */
function looksLikeFileDescriptor(argument: Node): boolean {
  const node = skipTransparentWrappers(argument);
  if (node.type === "Literal") return typeof node.value === "number";
  const name = node.type === "Identifier" ? node.name : node.type === "MemberExpression" ? staticMemberName(node) : undefined;
  if (name === undefined) return false;
  return /^fd$|Fd$|FD$|^fileno$|[dD]escriptor$/.test(name);
}

/**
 * Whether the arguments after the first are free of the given option keys: every one is absent, a string, an array
 * literal, or an object literal (no spread) without those keys. Anything we cannot see into fails.
 */
function optionsAvoid(args: readonly TSESTree.CallExpressionArgument[], keys: readonly string[]): boolean {
  return args.every((argument) => {
    const node = skipTransparentWrappers(argument);
    if (staticString(node) !== undefined || node.type === "ArrayExpression") return true;
    if (node.type !== "ObjectExpression") return false;
    return node.properties.every((property) => {
      if (property.type !== "Property") return false;
      const key = !property.computed && property.key.type === "Identifier" ? property.key.name : staticString(property.key);
      return key !== undefined && !keys.includes(key);
    });
  });
}
