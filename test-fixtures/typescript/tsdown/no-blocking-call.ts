/**
 * Build-time code: a module that imports a build tool (even only its config type) runs once, at build time, where a
 * blocking call holds up nothing else. Nothing here is reported.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import type { UserConfig } from "tsdown";

export async function generatedEntries(names: readonly string[]): Promise<UserConfig> {
  rmSync("src-gen", { recursive: true, force: true });
  mkdirSync("src-gen", { recursive: true });
  for (const name of names) writeFileSync(`src-gen/${name}.ts`, `export * from "${name}";\n`);
  return { entry: names.map((name) => `src-gen/${name}.ts`) };
}
