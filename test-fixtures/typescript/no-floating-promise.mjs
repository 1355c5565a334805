/**
 * Fixture for no-floating-promise (ES module JavaScript, untyped): a cache warm-up script with top-level await.
 */
import { readFile } from "node:fs/promises";
import { saveOrder } from "./no-floating-promise-lib/orders.js";

const warm = async (ids) => {
  for (const id of ids) await saveOrder({ id, total: 0 });
};

const ids = JSON.parse(await readFile("ids.json", "utf8"));
warm(ids); // expect: no-floating-promise
await warm(ids);
saveOrder({ id: "x", total: 1 }).then(() => console.log("saved"), (error) => console.error(error));
new Promise((resolve) => setTimeout(resolve, 10)); // expect: no-floating-promise
