// Chromium for tests and benchmarks: Debian's build (Playwright cannot download its own here)
// and the flags that keep it quiet on a machine with no network.

/** The Chromium executable: CHROMIUM_PATH, else Debian's. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless flags shared by the end-to-end specs and the benchmarks. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
