/** ESLint's RuleTester configured for the Python language, for every Python rule test. */
import { RuleTester } from "eslint";
import { pythonPlugin } from "../../../rules/python/plugin.js";

export function pythonRuleTester(): RuleTester {
  return new RuleTester({
    plugins: { "async-pitfalls": pythonPlugin },
    language: "async-pitfalls/python",
  } as never);
}
