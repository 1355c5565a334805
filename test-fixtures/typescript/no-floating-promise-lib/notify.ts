/** Support module: re-exported through orders.ts (`export { notifyCustomer } from "./notify.js"`). */
export async function notifyCustomer(orderId: string): Promise<void> {
  void orderId;
}
