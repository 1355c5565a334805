// Fixture for require-timeout (CommonJS): a webhook relay.
"use strict";

const axios = require("axios");
const http = require("node:http");

async function relay(event, targets) {
  for (const target of targets) {
    await axios({ url: target, method: "post", data: event }); // expect: require-timeout
  }
}

function notify(host, body) {
  const req = http.request({ host, method: "POST", path: "/hook" }); // expect: require-timeout
  req.on("error", (error) => console.error(error));
  req.end(body);
}

// ---------------------------------------------------------------- correct code: nothing to report below

async function relayBounded(event, targets) {
  for (const target of targets) {
    await axios({ url: target, method: "post", data: event, timeout: 5000 });
  }
}

function notifyBounded(host, body) {
  const req = http.request({ host, method: "POST", path: "/hook", timeout: 5000 });
  req.on("timeout", () => req.destroy());
  req.end(body);
}

module.exports = { relay, notify, relayBounded, notifyBounded };
