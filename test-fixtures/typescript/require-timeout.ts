/**
 * Fixture for require-timeout (TypeScript): an API client layer of a web service.
 * Each network call that can wait forever carries an `expect` comment; the rest is correct.
 */
import axios from "axios";
import got from "got";
import https from "node:https";
import { request } from "undici";

export interface User {
  readonly id: string;
  readonly name: string;
}

// An instance without a timeout, used below without per-request timeouts: reported once, here.
const api = axios.create({ baseURL: "https://api.example.com" }); // expect: require-timeout

export async function getUser(id: string): Promise<User> {
  const { data } = await api.get<User>(`/users/${id}`);
  return data;
}

export async function getAvatar(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url); // expect: require-timeout
  return response.arrayBuffer();
}

export async function postEvent(url: string, event: object): Promise<void> {
  await fetch(url, { method: "POST", body: JSON.stringify(event) }); // expect: require-timeout
  await axios.post(url, event); // expect: require-timeout
}

export async function fetchRelease(repo: string): Promise<unknown> {
  return got(`https://api.github.com/repos/${repo}/releases/latest`).json(); // expect: require-timeout
}

export async function metrics(url: string): Promise<number> {
  const { statusCode } = await request(url); // expect: require-timeout
  return statusCode;
}

export function ping(url: string): void {
  https.get(url, (res) => res.resume()); // expect: require-timeout
}

// ---------------------------------------------------------------- correct code: nothing to report below

const billing = axios.create({ baseURL: "https://billing.example.com", timeout: 10_000 });

export async function invoices(customer: string): Promise<unknown> {
  const { data } = await billing.get(`/customers/${customer}/invoices`);
  return data;
}

export async function getAvatarBounded(url: string, signal?: AbortSignal): Promise<ArrayBuffer> {
  const timeout = AbortSignal.timeout(5_000);
  const response = await fetch(url, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
  return response.arrayBuffer();
}

export async function postEventBounded(url: string, event: object, init: RequestInit): Promise<void> {
  await fetch(url, { ...init, method: "POST", body: JSON.stringify(event) }); // caller's init: cannot see into it
  await axios.post(url, event, { timeout: 5_000 });
}

export async function fetchReleaseBounded(repo: string): Promise<unknown> {
  return got(`https://api.github.com/repos/${repo}/releases/latest`, { timeout: { request: 10_000 } }).json();
}

export async function metricsBounded(url: string): Promise<number> {
  const { statusCode } = await request(url, { headersTimeout: 5_000, bodyTimeout: 5_000 });
  return statusCode;
}

export function pingBounded(url: string): void {
  const req = https.get(url, (res) => res.resume());
  req.setTimeout(5_000, () => req.destroy(new Error("ping timed out")));
}

export async function firstOf(urls: string[]): Promise<Response> {
  const deadline = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), 5_000));
  return Promise.race([fetch(urls[0]!), deadline]);
}
