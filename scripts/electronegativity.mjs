// `npm run test:security`: Electronegativity (Doyensec) over the Electron main process and preload
// sources and the page they load, gated on its findings. Electronegativity exits 0 whatever it
// finds, so this script compares each finding with security/electronegativity-allowlist.json
// (every entry says why the finding is acceptable), prints the table, and exits 1 on any finding
// not allowlisted, on any source it could not parse, and on an allowlist entry without a reason.
//
// The TypeScript sources are scanned rather than dist/electron/main.cjs: the bundle holds every
// dependency and uses syntax Electronegativity's parser rejects, so it would hide our own code.
// It runs offline: the two network look-ups Electronegativity makes (translations, Electron's
// release list) are answered "unavailable" before they leave the process.
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const ALLOWLIST = path.join(root, 'security', 'electronegativity-allowlist.json');
/** Folders scanned, as staged (`main/…`, `preload/…`), and the single files beside them. */
/** @type {[string, string][]} */
const SOURCES = [
  ['electron/main', 'main'],
  ['electron/preload', 'preload'],
];
/** @type {[string, string][]} */
const FILES = [
  ['renderer/index.html', 'index.html'],
  ['package.json', 'package.json'],
];
// Needs the network (Electron's release list); the Electron version is checked by its own test.
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/**
 * @typedef {{ id: string; file: string; sample?: string; location: { line: number; column: number };
 *   severity: { name?: string } | string; confidence: { name?: string } | string; manualReview: boolean;
 *   description: string }} Issue
 * @typedef {{ issues: Issue[]; errors: { file: string; message: string; tolerable: boolean }[] }} RunResult
 * @typedef {(options: Record<string, unknown>) => Promise<RunResult>} Run
 * @typedef {{ check: string; file: string; match?: string; reason: string }} AllowEntry
 */

/** Copies the sources to scan into a fresh folder (tests and test helpers left out). */
async function stage() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'postwright-electronegativity-'));
  for (const [from, to] of SOURCES) {
    const names = await readdir(path.join(root, from), { recursive: true });
    for (const name of names.filter((n) => /\.(ts|mjs)$/.test(n) && !/\.test\.ts$|^testing[\\/]/.test(n))) {
      const target = path.join(dir, to, name.replace(/\.mjs$/, '.js'));
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(path.join(root, from, name), target);
    }
  }
  for (const [from, to] of FILES) await copyFile(path.join(root, from), path.join(dir, to));
  return dir;
}

/** Electronegativity's `run`, with its HTTP client answering "offline" at once. */
function loadElectronegativity() {
  const require = createRequire(path.join(root, 'node_modules', '@doyensec', 'electronegativity', 'package.json'));
  const gotPath = require.resolve('got');
  const offline = () => Promise.reject(new Error('offline by design'));
  require.cache[gotPath] = /** @type {NodeJS.Module} */ (
    /** @type {unknown} */ ({
      id: gotPath,
      filename: gotPath,
      loaded: true,
      exports: Object.assign(offline, { default: offline }),
    })
  );
  /** @type {unknown} */
  const loaded = require('./dist/runner.js');
  const runner = /** @type {{ default?: Run } & Run} */ (loaded);
  return runner.default ?? runner;
}

/** Runs the scan, keeping Electronegativity's own chatter about the network out of the output. */
async function scan(/** @type {string} */ input) {
  const run = loadElectronegativity();
  const log = console.log;
  console.log = (/** @type {unknown[]} */ ...args) => {
    if (!/translations|releases|connectivity/i.test(String(args[0]))) log(...args);
  };
  try {
    return await run({ input, isRelative: true, excludeFromScan: EXCLUDED_CHECKS });
  } finally {
    console.log = log;
  }
}

/** The allowlist, refusing entries without a reason. */
async function readAllowlist() {
  /** @type {unknown} */
  const parsed = JSON.parse(await readFile(ALLOWLIST, 'utf8'));
  const data = /** @type {{ entries?: AllowEntry[] }} */ (parsed);
  const entries = data.entries ?? [];
  const unexplained = entries.filter((e) => typeof e.reason !== 'string' || e.reason.trim().length < 20);
  return { entries, unexplained };
}

const name = (/** @type {{ name?: string } | string} */ value) =>
  typeof value === 'string' ? value : (value.name ?? '?');
const clip = (/** @type {string} */ text, /** @type {number} */ max) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** The first allowlist entry covering an issue. */
function allowedBy(/** @type {Issue} */ issue, /** @type {AllowEntry[]} */ entries) {
  const sample = (issue.sample ?? '').trim();
  return entries.find(
    (e) => e.check === issue.id && e.file === issue.file && (e.match === undefined || sample.includes(e.match)),
  );
}

async function main() {
  const started = performance.now();
  const input = await stage();
  try {
    const result = await scan(input);
    const { entries, unexplained } = await readAllowlist();
    const used = new Set();
    const rows = result.issues.map((issue) => {
      const entry = allowedBy(issue, entries);
      if (entry) used.add(entry);
      const where = issue.file === 'N/A' ? '(whole app)' : `${issue.file}:${String(issue.location.line)}`;
      const level = `${name(issue.severity)}/${name(issue.confidence)}`;
      return {
        ok: entry !== undefined,
        cells: [
          issue.id,
          where,
          level,
          entry ? 'allowed' : 'NOT ALLOWED',
          clip(entry?.reason ?? (issue.sample ?? issue.description).trim(), 90),
        ],
      };
    });
    const widths = [0, 1, 2, 3].map((i) => Math.max(8, ...rows.map((r) => (r.cells[i] ?? '').length)));
    console.log(
      `Electronegativity: ${String(result.issues.length)} finding(s) in electron/main, electron/preload and the page.`,
    );
    for (const row of rows)
      console.log(row.cells.map((cell, i) => (i < 4 ? cell.padEnd(widths[i] ?? 8) : cell)).join('  '));
    const parseErrors = result.errors.filter((e) => !e.tolerable);
    for (const error of parseErrors) console.log(`Could not parse ${error.file}: ${error.message}`);
    for (const entry of unexplained) console.log(`Allowlist entry without a reason: ${entry.check} ${entry.file}`);
    for (const entry of entries.filter((e) => !used.has(e)))
      console.log(`Note: allowlist entry no longer needed: ${entry.check} ${entry.file} ${entry.match ?? ''}`);
    const refused = rows.filter((r) => !r.ok).length;
    const failed = refused > 0 || parseErrors.length > 0 || unexplained.length > 0;
    console.log(
      `${failed ? 'FAILED' : 'OK'}: ${String(refused)} finding(s) not allowlisted, in ${String(Math.round(performance.now() - started))} ms.`,
    );
    process.exitCode = failed ? 1 : 0;
  } finally {
    await rm(input, { recursive: true, force: true });
  }
}

await main();
