// Chromium for tests and benchmarks: Debian's build (Playwright cannot download its own here)
// and the flags that keep it quiet on a machine with no network.

/** The Chromium executable: CHROMIUM_PATH, else Debian's. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless flags shared by the end-to-end specs and the benchmarks.
 *
 * Every page Playwright opens is a window of its own, and Chromium 156 gives each window a WebUI
 * omnibox popup (chrome://omnibox-popup.top-chrome/) that loads in a renderer of its own: ~1.4–1.6 s
 * of CPU in the page's first second, plus ~0.4 s in the browser process (measured with /proc on this
 * 2-core machine). That took a core from the page under test exactly while it loaded and was typed
 * into. A headless run never shows the popup; Electron has no omnibox, and a writer's browser window
 * already exists. Playwright merges this --disable-features with its own.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
];
