// Fixture for no-blocking-call (CommonJS): an upload handler of an Express-style app.
"use strict";

const fs = require("fs");
const { createHash } = require("node:crypto");
const { brotliCompressSync } = require("zlib");
const { spawnSync } = require("node:child_process");

async function upload(req, res) {
  const body = fs.readFileSync(req.file.path); // expect: no-blocking-call
  const digest = createHash("sha256").update(body).digest("hex"); // cheap: not reported
  fs.copyFileSync(req.file.path, `/srv/uploads/${digest}`); // expect: no-blocking-call
  const packed = brotliCompressSync(body); // expect: no-blocking-call
  spawnSync("clamscan", [`/srv/uploads/${digest}`]); // expect: no-blocking-call
  res.json({ digest, size: packed.length });
}

const handlers = {
  async remove(req, res) {
    require("fs").unlinkSync(`/srv/uploads/${req.params.digest}`); // a metadata call: reported only with checkMetadataCalls
    res.status(204).end();
  },
};

// ---------------------------------------------------------------- correct code: nothing to report below

async function uploadAsync(req, res) {
  const body = await fs.promises.readFile(req.file.path);
  await fs.promises.copyFile(req.file.path, `/srv/uploads/${createHash("sha256").update(body).digest("hex")}`);
  res.status(201).end();
}

function cleanupSync(dir) {
  for (const name of fs.readdirSync(dir)) fs.unlinkSync(`${dir}/${name}`);
}

module.exports = { upload, handlers, uploadAsync, cleanupSync };
