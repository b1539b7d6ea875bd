/**
 * `npm run export -- --posts <dir> --out <dir> [--site-url <url>] [--drafts] [--title <name>] [--keep-other-files]`:
 * exports a posts folder as a static site. Progress goes to stderr, the summary to stdout; the
 * exit code is 0 on success, 1 when the export fails and 2 for a usage error.
 */
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { exportSite } from './export/site';
import { KEEP_OTHER_FILES_HINT } from '../../shared/api/contract';
import { exportsSettled } from './export/stage';
import { defaultDataDir } from './journal/location';

/** Where the command writes, and its clock. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress then redraws one line). */
  interactive?: boolean;
  now?: () => number;
  /** The app's data folder, where the export keeps its render cache (none without it). */
  dataDir?: string;
}

/** The parsed command line. */
export interface ExportArgs {
  posts: string;
  out: string;
  siteUrl?: string;
  title?: string;
  drafts: boolean;
  /** Write the pages among the author's own files in the output folder (a CNAME, a `.git`). */
  keepOtherFiles: boolean;
}

const USAGE =
  'usage: npm run export -- --posts <dir> --out <dir> [--site-url <url>] [--title <name>] [--drafts] [--keep-other-files]';
const VALUED = new Map([
  ['--posts', 'posts'],
  ['--out', 'out'],
  ['--site-url', 'siteUrl'],
  ['--title', 'title'],
] as const);

/** Parses the arguments after the script name, or says what is wrong with them. */
export function parseArgs(argv: readonly string[]): ExportArgs | { error: string } | 'help' {
  const values: Partial<Record<'posts' | 'out' | 'siteUrl' | 'title', string>> = {};
  let drafts = false;
  let keepOtherFiles = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--drafts') {
      drafts = true;
      continue;
    }
    if (arg === '--keep-other-files') {
      keepOtherFiles = true;
      continue;
    }
    const [flag = '', inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg];
    const key = VALUED.get(flag as '--posts');
    if (key === undefined) return { error: `unknown argument "${arg}"` };
    const value = inline ?? argv[(i += 1)];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--')))
      return { error: `${flag} needs a value` };
    values[key] = value;
  }
  if (values.posts === undefined) return { error: 'missing --posts <dir> (the folder of Markdown posts)' };
  if (values.out === undefined) return { error: 'missing --out <dir> (the folder to write the site to)' };
  return {
    posts: values.posts,
    out: values.out,
    drafts,
    keepOtherFiles,
    ...optional('siteUrl', values.siteUrl),
    ...optional('title', values.title),
  };
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

/** Runs the export command; resolves to the process exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  if (args === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if ('error' in args) {
    io.stderr(`postwright export: ${args.error}\n${USAGE}\n`);
    return 2;
  }
  const result = await exportSite({
    postsDir: args.posts,
    outDir: args.out,
    siteUrl: args.siteUrl,
    siteTitle: args.title,
    drafts: args.drafts,
    keepOtherFiles: args.keepOtherFiles,
    onProgress: progressPrinter(io),
    now: io.now,
    ...(io.dataDir === undefined ? {} : { renderCache: { dataDir: io.dataDir } }),
  });
  if (!result.ok) {
    // The hint names the dialog's way to keep the author's files; here it is a flag.
    const said =
      result.error.hint === KEEP_OTHER_FILES_HINT
        ? 'Add --keep-other-files to keep them as they are and write the pages among them, or choose an empty folder.'
        : result.error.hint;
    const hint = said === undefined ? '' : ` ${said}`;
    io.stderr(`postwright export: ${result.error.message}${hint}\n`);
    return 1;
  }
  const { posts, pages, warnings, ms, kept } = result.value;
  for (const warning of warnings) io.stderr(`warning: ${warning}\n`);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  io.stdout(
    `Exported ${plural(posts, 'post')} (${plural(pages, 'page')}) to ${args.out} in ${(ms / 1000).toFixed(1)} s; ${plural(warnings.length, 'warning')}${kept > 0 ? `; ${String(kept)} of your own files and folders left untouched` : ''}.\n`,
  );
  return 0;
}

function progressPrinter(io: CliIo): (done: number, total: number) => void {
  return (done, total) => {
    if (io.interactive === true) io.stderr(`\rExporting posts: ${done}/${total}${done === total ? '\n' : ''}`);
    else if (done === total || done % 25 === 0) io.stderr(`Exporting posts: ${done}/${total}\n`);
  };
}

// Run only as the entry file (dist/node/cli-export.mjs), never when imported by tests.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const code = await main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    interactive: process.stderr.isTTY,
    now: () => performance.now(),
    dataDir: defaultDataDir({ platform: process.platform, env: process.env, home: os.homedir() }),
  });
  // The site this export replaced is deleted after it answered; gone before the command ends.
  await exportsSettled();
  process.exitCode = code;
}
