import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests never depend on the machine's zone: every date is built with an explicit zone.
    env: { TZ: 'UTC' },
    testTimeout: 20_000,
  },
});
