import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';

// Every spec runs twice: in Chromium against browser mode (the server in dist/node/web.mjs),
// and in Electron through `_electron` wherever an Electron binary is installed. Build first
// (`npm run test:e2e` does). Chromium comes from Debian (/usr/bin/chromium) unless CHROMIUM_PATH
// says otherwise, because Playwright cannot download its own browsers on these machines.
export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1400, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: 'browser', metadata: { mode: 'browser' } },
    { name: 'electron', metadata: { mode: 'electron' } },
  ],
});
