/**
 * Fixture for no-floating-promise (CommonJS JavaScript, untyped): a mail queue. Statements that drop a promise carry
 * an `expect` comment.
 */
"use strict";
const fs = require("node:fs");
const { promisify } = require("node:util");
const { execFile } = require("node:child_process");
const { sendMail, formatMail } = require("./no-floating-promise-lib/mailer.cjs");

const run = promisify(execFile);

async function flush(queue) {
  for (const order of queue) {
    sendMail(order.email, formatMail(order)); // expect: no-floating-promise
    formatMail(order);
    await sendMail(order.email, formatMail(order));
  }
  fs.promises.writeFile("queue.json", JSON.stringify(queue)); // expect: no-floating-promise
  run("sync"); // expect: no-floating-promise
  await run("sync");
}

function scheduleFlush(queue) {
  setTimeout(() => {
    flush(queue).catch((error) => console.error(error));
  }, 1000);
  flush(queue).then(() => console.log("flushed")); // expect: no-floating-promise
  return flush(queue);
}

module.exports = { flush, scheduleFlush };
