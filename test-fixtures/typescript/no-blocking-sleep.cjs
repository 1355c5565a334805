// Fixture for no-blocking-sleep (CommonJS): an Express-style health check and a deploy script.
// Each line that blocks the event loop inside an async function carries an `expect` comment.
"use strict";

const cp = require("node:child_process");
const { execSync: sh, execFileSync } = require("child_process");
const { setTimeout: delay } = require("node:timers/promises");

async function healthCheck(req, res) {
  sh("sleep 0.2"); // expect: no-blocking-sleep
  res.end("ok");
}

async function deploy(steps) {
  for (const step of steps) {
    await step();
    cp.execSync("sleep 2", { stdio: "inherit" }); // expect: no-blocking-sleep
  }
  execFileSync("sleep", ["5"]); // expect: no-blocking-sleep
  require("child_process").execSync("sleep 1 && sync"); // expect: no-blocking-sleep
}

const pause = async (ms) => {
  const end = Date.now() + ms;
  while (Date.now() < end); // expect: no-blocking-sleep
};

const handlers = {
  async flush(buffer) {
    Atomics.wait(buffer, 0, 0, 100); // expect: no-blocking-sleep
  },
};

// ---------------------------------------------------------------- correct code: nothing to report below

async function healthCheckAsync(req, res) {
  await delay(200);
  res.end("ok");
}

function migrateSync() {
  sh("sleep 1");
  const end = Date.now() + 10;
  while (Date.now() < end) {}
}

async function spawnWorker(runInWorker) {
  await runInWorker(function () {
    cp.execSync("sleep 1");
  });
}

module.exports = { healthCheck, deploy, pause, handlers, healthCheckAsync, migrateSync, spawnWorker };
