/**
 * Fixture for no-blocking-call (TypeScript): a static-site build server that renders, compresses and signs files.
 * Each line that blocks the event loop inside an async function carries an `expect` comment; the rest is correct.
 */
import * as fs from "node:fs";
import { existsSync, readFileSync, writeFileSync } from "fs";
import { mkdir, readFile } from "node:fs/promises";
import { execFileSync, execSync, spawn } from "node:child_process";
import { pbkdf2Sync, randomBytes, scryptSync } from "node:crypto";
import zlib from "node:zlib";
import { promisify } from "node:util";

/** Read once at start-up, before the server accepts requests: fine. */
const settings = JSON.parse(readFileSync("settings.json", "utf8")) as { out: string; secret: string };

/** A sync helper: blocking is its callers' business, not reported here. */
export function hashSync(password: string): string {
  return pbkdf2Sync(password, settings.secret, 100_000, 64, "sha512").toString("hex");
}

export async function render(page: string): Promise<string> {
  const template = readFileSync(`templates/${page}.html`, "utf8"); // expect: no-blocking-call
  if (!existsSync(settings.out)) { // a metadata call (a guard): reported only with checkMetadataCalls
    fs.mkdirSync(settings.out, { recursive: true }); // a metadata call: reported only with checkMetadataCalls
  }
  const html = template.replace("{{year}}", String(new Date().getFullYear()));
  writeFileSync(`${settings.out}/${page}.html`, html); // expect: no-blocking-call
  const compressed = zlib.gzipSync(html); // expect: no-blocking-call
  fs.writeFileSync(`${settings.out}/${page}.html.gz`, compressed); // expect: no-blocking-call
  return html;
}

export async function publish(): Promise<void> {
  execSync("npm run build", { cwd: settings.out }); // expect: no-blocking-call
  const revision = execFileSync("git", ["rev-parse", "HEAD"]).toString().trim(); // expect: no-blocking-call
  console.log(`published ${revision}`);
}

export class Accounts {
  async register(user: string, password: string): Promise<string> {
    const salt = randomBytes(16); // cheap: not reported
    return scryptSync(password, salt, 64).toString("hex"); // expect: no-blocking-call
  }

  async verify(password: string, expected: string): Promise<boolean> {
    return hashSync(password) === expected; // the blocking happens inside a sync helper: not reported here
  }
}

// ---------------------------------------------------------------- correct code: nothing to report below

const gzip = promisify(zlib.gzip);

export async function renderAsync(page: string): Promise<string> {
  const template = await readFile(`templates/${page}.html`, "utf8");
  await mkdir(settings.out, { recursive: true });
  const html = template.replace("{{year}}", String(new Date().getFullYear()));
  await fs.promises.writeFile(`${settings.out}/${page}.html`, html);
  await fs.promises.writeFile(`${settings.out}/${page}.html.gz`, await gzip(html));
  return html;
}

export async function publishAsync(): Promise<void> {
  const child = spawn("npm", ["run", "build"], { cwd: settings.out, stdio: "inherit" });
  await new Promise((resolve, reject) => child.on("close", resolve).on("error", reject));
}

export async function buildAll(pages: string[], pool: { run(task: () => void): Promise<void> }): Promise<void> {
  for (const page of pages) {
    // A sync arrow handed to a worker pool: it runs off the event loop, not reported.
    await pool.run(() => writeFileSync(`${settings.out}/${page}.txt`, page));
  }
}
