import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globals: true,
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/e2e/**"],
    // Integration tests start real servers and worker threads; a busy 2-core machine needs headroom.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
