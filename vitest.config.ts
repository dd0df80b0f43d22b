import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    setupFiles: ['test/setup/validate-responses.ts'],
    globalSetup: ['test/setup/report-reference.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
