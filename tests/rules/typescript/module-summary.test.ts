/**
 * Summaries of other project modules for untyped promise detection: resolution of relative specifiers, export forms,
 * re-export chains and cycles, the cache (content changes on disk are seen) and the editor's overlays.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { resolveRelativeModule } from "../../../rules/typescript/module-resolution.js";
import { clearModuleSummaries, importedClassMember, importedFacts } from "../../../rules/typescript/module-summary.js";
import { clearOverlays, setOverlay } from "../../../rules/typescript/project-files.js";

let root: string;
const file = (name: string): string => path.join(root, name);
const write = (name: string, text: string): void => {
  mkdirSync(path.dirname(file(name)), { recursive: true });
  writeFileSync(file(name), text);
};
const returnsPromise = (from: string, specifier: string, name: string | undefined): boolean | undefined =>
  importedFacts(file(from), specifier, name)?.returnsPromise;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "async-pitfalls-summary-"));
  clearModuleSummaries();
  clearOverlays();
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  clearOverlays();
});

describe("resolveRelativeModule", () => {
  it("tries the extensions, then index files, and maps .js specifiers to TypeScript sources", () => {
    write("src/a.ts", "");
    write("src/b.mts", "");
    write("src/lib/index.tsx", "");
    write("src/c.js", "");
    write("src/d.cts", "");
    write("src/e.service.ts", "");
    expect(resolveRelativeModule(file("src/main.ts"), "./a")).toBe(file("src/a.ts"));
    expect(resolveRelativeModule(file("src/main.ts"), "./a.js")).toBe(file("src/a.ts"));
    expect(resolveRelativeModule(file("src/main.ts"), "./b.mjs")).toBe(file("src/b.mts"));
    expect(resolveRelativeModule(file("src/main.ts"), "./lib")).toBe(file("src/lib/index.tsx"));
    expect(resolveRelativeModule(file("src/main.ts"), "./c.js")).toBe(file("src/c.js"));
    expect(resolveRelativeModule(file("src/main.ts"), "./d.cjs")).toBe(file("src/d.cts"));
    expect(resolveRelativeModule(file("src/main.ts"), "./e.service")).toBe(file("src/e.service.ts"));
    expect(resolveRelativeModule(file("src/lib/x.ts"), "../a")).toBe(file("src/a.ts"));
  });

  it("leaves packages and missing files unresolved", () => {
    expect(resolveRelativeModule(file("src/main.ts"), "lodash")).toBeUndefined();
    expect(resolveRelativeModule(file("src/main.ts"), "#internal")).toBeUndefined();
    expect(resolveRelativeModule(file("src/main.ts"), "./missing")).toBeUndefined();
  });
});

describe("importedFacts", () => {
  it("summarises ESM export forms", () => {
    write(
      "repo.ts",
      [
        "export async function save() {}",
        "export function load(): Promise<string> { return Promise.resolve(''); }",
        "export function size(): number { return 0; }",
        "export const remove = async () => {};",
        "export const typed: () => Promise<void> = make();",
        "export async function* rows() {}",
        "export declare function declared(): Promise<void>;",
        "export function over(cb: () => void): void;",
        "export function over(): Promise<void>;",
        "export function over(cb?: () => void): Promise<void> | void {}",
        "const inner = async () => {};",
        "export { inner as renamed };",
        "export default async function () {}",
        "let changing = async () => {};",
        "changing = () => {};",
        "export { changing };",
      ].join("\n"),
    );
    const from = "main.ts";
    expect(returnsPromise(from, "./repo", "save")).toBe(true);
    expect(returnsPromise(from, "./repo", "load")).toBe(true);
    expect(returnsPromise(from, "./repo", "size")).toBe(false);
    expect(returnsPromise(from, "./repo", "remove")).toBe(true);
    expect(returnsPromise(from, "./repo", "typed")).toBe(true);
    expect(returnsPromise(from, "./repo", "rows")).toBe(false);
    expect(returnsPromise(from, "./repo", "declared")).toBe(true);
    expect(returnsPromise(from, "./repo", "over")).toBe(false);
    expect(returnsPromise(from, "./repo", "renamed")).toBe(true);
    expect(returnsPromise(from, "./repo", "default")).toBe(true);
    expect(returnsPromise(from, "./repo", "changing")).toBeUndefined();
    expect(returnsPromise(from, "./repo", "missing")).toBeUndefined();
  });

  it("follows re-exports and export * chains, and stops on cycles", () => {
    write("a.ts", 'export { save } from "./b.js";\nexport * from "./c";\n');
    write("b.ts", 'import { store } from "./d";\nexport { store as save };\n');
    write("c.ts", 'export * from "./a";\nexport { default as main } from "./e";\n');
    write("d.ts", "export async function store() {}\n");
    write("e.ts", "export default async function main() {}\n");
    expect(returnsPromise("main.ts", "./a", "save")).toBe(true);
    expect(returnsPromise("main.ts", "./a", "main")).toBe(true);
    expect(returnsPromise("main.ts", "./a", "nothing")).toBeUndefined();
  });

  it("summarises CommonJS exports", () => {
    write("db.cjs", "async function query() {}\nfunction close() {}\nmodule.exports = { query, close, connect: async () => {} };\n");
    write("job.cjs", "module.exports = async function job() {};\n");
    write("util.js", "exports.fetchAll = async function () {};\nmodule.exports.count = () => 1;\n");
    expect(returnsPromise("main.cjs", "./db.cjs", "query")).toBe(true);
    expect(returnsPromise("main.cjs", "./db.cjs", "close")).toBe(false);
    expect(returnsPromise("main.cjs", "./db.cjs", "connect")).toBe(true);
    expect(returnsPromise("main.cjs", "./job.cjs", undefined)).toBe(true);
    expect(returnsPromise("main.cjs", "./job.cjs", "default")).toBe(true);
    expect(returnsPromise("main.cjs", "./util", "fetchAll")).toBe(true);
    expect(returnsPromise("main.cjs", "./util", "count")).toBe(false);
  });

  it("sees a file change on disk (mtime and size), and ignores files that do not parse", () => {
    write("repo.ts", "export function save() {}\n");
    expect(returnsPromise("main.ts", "./repo", "save")).toBe(false);
    write("repo.ts", "export async function save() {}\n");
    const later = new Date(Date.now() + 5_000);
    utimesSync(file("repo.ts"), later, later);
    expect(returnsPromise("main.ts", "./repo", "save")).toBe(true);
    write("broken.ts", "export async function save( {\n");
    expect(returnsPromise("main.ts", "./broken", "save")).toBeUndefined();
  });

  it("summarises top-level classes: methods, overloads, properties, statics, self-handling methods, inherited methods", () => {
    write(
      "stream.ts",
      [
        'import { Base } from "some-package";',
        'import { Root } from "./root";',
        "export class Api {",
        "  private readonly sent: string[] = [];",
        "  handler = async () => {};",
        "  typed: () => Promise<void> = make();",
        "  count = 0;",
        "  constructor(private readonly sink: unknown) {}",
        "  async write(input: string): Promise<void> { this.sent.push(input); }",
        "  read(): Promise<string> { return Promise.resolve(''); }",
        "  size(): number { return 0; }",
        "  get ready(): Promise<void> { return Promise.resolve(); }",
        "  over(cb: () => void): void;",
        "  over(): Promise<void>;",
        "  over(cb?: () => void): Promise<void> | void {}",
        "  async close() {",
        "    try {",
        "      await this.write('bye');",
        "    } catch {",
        "      // closed already",
        "    }",
        "  }",
        "  async flush() {",
        "    await this.write('');",
        "  }",
        "  async *rows() {}",
        "  static async open(): Promise<Api> { return new Api(null); }",
        "}",
        "class Child extends Api {",
        "  write(input: string): any {}",
        "}",
        "export { Child as Renamed };",
        "export default class extends Root {}",
        "export class FromPackage extends Base {}",
        "export class Merged { async save() {} }",
        "export interface Merged { load(): void }",
        "export declare class Declared { send(): Promise<void>; }",
        "export abstract class Abstract { abstract run(): Promise<void>; }",
      ].join("\n"),
    );
    write("root.ts", "export class Root { async start() {} }\n");
    write("cjs.cjs", "class Job { async run() {} }\nmodule.exports = Job;\n");
    const member = (name: string | undefined, method: string, isStatic = false) => importedClassMember(file("main.ts"), name === "cjs" ? "./cjs.cjs" : "./stream", name === "cjs" ? undefined : name, method, isStatic);
    expect(member("Api", "write")).toMatchObject({ returnsPromise: true, keepsErrorsInside: false });
    expect(member("Api", "read")?.returnsPromise).toBe(true);
    expect(member("Api", "size")?.returnsPromise).toBe(false);
    expect(member("Api", "ready")?.returnsPromise).toBe(false);
    expect(member("Api", "over")?.returnsPromise).toBe(false);
    expect(member("Api", "handler")?.returnsPromise).toBe(true);
    expect(member("Api", "typed")?.returnsPromise).toBe(true);
    expect(member("Api", "count")?.returnsPromise).toBe(false);
    expect(member("Api", "close")).toMatchObject({ returnsPromise: true, keepsErrorsInside: true });
    expect(member("Api", "flush")).toMatchObject({ returnsPromise: true, keepsErrorsInside: false });
    expect(member("Api", "rows")?.returnsPromise).toBe(false);
    expect(member("Api", "open")).toBeUndefined();
    expect(member("Api", "open", true)?.returnsPromise).toBe(true);
    expect(member("Api", "missing")).toBeUndefined();
    expect(member("Renamed", "write")?.returnsPromise).toBe(false);
    expect(member("Renamed", "read")?.returnsPromise).toBe(true);
    expect(member("default", "start")?.returnsPromise).toBe(true);
    expect(member("FromPackage", "anything")).toBeUndefined();
    expect(member("Merged", "save")).toBeUndefined();
    expect(member("Declared", "send")?.returnsPromise).toBe(true);
    expect(member("Abstract", "run")?.returnsPromise).toBe(true);
    expect(member("cjs", "run")?.returnsPromise).toBe(true);
    // A class is not a function: importedFacts does not describe it.
    expect(importedFacts(file("main.ts"), "./stream", "Api")).toBeUndefined();
  });

  it("prefers the editor's unsaved overlay, and falls back to the disk when it is cleared", () => {
    write("repo.ts", "export function save() {}\n");
    setOverlay(file("repo.ts"), "export async function save() {}\n");
    expect(returnsPromise("main.ts", "./repo", "save")).toBe(true);
    setOverlay(file("repo.ts"), undefined);
    expect(returnsPromise("main.ts", "./repo", "save")).toBe(false);
    setOverlay(file("unsaved.ts"), "export const load = async () => 1;\n");
    expect(returnsPromise("main.ts", "./unsaved", "load")).toBe(true);
  });
});
