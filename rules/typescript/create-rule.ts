/** typescript-eslint's `RuleCreator`, with doc links taken from the catalogue. */
import { ESLintUtils } from "@typescript-eslint/utils";
import { docsUrl } from "../catalog.js";

export interface AsyncPitfallsDocs {
  /** Whether the rule is in `configs.recommended`. */
  recommended?: boolean;
  /** Whether the rule asks the type checker when type information is available. */
  requiresTypeChecking?: boolean;
}

export const createRule = ESLintUtils.RuleCreator<AsyncPitfallsDocs>((name) => docsUrl(name));
