/** Every TypeScript/JavaScript rule, by id. Adding a rule: one file here, one line below, one catalogue entry. */
export const typescriptRules = {};
