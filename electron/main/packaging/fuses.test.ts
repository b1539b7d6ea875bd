import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
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
  it('packs asar, runs the fuse hook after packing and ships the sample posts', async () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
    const config = parse(await readFile(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
    expect(config.appId).toBe('dev.postwright.app');
    expect(config.productName).toBe('Postwright');
    expect(config.asar).toBe(true);
    expect(config.afterPack).toBe('./electron/main/packaging/fuses.mjs');
    expect(config.files).toEqual(['dist/**', 'package.json']);
    expect(config.extraResources).toEqual([{ from: 'posts/', to: 'posts', filter: ['**/*'] }]);
  });
});
