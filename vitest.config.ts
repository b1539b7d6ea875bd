import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code (`x.test.ts` next to `x.ts`); end-to-end specs live in e2e/.
export const config = defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
});
export { config as default };
