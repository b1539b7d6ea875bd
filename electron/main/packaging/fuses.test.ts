import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterPack, FUSES, fuseConfig, packagedBinary } from './fuses.mjs';

const fuseNames = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key)));

describe('the fuses', () => {
  it('turns off running as Node, NODE_OPTIONS and --inspect', () => {
    expect(FUSES.RunAsNode).toBe(false);
    expect(FUSES.EnableNodeOptionsEnvironmentVariable).toBe(false);
    expect(FUSES.EnableNodeCliInspectArguments).toBe(false);
  });

  it('turns on cookie encryption, asar integrity and asar-only loading', () => {
    expect(FUSES.EnableCookieEncryption).toBe(true);
    expect(FUSES.EnableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(FUSES.OnlyLoadAppFromAsar).toBe(true);
  });

  it('gives file: no extra privileges (the UI is served from app://)', () => {
    expect(FUSES.GrantFileProtocolExtraPrivileges).toBe(false);
  });

  it('decides every fuse @electron/fuses knows, and requires all of them', () => {
    expect(Object.keys(FUSES).sort()).toEqual([...fuseNames].sort());
    const config = fuseConfig(false) as unknown as Record<string, unknown>;
    expect(config.version).toBe(FuseVersion.V1);
    expect(config.strictlyRequireAllFuses).toBe(true);
    for (const name of fuseNames) {
      const index = FuseV1Options[name as keyof typeof FuseV1Options];
      expect(config[String(index)]).toBe(FUSES[name as keyof typeof FUSES]);
    }
  });

  it('re-signs ad hoc only when asked (Apple silicon)', () => {
    expect(fuseConfig(true).resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfig(false).resetAdHocDarwinSignature).toBe(false);
  });
});

describe('packagedBinary', () => {
  const base = { appOutDir: '/out', productFilename: 'Postwright', executableName: 'postwright' };
  it('names the binary per platform', () => {
    expect(packagedBinary({ ...base, electronPlatformName: 'darwin' })).toBe(path.join('/out', 'Postwright.app'));
    expect(packagedBinary({ ...base, electronPlatformName: 'win32' })).toBe(path.join('/out', 'Postwright.exe'));
    expect(packagedBinary({ ...base, electronPlatformName: 'linux' })).toBe(path.join('/out', 'postwright'));
  });

  it('fails loudly when the binary is missing rather than shipping unfused', async () => {
    const context = {
      appOutDir: path.join(path.dirname(fileURLToPath(import.meta.url)), 'no-such-output'),
      electronPlatformName: 'linux',
      arch: 1,
      packager: { appInfo: { productFilename: 'Postwright' }, executableName: 'postwright' },
    };
    await expect(afterPack(context)).rejects.toThrow();
  });
});

describe('electron-builder.yml', () => {
  it('packs asar, runs the fuse hook after packing and ships the sample posts, not browser mode', async () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
    const config = parse(await readFile(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
    expect(config.appId).toBe('dev.postwright.app');
    expect(config.productName).toBe('Postwright');
    expect(config.asar).toBe(true);
    expect(config.afterPack).toBe('./electron/main/packaging/fuses.mjs');
    // dist/node is browser mode's server and the CLI, which the packaged app never runs.
    expect(config.files).toEqual(['dist/**', '!dist/node/**', 'package.json']);
    expect(config.extraResources).toEqual([{ from: 'posts/', to: 'posts', filter: ['**/*'] }]);
  });
});

/** The marker @electron/fuses looks for in an Electron binary; the fuse wire follows it. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's shipped fuse states, in wire order: RunAsNode, cookie encryption, NODE_OPTIONS, … */
const SHIPPED = [true, false, true, true, false, false, false, true];

/** A stand-in Electron binary: padding around the sentinel and a fuse wire of `states` ('1'/'0'). */
function fakeBinary(states: readonly boolean[]): Buffer {
  const wire = Buffer.from([Number(FuseVersion.V1), states.length, ...states.map((on) => (on ? 0x31 : 0x30))]);
  return Buffer.concat([Buffer.alloc(4096, 0x90), Buffer.from(SENTINEL), wire, Buffer.alloc(4096, 0x90)]);
}

describe('the afterPack hook on a binary', () => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  let dir = '';
  const context = () => ({
    appOutDir: dir,
    electronPlatformName: 'linux',
    arch: 1,
    packager: { appInfo: { productFilename: 'Postwright' }, executableName: 'postwright' },
  });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'postwright-fuses-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** The hook as electron-builder's packager finds it: its own resolver over electron-builder.yml. */
  async function configuredHook(): Promise<unknown> {
    const config = parse(await readFile(path.join(root, 'electron-builder.yml'), 'utf8')) as { afterPack: string };
    const require = createRequire(path.join(root, 'package.json'));
    const { resolveFunction } = require('app-builder-lib/out/util/resolve.js') as {
      resolveFunction: (type: string | undefined, executor: string, name: string, root: string) => Promise<unknown>;
    };
    return resolveFunction(undefined, path.resolve(root, config.afterPack), 'afterPack', root);
  }

  it('writes every fuse into the packaged binary, read back from its bytes', async () => {
    const binary = path.join(dir, 'postwright');
    await writeFile(binary, fakeBinary(SHIPPED));
    const hook = await configuredHook();
    expect(typeof hook).toBe('function');
    await (hook as typeof afterPack)(context());
    const wire = (await getCurrentFuseWire(binary)) as unknown as Record<string, number>;
    for (const name of fuseNames) {
      const index = FuseV1Options[name as keyof typeof FuseV1Options];
      const on = FUSES[name as keyof typeof FUSES];
      expect(wire[String(index)], name).toBe(on ? 0x31 : 0x30);
    }
  });

  it('fails the build on a binary with a fuse nobody decided', async () => {
    const binary = path.join(dir, 'postwright');
    await writeFile(binary, fakeBinary([...SHIPPED, true]));
    await expect(afterPack(context())).rejects.toThrow(/strictlyRequireAllFuses/);
  });
});
