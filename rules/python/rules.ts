/** Every Python rule, by id. Adding a rule: one file here, one line below, one catalogue entry. */
import noBlockingSleep from "./no-blocking-sleep.js";

export const pythonRules = {
  "no-blocking-sleep": noBlockingSleep,
};
