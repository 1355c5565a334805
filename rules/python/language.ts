/** Python as an ESLint language (the plugin `languages` API), backed by tree-sitter. */
import path from "node:path";
import type { File, Language, OkParseResult, ParseResult } from "@eslint/core";
import { nodeTypes, parsePython, type ParsedPython, type PyComment, type PyNode } from "./parser.js";
import { takeParse } from "./shared-parses.js";
import { parsePythonRetaining } from "./retained-trees.js";
import { PythonSourceCode, type PythonLanguageOptions } from "./source-code.js";

const SYNTAX_ERROR_MODES = ["fatal", "tolerate"] as const;

type PythonLanguage = Language<{
  LangOptions: PythonLanguageOptions;
  Code: PythonSourceCode;
  RootNode: PyNode;
  Node: PyNode;
}>;

function textOf(file: File): string {
  return typeof file.body === "string" ? file.body : new TextDecoder().decode(file.body);
}

/** The file parsed, unless the project index has just parsed the same text of it (it imports this module). */
function parseFile(file: File, text: string): ParsedPython {
  const reused = path.isAbsolute(file.physicalPath) ? takeParse(path.resolve(file.physicalPath), text) : undefined;
  return reused ?? parsePython(text);
}

export const pythonLanguage: PythonLanguage = {
  fileType: "text",
  lineStart: 1,
  columnStart: 0,
  nodeTypeKey: "type",
  visitorKeys: Object.fromEntries(nodeTypes.map((type) => [type, ["children"]])),
  defaultLanguageOptions: { syntaxErrors: "fatal" },

  validateLanguageOptions(options: PythonLanguageOptions): void {
    for (const key of Object.keys(options)) {
      if (key !== "syntaxErrors" && key !== "incremental") {
        throw new Error(`Unknown Python language option "${key}" (known: syntaxErrors, incremental).`);
      }
    }
    if (options.incremental !== undefined && typeof options.incremental !== "boolean") {
      throw new Error(`languageOptions.incremental must be true or false; got ${JSON.stringify(options.incremental)}.`);
    }
    const mode = options.syntaxErrors;
    if (mode !== undefined && !SYNTAX_ERROR_MODES.includes(mode)) {
      throw new Error(`languageOptions.syntaxErrors must be one of ${SYNTAX_ERROR_MODES.join(", ")}; got ${JSON.stringify(mode)}.`);
    }
  },

  parse(file, context): ParseResult<PyNode> {
    const text = textOf(file);
    const parsed = context.languageOptions.incremental === true ? parsePythonRetaining(file.path, text) : parseFile(file, text);
    if (parsed.syntaxProblem && context.languageOptions.syntaxErrors !== "tolerate") {
      return { ok: false, errors: [parsed.syntaxProblem] };
    }
    return { ok: true, ast: parsed.root, comments: parsed.comments };
  },

  createSourceCode(file, input: OkParseResult<PyNode> & { comments?: PyComment[] }): PythonSourceCode {
    return new PythonSourceCode({ text: textOf(file), ast: input.ast, comments: input.comments ?? [] });
  },
};
