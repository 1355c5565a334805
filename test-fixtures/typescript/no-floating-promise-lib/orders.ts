/**
 * Support module for the no-floating-promise fixtures: an order store whose exported functions return promises.
 * The fixtures import it by relative path; untyped mode reads these declarations to know what returns a promise.
 */
export interface Order {
  readonly id: string;
  readonly total: number;
}

const orders = new Map<string, Order>();

export async function saveOrder(order: Order): Promise<void> {
  orders.set(order.id, order);
}

export function loadOrder(id: string): Promise<Order | undefined> {
  return Promise.resolve(orders.get(id));
}

export const deleteOrder = async (id: string): Promise<void> => {
  orders.delete(id);
};

export function countOrders(): number {
  return orders.size;
}

export { notifyCustomer } from "./notify.js";
