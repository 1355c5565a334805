// Fixture for no-dangling-task (CommonJS): a cache warmer.
"use strict";

const { readFile } = require("node:fs/promises");

async function warm(key) {
  await readFile(`/var/cache/${key}`);
}

function start(keys) {
  const warming = warm("index"); // expect: no-dangling-task
  keys.forEach((key) => warm(key)); // expect: no-dangling-task
  setTimeout(async () => { await warm("late"); }, 1000); // expect: no-dangling-task
}

// ---------------------------------------------------------------- correct code: nothing to report below

async function startAwaited(keys) {
  for (const key of keys) await warm(key);
  const warming = warm("index");
  return warming;
}

module.exports = { start, startAwaited };
