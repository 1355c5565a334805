/**
 * Fixture for no-floating-promise (TypeScript, untyped): an order service. Every statement that drops a promise
 * carries an `expect` comment; the rest is handled correctly (awaited, returned, voided, caught).
 */
import { readFile, writeFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { countOrders, deleteOrder, loadOrder, notifyCustomer, saveOrder, type Order } from "./no-floating-promise-lib/orders.js";
import * as store from "./no-floating-promise-lib/orders.js";
import { Outbox, PriorityOutbox } from "./no-floating-promise-lib/outbox.js";

const AUDIT_LOG = "audit.log";

async function audit(message: string): Promise<void> {
  await writeFile(AUDIT_LOG, `${message}\n`, { flag: "a" });
}

export class OrderService {
  private readonly pending = new Set<Promise<void>>();

  async place(order: Order): Promise<void> {
    saveOrder(order); // expect: no-floating-promise
    this.track(order); // expect: no-floating-promise
    audit(`placed ${order.id}`).then(() => countOrders()); // expect: no-floating-promise
    notifyCustomer(order.id).catch((error: unknown) => console.error(error));
    void audit("fire and forget, deliberately");
    await this.track(order);
  }

  async cancel(id: string): Promise<void> {
    const order = await loadOrder(id);
    if (!order) return;
    order.total > 100 ? this.refund(order) : null; // expect: no-floating-promise
    deleteOrder(id).finally(() => countOrders()); // expect: no-floating-promise
    await deleteOrder(id);
  }

  private async track(order: Order): Promise<void> {
    const job = audit(`tracking ${order.id}`);
    this.pending.add(job);
    await job;
    this.pending.delete(job);
  }

  private refund(order: Order): Promise<void> {
    return audit(`refund ${order.id}`);
  }

  size(): number {
    this.refresh(); // sync method: fine
    return countOrders();
  }

  private refresh(): void {}
}

export async function importOrders(path: string): Promise<number> {
  const text = await readFile(path, "utf8");
  const orders = JSON.parse(text) as Order[];
  orders.map(async (order) => saveOrder(order)); // expect: no-floating-promise
  for (const order of orders) await saveOrder(order);
  store.saveOrder(orders[0]!); // expect: no-floating-promise
  Promise.all([store.deleteOrder("draft"), store.deleteOrder("test")]); // expect: no-floating-promise
  sleep(100); // expect: no-floating-promise
  await sleep(100);
  fetch("https://example.com/hooks/imported", { method: "POST", signal: AbortSignal.timeout(5_000) }); // expect: no-floating-promise
  return orders.length;
}

export async function poll(url: string): Promise<void> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  response.json(); // expect: no-floating-promise
  const body: unknown = await response.json();
  console.log(body);
}

export function startServer(handler: (request: unknown) => Promise<void>, listener: { on(event: string, callback: (request: unknown) => void): void }): void {
  listener.on("request", (request) => {
    handler(request).catch((error: unknown) => console.error(error));
  });
  listener.on("close", () => {
    handler(null); // expect: no-floating-promise
  });
}

(async () => { // expect: no-floating-promise
  await audit("started");
})();

export function unknownReceivers(client: { save(): unknown }, run: () => unknown): void {
  client.save(); // unknown receiver: silent without types
  run();
}

// WHATWG streams: the reader or writer a stream hands out has promise methods.
export async function firstChunk(response: Response): Promise<Uint8Array | undefined> {
  const reader = response.body!.getReader();
  const { value } = await reader.read();
  reader.cancel(); // expect: no-floating-promise
  return value;
}

export async function relay(source: ReadableStream<Uint8Array>): Promise<ReadableStream<Uint8Array>> {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  source.pipeTo(writable); // expect: no-floating-promise
  return readable;
}

// Methods of a class imported from another project module, on a receiver whose class is known.
export function notifyAll(outbox: Outbox, messages: readonly string[]): void {
  const priority = new PriorityOutbox();
  for (const message of messages) {
    outbox.send(message); // expect: no-floating-promise
    priority.send(message); // expect: no-floating-promise
    priority.sendUrgent(message); // expect: no-floating-promise
  }
  new Outbox().send("hello"); // expect: no-floating-promise
  outbox.flush(); // sync method: fine
  outbox.close(); // keeps its errors inside: deliberate
}
