/**
 * Fixture for no-dangling-task (TypeScript): an order service with background work.
 * Each promise that nothing keeps, awaits or handles carries an `expect` comment; the rest is correct.
 */
export interface Order {
  readonly id: string;
  readonly items: readonly string[];
}

async function persist(order: Order): Promise<void> {
  await fetch(`https://db.internal/orders/${order.id}`, { method: "PUT", signal: AbortSignal.timeout(5_000) });
}

async function notify(id: string): Promise<void> {
  await fetch(`https://mail.internal/notify/${id}`, { method: "POST", signal: AbortSignal.timeout(5_000) });
}

export async function placeOrder(order: Order): Promise<void> {
  const saving = persist(order); // expect: no-dangling-task
  console.info(`order ${order.id} accepted`);
}

export async function notifyAll(orders: Order[]): Promise<void> {
  orders.forEach(async (order) => { // expect: no-dangling-task
    await notify(order.id);
  });
}

export function startHeartbeat(): void {
  setInterval(async () => { // expect: no-dangling-task
    await notify("heartbeat");
  }, 30_000);
}

export function loadLater(id: string): Promise<Order> {
  return new Promise(async (resolve) => { // expect: no-dangling-task
    const response = await fetch(`https://db.internal/orders/${id}`, { signal: AbortSignal.timeout(5_000) });
    resolve((await response.json()) as Order);
  });
}

// ---------------------------------------------------------------- correct code: nothing to report below

const inFlight = new Set<Promise<void>>();

export async function placeOrderAwaited(order: Order): Promise<void> {
  const saving = persist(order);
  console.info(`order ${order.id} accepted`);
  await saving;
}

export function placeOrderInBackground(order: Order): void {
  const saving = persist(order).catch((error: unknown) => console.error("persist failed", error));
  inFlight.add(saving);
  void saving.finally(() => inFlight.delete(saving));
}

export async function notifyAllSequentially(orders: Order[]): Promise<void> {
  for (const order of orders) {
    await notify(order.id);
  }
}

export function startHeartbeatSafely(): void {
  setInterval(async () => {
    try {
      await notify("heartbeat");
    } catch (error) {
      console.error("heartbeat failed", error);
    }
  }, 30_000);
}

export async function loadNow(id: string): Promise<Order> {
  const response = await fetch(`https://db.internal/orders/${id}`, { signal: AbortSignal.timeout(5_000) });
  return (await response.json()) as Order;
}

export function logAll(orders: Order[]): void {
  orders.forEach((order) => console.info(order.id));
}
