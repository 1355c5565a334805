/** Every TypeScript/JavaScript rule, by id. Adding a rule: one file here, one line below, one catalogue entry. */
import noBlockingSleep from "./no-blocking-sleep.js";

export const typescriptRules = {
  "no-blocking-sleep": noBlockingSleep,
};
