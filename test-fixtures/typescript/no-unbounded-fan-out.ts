/**
 * Fixture for no-unbounded-fan-out (TypeScript): a nightly job that syncs customer records to a CRM.
 * Each join over an input of unknown size with no concurrency limit carries an `expect` comment; the rest is correct.
 */
import pLimit from "p-limit";

export interface Customer {
  readonly id: string;
  readonly email: string;
}

const CRM = "https://crm.example.com";
const REGIONS = ["eu-west-1", "us-east-1", "ap-south-1"] as const;
const BATCH_SIZE = 50;

async function pushCustomer(customer: Customer): Promise<void> {
  await fetch(`${CRM}/customers/${customer.id}`, {
    method: "PUT",
    body: JSON.stringify(customer),
    signal: AbortSignal.timeout(10_000),
  });
}

async function loadRegion(region: string): Promise<Customer[]> {
  const response = await fetch(`${CRM}/regions/${region}`, { signal: AbortSignal.timeout(10_000) });
  return (await response.json()) as Customer[];
}

export async function syncAll(customers: Customer[]): Promise<void> {
  // Ten thousand customers: ten thousand simultaneous requests to the CRM.
  await Promise.all(customers.map((customer) => pushCustomer(customer))); // expect: no-unbounded-fan-out
}

export async function welcomeMails(customers: Customer[], send: (to: string) => Promise<void>): Promise<void> {
  const sent: Promise<void>[] = [];
  for (const customer of customers) {
    sent.push(send(customer.email));
  }
  await Promise.allSettled(sent); // expect: no-unbounded-fan-out
}

export async function refresh(ids: Set<string>): Promise<Customer[][]> {
  return Promise.all( // expect: no-unbounded-fan-out
    [...ids].map(async (id) => loadRegion(id)),
  );
}

// ---------------------------------------------------------------- correct code: nothing to report below

const limit = pLimit(8);

export async function syncAllLimited(customers: Customer[]): Promise<void> {
  await Promise.all(customers.map((customer) => limit(() => pushCustomer(customer))));
}

export async function syncAllInBatches(customers: Customer[]): Promise<void> {
  for (let i = 0; i < customers.length; i += BATCH_SIZE) {
    await Promise.all(customers.slice(i, i + BATCH_SIZE).map(pushCustomer));
  }
}

export async function loadAllRegions(): Promise<Customer[]> {
  // Three regions, known in the code: a fixed, small fan-out.
  const perRegion = await Promise.all(REGIONS.map(loadRegion));
  return perRegion.flat();
}

export async function syncSequentially(customers: Customer[]): Promise<void> {
  for (const customer of customers) {
    await pushCustomer(customer);
  }
}

export async function normalise(customers: Customer[]): Promise<Customer[]> {
  // An async callback that starts no asynchronous work.
  return Promise.all(customers.map(async (customer) => ({ ...customer, email: customer.email.toLowerCase() })));
}
