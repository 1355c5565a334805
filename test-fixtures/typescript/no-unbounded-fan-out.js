// Fixture for no-unbounded-fan-out (JavaScript, ES module): an image thumbnailer.
import { chunk } from "lodash-es";

async function thumbnail(path) {
  const response = await fetch(`http://thumbs.internal/render?path=${encodeURIComponent(path)}`, {
    signal: AbortSignal.timeout(30_000),
  });
  return response.arrayBuffer();
}

export async function renderAll(paths) {
  const results = await Promise.all(paths.map(thumbnail)); // expect: no-unbounded-fan-out
  return results;
}

export async function renderEach(paths) {
  const jobs = [];
  paths.forEach((path) => jobs.push(thumbnail(path)));
  return Promise.all(jobs); // expect: no-unbounded-fan-out
}

// ---------------------------------------------------------------- correct code: nothing to report below

export async function renderInChunks(paths) {
  const results = [];
  for (const group of chunk(paths, 16)) {
    results.push(...(await Promise.all(group.map(thumbnail))));
  }
  return results;
}

export async function renderPreviews() {
  return Promise.all(["small.png", "medium.png", "large.png"].map(thumbnail));
}
