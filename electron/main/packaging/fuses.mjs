// electron-builder's afterPack hook: flips Electron's fuses in the packaged binary, before
// signing. Fuses switch off features an attacker with local access could use to run code as
// Postwright (ELECTRON_RUN_AS_NODE, NODE_OPTIONS, --inspect) and make the app load only its
// own, integrity-checked asar.
import path from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/**
 * Every fuse, by name, with the value we set. A fuse Electron adds later fails the build
 * (strictlyRequireAllFuses) until it is decided here.
 * @type {Record<keyof typeof FuseV1Options, boolean>}
 */
export const FUSES = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
};

/**
 * The configuration handed to flipFuses.
 * @param {boolean} resetAdHocDarwinSignature re-sign ad hoc (Apple silicon refuses a modified, unsigned binary)
 * @returns {import('@electron/fuses').FuseV1Config}
 */
export function fuseConfig(resetAdHocDarwinSignature) {
  /** @type {Record<FuseV1Options, boolean>} */
  const wire = {
    [FuseV1Options.RunAsNode]: FUSES.RunAsNode,
    [FuseV1Options.EnableCookieEncryption]: FUSES.EnableCookieEncryption,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: FUSES.EnableNodeOptionsEnvironmentVariable,
    [FuseV1Options.EnableNodeCliInspectArguments]: FUSES.EnableNodeCliInspectArguments,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: FUSES.EnableEmbeddedAsarIntegrityValidation,
    [FuseV1Options.OnlyLoadAppFromAsar]: FUSES.OnlyLoadAppFromAsar,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: FUSES.LoadBrowserProcessSpecificV8Snapshot,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: FUSES.GrantFileProtocolExtraPrivileges,
  };
  return { version: FuseVersion.V1, strictlyRequireAllFuses: true, resetAdHocDarwinSignature, ...wire };
}

/**
 * The packaged Electron binary (or .app bundle) inside electron-builder's output folder.
 * @param {{ appOutDir: string; electronPlatformName: string; productFilename: string; executableName: string }} target
 * @returns {string}
 */
export function packagedBinary(target) {
  switch (target.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(target.appOutDir, `${target.productFilename}.app`);
    case 'win32':
      return path.join(target.appOutDir, `${target.productFilename}.exe`);
    default:
      return path.join(target.appOutDir, target.executableName);
  }
}

// electron-builder's Arch enum: arm64 is 3.
const ARCH_ARM64 = 3;

/**
 * The hook electron-builder calls (configured as afterPack in electron-builder.yml).
 * @param {{ appOutDir: string; electronPlatformName: string; arch: number; packager: { appInfo: { productFilename: string }; executableName?: string } }} context
 * @returns {Promise<void>}
 */
export async function afterPack(context) {
  const productFilename = context.packager.appInfo.productFilename;
  const binary = packagedBinary({
    appOutDir: context.appOutDir,
    electronPlatformName: context.electronPlatformName,
    productFilename,
    executableName: context.packager.executableName ?? productFilename,
  });
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await flipFuses(binary, fuseConfig(isMac && context.arch === ARCH_ARM64));
}
