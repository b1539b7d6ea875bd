/**
 * Browser mode's entry point (bundled to dist/node/web.mjs): opens the posts folder, watches it,
 * and serves the editor on 127.0.0.1, printing the one address that opens it.
 *
 *   node dist/node/web.mjs --posts <folder> [--port <n>]     (npm run web -- --posts <folder>)
 */
import { realpathSync } from 'node:fs';
import { access, realpath } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fail, ok, type Result } from '../../shared/api/contract';
import { defaultDataDir, journalDirFor, journalKey } from './journal/location';
import { createWebServer, type WebServer } from './server/index';
import { createBlogApi, openPostStore, type PostStore } from './store/index';
import { indexWritesDone } from './store/index-cache';
import { exportsSettled } from './export/stage';
import { settleWithin } from './settle';
import { firstListing } from './first-listing';
import { createEventHub } from './web-events';
import { openFolderSession } from './folder-session';
import type { FolderChanges } from './watcher';

/** The port browser mode listens on unless told otherwise. */
export const DEFAULT_PORT = 4874;

/** The command line, understood. */
export interface WebArgs {
  postsDir: string;
  port: number;
  help: boolean;
  /** The app's data folder (the journal of unsaved edits, the post index), when given with --data. */
  dataDir?: string;
}

/** Where relative paths and the defaults are resolved from. */
export interface ArgsBase {
  cwd: string;
  /** The entry file's URL: the default posts folder is `../../posts` from it. */
  entryUrl: string;
}

/** The help text. */
export const USAGE = [
  'Usage: npm run web -- [--posts <folder>] [--port <n>]',
  '       node dist/node/web.mjs [--posts <folder>] [--port <n>]',
  '',
  'Serves Postwright to your browser on this computer only and edits the posts in <folder>.',
  "  --posts <folder>  the posts folder (default: the project's posts folder)",
  `  --port <n>        the port (default ${DEFAULT_PORT}; 0 picks a free one)`,
  '  --data <folder>   where unsaved edits and the post index are kept (default: ~/.local/state/postwright on Linux)',
  '  --help            show this help',
].join('\n');

/** Parses `--posts <dir>`, `--port <n>` (or `--name=value`) and `--help`. */
export function parseWebArgs(
  argv: string[],
  base: ArgsBase = { cwd: process.cwd(), entryUrl: import.meta.url },
): Result<WebArgs> {
  const args: WebArgs = {
    postsDir: fileURLToPath(new URL('../../posts', base.entryUrl)),
    port: DEFAULT_PORT,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') continue;
    if (arg === '--help' || arg === '-h') {
      args.help = true;
      continue;
    }
    if (!arg.startsWith('--')) return fail('INVALID_ARGUMENT', `Unexpected argument "${arg}".`);
    const [name, inline] = splitOption(arg);
    if (name !== '--posts' && name !== '--port' && name !== '--data')
      return fail('INVALID_ARGUMENT', `Unknown option ${name}.`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
      return fail('INVALID_ARGUMENT', `${name} needs a value.`);
    }
    if (name === '--posts') args.postsDir = path.resolve(base.cwd, value);
    else if (name === '--data') args.dataDir = path.resolve(base.cwd, value);
    else {
      const port = parsePort(value);
      if (port === null)
        return fail('INVALID_ARGUMENT', `--port must be a whole number from 0 to 65535, not "${value}".`);
      args.port = port;
    }
  }
  return ok(args);
}

function splitOption(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return eq === -1 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}

function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port <= 65535 ? port : null;
}

/** What `main` needs from its world; tests pass their own. */
export interface WebWorld extends ArgsBase {
  out: (line: string) => void;
  err: (line: string) => void;
  /** The renderer's build; default `../renderer/` from the entry file. */
  staticDir: string;
  now: () => Date;
  /** The app's data folder when --data is not given. */
  dataDir: string;
}

/** A running browser mode. */
export interface RunningWeb {
  server: WebServer;
  root: string;
  /** Closes the watcher and the server. */
  stop(): Promise<void>;
}

/** How `main` ended: an exit code, or a server left running. */
export type WebOutcome = { kind: 'exited'; code: number } | { kind: 'running'; web: RunningWeb };

/** Starts browser mode for `argv`; prints the address to open, or one clear line on failure (exit code 2). */
export async function main(argv: string[], world: Partial<WebWorld> = {}): Promise<WebOutcome> {
  const w: WebWorld = { ...defaultWorld(), ...world };
  const parsed = parseWebArgs(argv, w);
  if (!parsed.ok) return exitWith(w, `Postwright: ${parsed.error.message} Run with --help for the options.`);
  if (parsed.value.help) {
    w.out(USAGE);
    return { kind: 'exited', code: 0 };
  }
  const dataDir = parsed.value.dataDir ?? w.dataDir;
  const indexFile = await indexFileFor(dataDir, parsed.value.postsDir);
  const store = await openPostStore({
    postsDir: parsed.value.postsDir,
    now: w.now,
    ...(indexFile ? { indexFile } : {}),
  });
  if (!store.ok) return exitWith(w, folderProblem(parsed.value.postsDir, store.error.code, store.error.message));
  if (!(await exists(path.join(w.staticDir, 'index.html')))) {
    return exitWith(
      w,
      `Postwright: the editor is not built (no index.html in ${w.staticDir}). Run \`npm run build\` first.`,
    );
  }
  const journalDir = journalDirFor(dataDir, store.value.root);
  const started = await serve(store.value, parsed.value.port, w, { journalDir, dataDir });
  if (!started.ok) return exitWith(w, `Postwright: ${started.error.message}`);
  w.out(`Postwright is editing ${store.value.root}`);
  w.out(`Open ${started.value.server.url}`);
  return { kind: 'running', web: started.value };
}

/**
 * The front-matter index file of a posts folder: `<data>/index/<key>.json`, keyed like its journal
 * by the folder's real path (as Electron keeps it under userData). None when the folder cannot be
 * resolved; opening it then fails with its own clear message.
 */
export async function indexFileFor(dataDir: string, postsDir: string): Promise<string | undefined> {
  try {
    return path.join(dataDir, 'index', `${journalKey(await realpath(postsDir))}.json`);
  } catch {
    return undefined;
  }
}

function defaultWorld(): WebWorld {
  return {
    cwd: process.cwd(),
    entryUrl: import.meta.url,
    staticDir: fileURLToPath(new URL('../renderer/', import.meta.url)),
    now: () => new Date(),
    dataDir: defaultDataDir({ platform: process.platform, env: process.env, home: os.homedir() }),
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  };
}

function folderProblem(dir: string, code: string, message: string): string {
  if (code === 'NOT_FOUND') return `Postwright: no posts folder at ${dir}. Pass --posts <folder>.`;
  if (code === 'NOT_A_FILE') return `Postwright: ${dir} is a file, not a folder. Pass --posts <folder>.`;
  return `Postwright: cannot open the posts folder ${dir}: ${message}`;
}

function exitWith(world: WebWorld, line: string): WebOutcome {
  world.err(line);
  return { kind: 'exited', code: 2 };
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** How long after the first listing the watcher starts hashing the posts, in ms. */
const SEED_DELAY_MS = 2000;

/** Starts the server, then the watcher feeding its event streams. */
async function serve(
  store: PostStore,
  port: number,
  world: WebWorld,
  folders: { journalDir: string; dataDir: string },
): Promise<Result<RunningWeb>> {
  const hub = createEventHub();
  const blogApi = createBlogApi(store, {
    ...folders,
    now: world.now,
    warn: (message) => world.err(`Postwright: ${message}`),
    emit: hub.emit,
  });
  // A change found by checking the remembered list, or by the watcher: the early listing is stale, and
  // the pages are told.
  const changed = (changes: FolderChanges): void => {
    first.invalidate();
    hub.changed(changes);
  };
  // The watcher starts once the folder is listed (its first scan would double the listing's time on a
  // big folder); hashing every post waits for the page to draw the list, and until then a touched post
  // is reported as changed, which costs a refresh, never an edit.
  const session = openFolderSession(blogApi, {
    root: store.root,
    remembered: () => store.remembered(),
    onChange: changed,
    onWatchError: (error) => {
      first.invalidate();
      world.err(`Postwright: watching the posts folder failed: ${error.message}`);
    },
    seedAfterMs: SEED_DELAY_MS,
  });
  const first = firstListing(session.api);
  let server: WebServer;
  try {
    server = await createWebServer({
      api: first.api,
      resolveAsset: (rel) => store.resolveAsset(rel),
      staticDir: world.staticDir,
      port,
      subscribe: hub.subscribe,
    });
  } catch (error) {
    await session.close();
    return listenFailure(error, port);
  }
  first.start();
  const stop = async (): Promise<void> => {
    await Promise.all([session.close(), server.close(), first.settled()]);
    // A listing answers before its index file is written, an export before the site it replaced
    // is deleted: let both finish (a half-deleted site would wait an hour for the next export's
    // sweep), for a few seconds at most (a hung disk must not keep Ctrl+C from stopping the server).
    await settleWithin([indexWritesDone(), exportsSettled()]);
  };
  return ok({ server, root: store.root, stop });
}

function listenFailure(error: unknown, port: number): Result<never> {
  const code = (error as { code?: unknown }).code;
  if (code === 'EADDRINUSE') {
    return fail('IO', `port ${port} is already in use. Pass --port <n>, or --port 0 for any free port.`);
  }
  if (code === 'EACCES')
    return fail('PERMISSION', `not allowed to listen on port ${port}. Pass --port <n> above 1024.`);
  throw error;
}

/** Whether this module is the program being run (`node dist/node/web.mjs`), not an import. */
export function isEntryModule(moduleUrl: string, argv1: string | undefined): boolean {
  if (argv1 === undefined) return false;
  try {
    return pathToFileURL(realpathSync(argv1)).href === pathToFileURL(realpathSync(fileURLToPath(moduleUrl))).href;
  } catch {
    return false;
  }
}

/** Runs browser mode for this process: arguments, exit code, and SIGINT/SIGTERM. */
export async function runFromCommandLine(): Promise<void> {
  // `npm run web -- --posts x` runs in the project folder; x is meant relative to where npm was typed.
  const cwd = process.env.npm_lifecycle_event === 'web' ? (process.env.INIT_CWD ?? process.cwd()) : process.cwd();
  const outcome = await main(process.argv.slice(2), { cwd });
  if (outcome.kind === 'exited') {
    process.exitCode = outcome.code;
    return;
  }
  const shutdown = (): void => {
    outcome.web.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Postwright: error while stopping:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (isEntryModule(import.meta.url, process.argv[1])) {
  runFromCommandLine().catch((error: unknown) => {
    console.error('Postwright: unexpected error:', error);
    process.exit(1);
  });
}
