import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ once for the tests that run the compiled bot and CLI.
    globalSetup: ['test/build.global.ts'],
    // Tests never depend on the machine's zone: every date is built with an explicit zone.
    env: { TZ: 'UTC' },
    testTimeout: 20_000,
  },
});
