import rule from "../../../rules/typescript/require-timeout.js";
import { commonJs, lines, typescriptRuleTester } from "./rule-tester.js";
import { typedRuleTester } from "./typed-rule-tester.js";

const SIGNAL = "signal: AbortSignal.timeout(30_000)";

typescriptRuleTester().run("require-timeout", rule, {
  valid: [
    {
      name: "fetch of a relative URL: browser code calling its own origin",
      code: lines(
        "export async function addToCart(productId: string, remove: boolean) {",
        "  await fetch('/api/cart', { method: 'POST' });",
        "  await fetch(`/api/cart/${productId}`);",
        "  const url = remove ? `/api/cart?id=${productId}` : '/api/cart';",
        "  await fetch(url, { method: 'DELETE' });",
        "  await fetch('./config.json');",
        "  await fetch('?page=2');",
        "}",
      ),
    },
    {
      name: "a peer on this machine: localhost, 127.x.x.x, [::1], 0.0.0.0 (the program's own server), as in the Python rule",
      code: lines(
        'import { request } from "undici";',
        'import http from "node:http";',
        'import axios from "axios";',
        "export async function probe(port: number) {",
        "  await fetch(`http://localhost:${port}/health`);",
        "  await fetch('http://127.0.0.1:3000/');",
        "  await fetch('http://[::1]:8080');",
        "  await request(`http://0.0.0.0:${port}`);",
        "  http.get(`http://localhost:${port}/`, (res) => res.resume());",
        "  await axios.get('http://localhost:9000/ready');",
        "}",
      ),
    },
    {
      name: "test files: the runner's timeout bounds every request (option checkTestFiles)",
      filename: "src/api.spec.ts",
      code: lines("it('answers', async () => {", "  const res = await fetch(`http://localhost:${port}/health`);", "  expect(res.ok).toBe(true);", "});"),
    },
    {
      name: "a helper under a test directory",
      filename: "packages/cli/test/utils/server.ts",
      code: "export const ping = (base: string) => fetch(`${base}/ping`);\n",
    },
    {
      name: "fetch with any signal, or an init we cannot see into",
      code: lines(
        "export async function load(url: string, init: RequestInit, signal: AbortSignal) {",
        "  await fetch(url, { signal });",
        "  await fetch(url, { method: 'POST', signal: AbortSignal.timeout(5000) });",
        "  await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(1000)]) });",
        "  await fetch(url, init);",
        "  await fetch(url, { ...init, method: 'PUT' });",
        "  await fetch(url, { [key()]: 1 });",
        "}",
        "declare function key(): string;",
      ),
    },
    {
      name: "a Request that may carry its own signal",
      code: lines(
        "self.addEventListener('fetch', (event: any) => event.respondWith(fetch(event.request)));",
        "export async function f(req: Request, url: string, init: RequestInit) {",
        "  await fetch(req);",
        "  await fetch(new Request(url, { signal: AbortSignal.timeout(1000) }));",
        "  await fetch(new Request(url, init));",
        "}",
      ),
    },
    {
      name: "raced against a timeout or wrapped in a timeout helper",
      code: lines(
        'import pTimeout from "p-timeout";',
        "declare function withTimeout<T>(p: Promise<T>, ms: number): Promise<T>;",
        "declare function sleep(ms: number): Promise<never>;",
        "export async function f(url: string) {",
        "  await Promise.race([fetch(url), sleep(5000)]);",
        "  await pTimeout(fetch(url).then((r) => r.json()), { milliseconds: 5000 });",
        "  await withTimeout(fetch(url), 5000);",
        "}",
      ),
    },
    {
      name: "a local fetch, and unknown receivers",
      code: lines(
        "declare const client: { get(url: string): Promise<unknown>; fetch(url: string): Promise<unknown> };",
        "export async function f(url: string, fetch: (u: string) => Promise<Response>) {",
        "  await fetch(url);",
        "  await client.get(url);",
        "  await client.fetch(url);",
        "}",
      ),
    },
    {
      name: "axios with a per-call timeout, signal or cancelToken; config we cannot see into",
      code: lines(
        'import axios from "axios";',
        "export async function f(url: string, config: object, source: { token: unknown }) {",
        "  await axios.get(url, { timeout: 5000 });",
        "  await axios.post(url, { a: 1 }, { signal: AbortSignal.timeout(5000) });",
        "  await axios({ url, method: 'get', cancelToken: source.token });",
        "  await axios.get(url, config);",
        "  await axios.request({ ...config, url });",
        "}",
      ),
    },
    {
      name: "axios.defaults.timeout set in the file bounds the default instance and instances",
      code: lines(
        'import axios from "axios";',
        "axios.defaults.timeout = 10_000;",
        'const api = axios.create({ baseURL: "https://api.example.com" });',
        "export async function f(url: string) {",
        "  await axios.get(url);",
        "  return api.get('/users');",
        "}",
      ),
    },
    {
      name: "axios instances: created with a timeout, given one later, every request bounded, or not used here",
      code: lines(
        'import axios from "axios";',
        'const withTimeout = axios.create({ baseURL: "a", timeout: 5000 });',
        'const later = axios.create({ baseURL: "b" });',
        "later.defaults.timeout = 5000;",
        'const perCall = axios.create({ baseURL: "c" });',
        'export const exported = axios.create({ baseURL: "d" });',
        'const configured = axios.create({ baseURL: "e" });',
        "configure(configured);",
        'const intercepted = axios.create({ baseURL: "f" });',
        "intercepted.interceptors.request.use((config) => ({ ...config, timeout: 5000 }));",
        "declare function configure(instance: unknown): void;",
        "export async function f() {",
        "  await withTimeout.get('/a');",
        "  await later.get('/b');",
        "  await perCall.get('/c', { timeout: 1000 });",
        "  await configured.get('/e');",
        "  await intercepted.get('/f');",
        "}",
      ),
    },
    {
      name: "got with a timeout or signal; got.extend with a timeout",
      code: lines(
        'import got from "got";',
        "const client = got.extend({ prefixUrl: 'https://x', timeout: { request: 5000 } });",
        "export async function f(url: string) {",
        "  await got(url, { timeout: { request: 5000 } });",
        "  await got.post(url, { json: {}, signal: AbortSignal.timeout(5000) });",
        "  await client.get('users');",
        "}",
      ),
    },
    {
      name: "undici: bounded options, a dispatcher, or a file that sets the global dispatcher",
      code: lines(
        'import { request, Agent, setGlobalDispatcher } from "undici";',
        "setGlobalDispatcher(new Agent({ headersTimeout: 10_000, bodyTimeout: 10_000 }));",
        "export async function f(url: string, agent: Agent) {",
        "  await request(url, { headersTimeout: 5000 });",
        "  await request(url, { dispatcher: agent });",
        "  await request(url);",
        "  await fetch(url);",
        "}",
      ),
    },
    {
      name: "undici with allowLibraryDefaults: its 300 s defaults are accepted",
      options: [{ allowLibraryDefaults: true }],
      code: lines('import { request, fetch } from "undici";', "export async function f(url: string) { await request(url); await fetch(url); }"),
    },
    {
      name: "http(s): timeout/signal/agent in the options, setTimeout on the request, or the request handed on",
      code: lines(
        'import https from "node:https";',
        'import * as http from "http";',
        "declare function track(req: unknown): void;",
        "export function f(url: string, options: https.RequestOptions) {",
        "  https.get(url, { timeout: 5000 }, (res) => res.resume());",
        "  https.request({ host: 'x', signal: AbortSignal.timeout(5000) }).end();",
        "  http.get({ host: 'x', agent: new http.Agent({ timeout: 5000 }) });",
        "  http.get(url).setTimeout(5000);",
        "  https.get(options);",
        "  const req = http.request(url, (res) => res.resume());",
        "  req.on('error', () => {});",
        "  req.setTimeout(5000, () => req.destroy());",
        "  req.end();",
        "  const tracked = http.request(url);",
        "  track(tracked);",
        "  const timed = http.request(url);",
        "  setTimeout(() => timed.destroy(), 5000);",
        "  timed.end();",
        "  http.get(url, (res) => { res.setTimeout(5000); res.resume(); });",
        "  http.request(url).on('socket', (socket) => socket.setTimeout(5000)).end();",
        "  return http.get(url);",
        "}",
      ),
    },
    {
      name: "CommonJS: bounded calls",
      ...commonJs,
      code: lines(
        'const axios = require("axios");',
        'const got = require("got");',
        "module.exports = async (url) => {",
        "  await axios.get(url, { timeout: 1000 });",
        "  await got(url, { timeout: { request: 1000 } });",
        "  await fetch(url, { signal: AbortSignal.timeout(1000) });",
        "};",
      ),
    },
  ],
  invalid: [
    // ---------------------------------------------------------------- fetch
    {
      name: "a protocol-relative or absolute URL is another origin (localhost.example.com too); a variable we cannot follow is unknown",
      code: lines(
        "export async function f(path: string) {",
        "  await fetch('//cdn.example.com/a.json');",
        "  await fetch('https://localhost.example.com/x');",
        "  await fetch(path);",
        "}",
      ),
      errors: [
        ["'//cdn.example.com/a.json'", 2],
        ["'https://localhost.example.com/x'", 3],
        ["path", 4],
      ].map(([url, line]) => ({
        messageId: "fetchWithoutSignal" as const,
        line: line as number,
        suggestions: [
          {
            messageId: "addSignal" as const,
            data: { ms: "30_000" },
            output: lines(
              "export async function f(path: string) {",
              "  await fetch('//cdn.example.com/a.json');",
              "  await fetch('https://localhost.example.com/x');",
              "  await fetch(path);",
              "}",
            ).replace(`fetch(${url as string})`, `fetch(${url as string}, { ${SIGNAL} })`),
          },
        ],
      })),
    },
    {
      name: "checkTestFiles: test files are reported too",
      filename: "src/api.spec.ts",
      options: [{ checkTestFiles: true }],
      code: "it('answers', async () => { await fetch('https://api.example.com/health', init); await fetch('https://api.example.com'); });\ndeclare const init: RequestInit;\n",
      errors: [
        {
          messageId: "fetchWithoutSignal",
          line: 1,
          suggestions: [
            {
              messageId: "addSignal",
              data: { ms: "30_000" },
              output: `it('answers', async () => { await fetch('https://api.example.com/health', init); await fetch('https://api.example.com', { ${SIGNAL} }); });\ndeclare const init: RequestInit;\n`,
            },
          ],
        },
      ],
    },
    {
      name: "fetch without init: the init is created",
      code: lines("export async function load(url: string) {", "  const res = await fetch(url);", "  return res.json();", "}"),
      errors: [
        {
          messageId: "fetchWithoutSignal",
          data: { name: "fetch" },
          line: 2,
          column: 21,
          endLine: 2,
          endColumn: 31,
          suggestions: [
            {
              messageId: "addSignal",
              data: { ms: "30_000" },
              output: lines("export async function load(url: string) {", `  const res = await fetch(url, { ${SIGNAL} });`, "  return res.json();", "}"),
            },
          ],
        },
      ],
    },
    {
      name: "fetch with an init literal without signal: one line and multi-line (trailing comma kept)",
      code: lines(
        "export async function save(url: string, body: string) {",
        "  await fetch(url, { method: 'POST', body });",
        "  await globalThis.fetch(url, {",
        "    method: 'PUT',",
        "    body,",
        "  });",
        "  await window.fetch(url, {});",
        "}",
      ),
      errors: [
        {
          messageId: "fetchWithoutSignal",
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 45,
          suggestions: [
            {
              messageId: "addSignal",
              output: lines(
                "export async function save(url: string, body: string) {",
                `  await fetch(url, { method: 'POST', body, ${SIGNAL} });`,
                "  await globalThis.fetch(url, {",
                "    method: 'PUT',",
                "    body,",
                "  });",
                "  await window.fetch(url, {});",
                "}",
              ),
            },
          ],
        },
        {
          messageId: "fetchWithoutSignal",
          line: 3,
          column: 9,
          endLine: 6,
          endColumn: 5,
          suggestions: [
            {
              messageId: "addSignal",
              output: lines(
                "export async function save(url: string, body: string) {",
                "  await fetch(url, { method: 'POST', body });",
                "  await globalThis.fetch(url, {",
                "    method: 'PUT',",
                "    body,",
                `    ${SIGNAL},`,
                "  });",
                "  await window.fetch(url, {});",
                "}",
              ),
            },
          ],
        },
        {
          messageId: "fetchWithoutSignal",
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 30,
          suggestions: [
            {
              messageId: "addSignal",
              output: lines(
                "export async function save(url: string, body: string) {",
                "  await fetch(url, { method: 'POST', body });",
                "  await globalThis.fetch(url, {",
                "    method: 'PUT',",
                "    body,",
                "  });",
                `  await window.fetch(url, { ${SIGNAL} });`,
                "}",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "defaultMs option, node-fetch, and a fetch outside any async function",
      options: [{ defaultMs: 5000 }],
      code: lines('import fetch from "node-fetch";', "export const ping = (url: string) => fetch(url).then((r) => r.ok);"),
      errors: [
        {
          messageId: "fetchWithoutSignal",
          line: 2,
          column: 38,
          endLine: 2,
          endColumn: 48,
          suggestions: [
            {
              messageId: "addSignal",
              data: { ms: "5000" },
              output: lines(
                'import fetch from "node-fetch";',
                "export const ping = (url: string) => fetch(url, { signal: AbortSignal.timeout(5000) }).then((r) => r.ok);",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "the Python rule's defaultSeconds is understood when defaultMs is absent",
      options: [{ defaultSeconds: 10 }],
      code: "fetch('https://example.com');\n",
      errors: [
        {
          messageId: "fetchWithoutSignal",
          suggestions: [
            { messageId: "addSignal", output: "fetch('https://example.com', { signal: AbortSignal.timeout(10_000) });\n" },
          ],
        },
      ],
    },
    {
      name: "a shadowed AbortSignal: reported without suggestion",
      code: lines("const AbortSignal = { timeout: (ms: number) => ms };", "export const get = (url: string) => fetch(url);"),
      errors: [{ messageId: "fetchWithoutSignal", line: 2, column: 37, endLine: 2, endColumn: 47, suggestions: [] }],
    },

    // ---------------------------------------------------------------- axios
    {
      name: "axios default instance: get, post (data filled in), callable with URL and with config",
      code: lines(
        'import axios from "axios";',
        "export async function f(url: string) {",
        "  await axios.get(url);",
        "  await axios.post(url);",
        "  await axios(url);",
        "  await axios({ url, method: 'delete' });",
        "}",
      ),
      errors: [
        {
          messageId: "clientWithoutTimeout",
          data: { name: "axios.get", client: "axios" },
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 23,
          suggestions: [
            {
              messageId: "addTimeout",
              data: { property: "timeout: 30_000" },
              output: lines(
                'import axios from "axios";',
                "export async function f(url: string) {",
                "  await axios.get(url, { timeout: 30_000 });",
                "  await axios.post(url);",
                "  await axios(url);",
                "  await axios({ url, method: 'delete' });",
                "}",
              ),
            },
          ],
        },
        {
          messageId: "clientWithoutTimeout",
          data: { name: "axios.post", client: "axios" },
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 24,
          suggestions: [
            {
              messageId: "addTimeout",
              output: lines(
                'import axios from "axios";',
                "export async function f(url: string) {",
                "  await axios.get(url);",
                "  await axios.post(url, undefined, { timeout: 30_000 });",
                "  await axios(url);",
                "  await axios({ url, method: 'delete' });",
                "}",
              ),
            },
          ],
        },
        {
          messageId: "clientWithoutTimeout",
          data: { name: "axios", client: "axios" },
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 19,
          suggestions: [
            {
              messageId: "addTimeout",
              output: lines(
                'import axios from "axios";',
                "export async function f(url: string) {",
                "  await axios.get(url);",
                "  await axios.post(url);",
                "  await axios(url, { timeout: 30_000 });",
                "  await axios({ url, method: 'delete' });",
                "}",
              ),
            },
          ],
        },
        {
          messageId: "clientWithoutTimeout",
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 41,
          suggestions: [
            {
              messageId: "addTimeout",
              output: lines(
                'import axios from "axios";',
                "export async function f(url: string) {",
                "  await axios.get(url);",
                "  await axios.post(url);",
                "  await axios(url);",
                "  await axios({ url, method: 'delete', timeout: 30_000 });",
                "}",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "axios.create without a timeout, used in the file: reported once at create",
      code: lines(
        'import axios from "axios";',
        "const api = axios.create({",
        '  baseURL: "https://api.example.com",',
        '  headers: { "X-Client": "web" }',
        "});",
        'api.defaults.headers.common["Authorization"] = "Bearer token";',
        "api.interceptors.request.use((config) => { config.headers.set('X-Trace', '1'); return config; });",
        "export const users = () => api.get('/users');",
        "export const user = (id: string) => api.get(`/users/${id}`);",
      ),
      errors: [
        {
          messageId: "instanceWithoutTimeout",
          data: { name: "axios.create", client: "axios" },
          line: 2,
          column: 13,
          endLine: 5,
          endColumn: 3,
          suggestions: [
            {
              messageId: "addTimeout",
              output: lines(
                'import axios from "axios";',
                "const api = axios.create({",
                '  baseURL: "https://api.example.com",',
                '  headers: { "X-Client": "web" },',
                "  timeout: 30_000",
                "});",
                'api.defaults.headers.common["Authorization"] = "Bearer token";',
                "api.interceptors.request.use((config) => { config.headers.set('X-Trace', '1'); return config; });",
                "export const users = () => api.get('/users');",
                "export const user = (id: string) => api.get(`/users/${id}`);",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "axios instances held by a class: a field and a constructor assignment; create() gets a config",
      code: lines(
        'import axios, { type AxiosInstance } from "axios";',
        "export class Billing {",
        "  private readonly http = axios.create();",
        "  private readonly legacy: AxiosInstance;",
        "  constructor() {",
        "    this.legacy = axios.create({ baseURL: '/v1' });",
        "  }",
        "  invoices() { return this.http.get('/invoices'); }",
        "  refund(id: string) { return this.legacy.post(`/refunds/${id}`, {}); }",
        "}",
      ),
      errors: [
        {
          messageId: "instanceWithoutTimeout",
          line: 3,
          column: 27,
          endLine: 3,
          endColumn: 41,
          suggestions: [
            {
              messageId: "addTimeout",
              output: lines(
                'import axios, { type AxiosInstance } from "axios";',
                "export class Billing {",
                "  private readonly http = axios.create({ timeout: 30_000 });",
                "  private readonly legacy: AxiosInstance;",
                "  constructor() {",
                "    this.legacy = axios.create({ baseURL: '/v1' });",
                "  }",
                "  invoices() { return this.http.get('/invoices'); }",
                "  refund(id: string) { return this.legacy.post(`/refunds/${id}`, {}); }",
                "}",
              ),
            },
          ],
        },
        {
          messageId: "instanceWithoutTimeout",
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 51,
          suggestions: [
            {
              messageId: "addTimeout",
              output: lines(
                'import axios, { type AxiosInstance } from "axios";',
                "export class Billing {",
                "  private readonly http = axios.create();",
                "  private readonly legacy: AxiosInstance;",
                "  constructor() {",
                "    this.legacy = axios.create({ baseURL: '/v1', timeout: 30_000 });",
                "  }",
                "  invoices() { return this.http.get('/invoices'); }",
                "  refund(id: string) { return this.legacy.post(`/refunds/${id}`, {}); }",
                "}",
              ),
            },
          ],
        },
      ],
    },

    // ---------------------------------------------------------------- got
    {
      name: "got and got.extend: timeout as an object",
      code: lines(
        'import got from "got";',
        "const github = got.extend({ prefixUrl: 'https://api.github.com' });",
        "export async function f(url: string) {",
        "  await got(url).json();",
        "  await github.get('repos').json();",
        "}",
      ),
      errors: [
        {
          messageId: "instanceWithoutTimeout",
          data: { name: "got.extend", client: "got" },
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 67,
          suggestions: [
            {
              messageId: "addTimeout",
              data: { property: "timeout: { request: 30_000 }" },
              output: lines(
                'import got from "got";',
                "const github = got.extend({ prefixUrl: 'https://api.github.com', timeout: { request: 30_000 } });",
                "export async function f(url: string) {",
                "  await got(url).json();",
                "  await github.get('repos').json();",
                "}",
              ),
            },
          ],
        },
        {
          messageId: "clientWithoutTimeout",
          data: { name: "got", client: "got" },
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 17,
          suggestions: [
            {
              messageId: "addTimeout",
              output: lines(
                'import got from "got";',
                "const github = got.extend({ prefixUrl: 'https://api.github.com' });",
                "export async function f(url: string) {",
                "  await got(url, { timeout: { request: 30_000 } }).json();",
                "  await github.get('repos').json();",
                "}",
              ),
            },
          ],
        },
      ],
    },

    // ---------------------------------------------------------------- undici
    {
      name: "undici request and fetch rely on its 300 s defaults",
      code: lines(
        'import { request } from "undici";',
        'import * as undici from "undici";',
        "export async function f(url: string) {",
        "  const { body } = await request(url, { method: 'GET' });",
        "  await undici.fetch(url);",
        "  return body;",
        "}",
      ),
      errors: [
        {
          messageId: "libraryDefaultTimeout",
          data: { name: "undici.request", default: "300-second" },
          line: 4,
          column: 26,
          endLine: 4,
          endColumn: 57,
          suggestions: [
            {
              messageId: "addSignal",
              output: lines(
                'import { request } from "undici";',
                'import * as undici from "undici";',
                "export async function f(url: string) {",
                `  const { body } = await request(url, { method: 'GET', ${SIGNAL} });`,
                "  await undici.fetch(url);",
                "  return body;",
                "}",
              ),
            },
          ],
        },
        {
          messageId: "libraryDefaultTimeout",
          data: { name: "undici.fetch", default: "300-second" },
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 26,
          suggestions: [
            {
              messageId: "addSignal",
              output: lines(
                'import { request } from "undici";',
                'import * as undici from "undici";',
                "export async function f(url: string) {",
                "  const { body } = await request(url, { method: 'GET' });",
                `  await undici.fetch(url, { ${SIGNAL} });`,
                "  return body;",
                "}",
              ),
            },
          ],
        },
      ],
    },

    // ---------------------------------------------------------------- http(s)
    {
      name: "http(s): discarded request, passive uses only, chained listeners",
      code: lines(
        'import https from "node:https";',
        'import { request } from "http";',
        "export function f(url: string, onResponse: (res: unknown) => void) {",
        "  https.get(url, (res) => res.pipe(process.stdout));",
        "  const req = request({ host: 'example.com', method: 'POST' }, onResponse);",
        "  req.on('error', console.error);",
        "  req.write('data');",
        "  req.end();",
        "  https.request(`${url}/ping`).on('error', () => {}).end();",
        "}",
      ),
      errors: [
        {
          messageId: "httpWithoutTimeout",
          data: { name: "https.get" },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 52,
          suggestions: [
            {
              messageId: "addSignal",
              output: lines(
                'import https from "node:https";',
                'import { request } from "http";',
                "export function f(url: string, onResponse: (res: unknown) => void) {",
                `  https.get(url, { ${SIGNAL} }, (res) => res.pipe(process.stdout));`,
                "  const req = request({ host: 'example.com', method: 'POST' }, onResponse);",
                "  req.on('error', console.error);",
                "  req.write('data');",
                "  req.end();",
                "  https.request(`${url}/ping`).on('error', () => {}).end();",
                "}",
              ),
            },
          ],
        },
        {
          messageId: "httpWithoutTimeout",
          data: { name: "http.request" },
          line: 5,
          column: 15,
          endLine: 5,
          endColumn: 75,
          suggestions: [
            {
              messageId: "addSignal",
              output: lines(
                'import https from "node:https";',
                'import { request } from "http";',
                "export function f(url: string, onResponse: (res: unknown) => void) {",
                "  https.get(url, (res) => res.pipe(process.stdout));",
                `  const req = request({ host: 'example.com', method: 'POST', ${SIGNAL} }, onResponse);`,
                "  req.on('error', console.error);",
                "  req.write('data');",
                "  req.end();",
                "  https.request(`${url}/ping`).on('error', () => {}).end();",
                "}",
              ),
            },
          ],
        },
        {
          messageId: "httpWithoutTimeout",
          data: { name: "https.request" },
          line: 9,
          column: 3,
          endLine: 9,
          endColumn: 31,
          suggestions: [
            {
              messageId: "addSignal",
              output: lines(
                'import https from "node:https";',
                'import { request } from "http";',
                "export function f(url: string, onResponse: (res: unknown) => void) {",
                "  https.get(url, (res) => res.pipe(process.stdout));",
                "  const req = request({ host: 'example.com', method: 'POST' }, onResponse);",
                "  req.on('error', console.error);",
                "  req.write('data');",
                "  req.end();",
                `  https.request(\`\${url}/ping\`, { ${SIGNAL} }).on('error', () => {}).end();`,
                "}",
              ),
            },
          ],
        },
      ],
    },

    // ---------------------------------------------------------------- CommonJS
    {
      name: "CommonJS: require forms for axios and https, fetch in a callback",
      ...commonJs,
      code: lines(
        'const axios = require("axios").default;',
        'const { get } = require("node:https");',
        "module.exports = function poll(url, done) {",
        "  axios.get(url).then(done);",
        "  get(url, done);",
        "  setInterval(() => fetch(url).then(done), 60_000);",
        "};",
      ),
      errors: [
        {
          messageId: "clientWithoutTimeout",
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 17,
          suggestions: [
            {
              messageId: "addTimeout",
              output: lines(
                'const axios = require("axios").default;',
                'const { get } = require("node:https");',
                "module.exports = function poll(url, done) {",
                "  axios.get(url, { timeout: 30_000 }).then(done);",
                "  get(url, done);",
                "  setInterval(() => fetch(url).then(done), 60_000);",
                "};",
              ),
            },
          ],
        },
        {
          messageId: "fetchWithoutSignal",
          line: 6,
          column: 21,
          endLine: 6,
          endColumn: 31,
          suggestions: [
            {
              messageId: "addSignal",
              output: lines(
                'const axios = require("axios").default;',
                'const { get } = require("node:https");',
                "module.exports = function poll(url, done) {",
                "  axios.get(url).then(done);",
                "  get(url, done);",
                `  setInterval(() => fetch(url, { ${SIGNAL} }).then(done), 60_000);`,
                "};",
              ),
            },
          ],
        },
      ],
    },
  ],
});

// ------------------------------------------------------------------------------------------------ typed

const typed = typedRuleTester();
// Relative to the project root: the linter's cwd stays `fixture-project/` (an absolute name would make it `/`, and the
// path below it would pass through `tests/`, which reads as a test directory; see file-role.ts).
const typedFile = "file.ts";

typed.run("require-timeout (typed)", rule, {
  valid: [
    {
      name: "typed: a Request-typed first argument may carry a signal whatever its name",
      filename: typedFile,
      code: "export async function f(input: Request) { return fetch(input); }\n",
    },
    {
      name: "typed: http.get with options typed as an object is not read as a URL",
      filename: typedFile,
      code: lines('import http from "node:http";', "export function f(endpoint: http.RequestOptions) { http.get(endpoint); }"),
    },
  ],
  invalid: [
    {
      name: "typed: a string named like a request is a URL",
      filename: typedFile,
      code: "export async function f(request: string) { return fetch(request); }\n",
      errors: [
        {
          messageId: "fetchWithoutSignal",
          line: 1,
          column: 51,
          endLine: 1,
          endColumn: 65,
          suggestions: [
            {
              messageId: "addSignal",
              output: `export async function f(request: string) { return fetch(request, { ${SIGNAL} }); }\n`,
            },
          ],
        },
      ],
    },
    {
      name: "typed: http.get with a URL object",
      filename: typedFile,
      code: lines('import http from "node:http";', "export function f(target: URL) { http.get(target, (res) => res.resume()); }"),
      errors: [
        {
          messageId: "httpWithoutTimeout",
          line: 2,
          column: 34,
          endLine: 2,
          endColumn: 73,
          suggestions: [
            {
              messageId: "addSignal",
              output: lines(
                'import http from "node:http";',
                `export function f(target: URL) { http.get(target, { ${SIGNAL} }, (res) => res.resume()); }`,
              ),
            },
          ],
        },
      ],
    },
  ],
});
