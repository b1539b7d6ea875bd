/**
 * What the app's own bundles take in (scripts/build.mjs): gray-matter is only the tests' reference
 * for Postwright's split of a post (electron/node/frontmatter/gray-matter-reference.ts), so neither
 * Electron's main process nor browser mode's server, the export CLI or the export worker may carry
 * it, nor the js-yaml and esprima it brings (SECURITY.md: the app never loads gray-matter). Lint
 * refuses the static imports; this catches any other way in (a dynamic import, a re-export).
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The input files of a bundle of `entryPoints`, as esbuild resolves them for the app's build. */
async function inputsOf(entryPoints: Record<string, string>, format: 'esm' | 'cjs'): Promise<string[]> {
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints,
    bundle: true,
    platform: 'node',
    format,
    ...(format === 'esm' ? { splitting: true, outdir: 'out' } : { outdir: 'out' }),
    external: ['electron'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return Object.keys(metafile.inputs);
}

const UNWANTED = /node_modules\/(gray-matter|js-yaml|esprima|section-matter)\//;

describe("the app's bundles", () => {
  it.each([
    ['Electron main', { main: 'electron/main/index.ts' }, 'cjs'],
    [
      'browser mode, the export CLI and the export worker',
      {
        web: 'electron/node/web.ts',
        'cli-export': 'electron/node/cli-export.ts',
        'export-worker': 'electron/node/export/render-worker.ts',
      },
      'esm',
    ],
  ] as const)(
    '%s: the front-matter code and yaml, never gray-matter, js-yaml or esprima',
    async (_name, entries, format) => {
      const inputs = await inputsOf(entries, format);
      // The bundle does read front matter: the check looks at a real graph.
      expect(inputs).toContain('electron/node/frontmatter/split.ts');
      expect(inputs.some((input) => input.includes('node_modules/yaml/'))).toBe(true);
      expect(inputs.filter((input) => UNWANTED.test(input) || input.includes('gray-matter-reference'))).toEqual([]);
    },
    60_000,
  );
});
