/** SARIF 2.1.0, the format GitHub code scanning reads: rule metadata, results and their fixes. */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ESLint, Linter } from "eslint";
import { catalog, docsUrl, findRule, PLUGIN_NAME } from "../../rules/catalog.js";

const SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

function level(severity: Linter.Severity): "error" | "warning" | "note" {
  return severity === 2 ? "error" : severity === 1 ? "warning" : "note";
}

/** A path relative to the base (the repository root or cwd), with forward slashes, as GitHub expects. */
function relativeUri(file: string, base: string): string {
  return path.relative(base, file).split(path.sep).join("/");
}

function location(uri: string, message: Linter.LintMessage) {
  return {
    physicalLocation: {
      artifactLocation: { uri, uriBaseId: "%SRCROOT%" },
      region: {
        startLine: Math.max(1, message.line),
        startColumn: Math.max(1, message.column),
        ...(message.endLine ? { endLine: message.endLine } : {}),
        ...(message.endColumn ? { endColumn: message.endColumn } : {}),
      },
    },
  };
}

function fixOf(uri: string, source: string | undefined, fix: Linter.LintMessage["fix"], description: string) {
  if (!fix || source === undefined) return [];
  const before = source.slice(0, fix.range[0]).split(/\r\n|\r|\n/u);
  const startLine = before.length;
  const startColumn = before.at(-1)!.length + 1;
  const removed = source.slice(fix.range[0], fix.range[1]).split(/\r\n|\r|\n/u);
  const endLine = startLine + removed.length - 1;
  const endColumn = removed.length === 1 ? startColumn + removed[0]!.length : removed.at(-1)!.length + 1;
  return [
    {
      description: { text: description },
      artifactChanges: [
        {
          artifactLocation: { uri, uriBaseId: "%SRCROOT%" },
          replacements: [{ deletedRegion: { startLine, startColumn, endLine, endColumn }, insertedContent: { text: fix.text } }],
        },
      ],
    },
  ];
}

export function formatSarif(results: readonly ESLint.LintResult[], base: string, sources: ReadonlyMap<string, string>): string {
  const rules = catalog.map((entry) => ({
    id: `${PLUGIN_NAME}/${entry.id}`,
    name: entry.id,
    shortDescription: { text: entry.description },
    fullDescription: { text: `${entry.description} (${entry.languages.join(", ")}).` },
    helpUri: docsUrl(entry.id),
    defaultConfiguration: { level: "warning" },
    properties: { tags: ["async", entry.family] },
  }));
  const sarifResults = results.flatMap((result) => {
    const uri = relativeUri(result.filePath, base);
    const source = result.source ?? sources.get(result.filePath);
    return result.messages.map((message) => {
      const known = message.ruleId ? findRule(message.ruleId) : undefined;
      return {
        ruleId: message.ruleId ?? `${PLUGIN_NAME}/${message.fatal ? "parse-error" : "directive"}`,
        ...(known ? { ruleIndex: catalog.findIndex((entry) => entry.id === known.id) } : {}),
        level: level(message.severity),
        message: { text: message.message },
        locations: [location(uri, message)],
        fixes: fixOf(uri, source, message.fix, message.message),
      };
    });
  });
  return JSON.stringify(
    {
      $schema: SCHEMA,
      version: "2.1.0",
      runs: [
        {
          tool: { driver: { name: PLUGIN_NAME, informationUri: "https://github.com/async-pitfalls/async-pitfalls", rules } },
          originalUriBaseIds: { "%SRCROOT%": { uri: `${pathToFileURL(base).href}/` } },
          results: sarifResults,
        },
      ],
    },
    null,
    2,
  );
}
