/** Every Python fixture file, for tests that check a property of the parser or of a search on all of them. */
import { readdirSync } from "node:fs";
import path from "node:path";

export function pythonFixtureFiles(): string[] {
  return readdirSync(path.resolve("test-fixtures/python"), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".py"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}
