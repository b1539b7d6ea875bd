/**
 * Saving a post: refuse when the disk changed since the author opened it, rebuild the text from
 * the original so untouched bytes stay untouched, and skip the write when nothing changed.
 */
import { fail, ok, type PostDoc, type Result, type SaveRequest } from '../../../shared/api/contract';
import { applySave, decodePost, encodePost } from '../frontmatter/index';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { idProblem } from '../../../shared/api/ids';
import { rememberBytes, type StoreContext } from './context';
import { docFromBytes, LINK_READ_ONLY, sameBytes, versionOf, writeBlock } from './doc';
import { ioFailure, tooLarge } from './errors';
import { readLimited, writeFileAtomic, writeFileExclusive } from './io';
import { locatePost } from './paths';

/** Saves `request` atomically; CONFLICT when the file changed since `baseVersion` unless forced. */
export async function savePost(ctx: StoreContext, request: SaveRequest): Promise<Result<PostDoc>> {
  const location = await locatePost(ctx.root, request.id);
  if (!location.ok) {
    const known = ctx.lastKnown.get(request.id);
    if (location.error.code === 'NOT_FOUND' && request.force === true && known !== undefined) {
      return saveAgain(ctx, request, known);
    }
    return location;
  }
  if (location.value.isLink) return fail('READ_ONLY', LINK_READ_ONLY, 'Open the file the link points to instead.');
  const current = await readLimited(location.value.real, ctx.maxFileBytes, 'save this post');
  if (!current.ok) {
    const known = ctx.lastKnown.get(request.id);
    if (current.error.code === 'NOT_FOUND' && request.force === true && known !== undefined) {
      return saveAgain(ctx, request, known);
    }
    return current;
  }
  const { bytes, stats } = current.value;
  const block = await writeBlock(location.value.real, false, stats.mode);
  // Said of this save, not of opening (review 24a): the text stays in the editor, and a save after
  // the file is made writable again goes through.
  if (block !== undefined)
    return fail(
      'READ_ONLY',
      block === LINK_READ_ONLY
        ? 'Not saved: this post is a symbolic link, and Postwright does not write through links.'
        : 'Not saved: this file is read-only on disk.',
      block === LINK_READ_ONLY
        ? 'Open the file the link points to instead; your text stays here.'
        : 'Make the file writable, then save again; your text stays here.',
    );
  if (versionOf(bytes) !== request.baseVersion && request.force !== true) {
    return fail(
      'CONFLICT',
      'This post changed on disk since you opened it.',
      'Reload to see the version on disk, or keep yours to overwrite it.',
    );
  }
  const decoded = decodePost(bytes);
  if (decoded.readOnly !== undefined) return fail('READ_ONLY', decoded.readOnly);
  const text = applySave(decoded.text, request.frontMatter, request.body);
  if (!text.ok) return text;
  const next = encodePost(text.value, decoded.encoding);
  // A file above the limit could not be opened again; refusing keeps the text in the editor.
  if (next.length > ctx.maxFileBytes) return tooLarge(next.length, ctx.maxFileBytes);
  if (!sameBytes(next, bytes)) {
    try {
      await writeFileAtomic(location.value.real, next, stats.mode, ctx.writeBytes);
    } catch (error) {
      return ioFailure(error, 'save this post');
    }
  }
  rememberBytes(ctx, request.id, next);
  return ok(docFromBytes(request.id, next));
}

/**
 * The post was deleted on disk while open and the author chose "Save again": rebuild it from the
 * bytes last read, so front matter and encoding come back exactly, and never overwrite a file
 * that appeared meanwhile.
 */
async function saveAgain(ctx: StoreContext, request: SaveRequest, known: Uint8Array): Promise<Result<PostDoc>> {
  const problem = idProblem(request.id);
  if (problem !== null) return fail('INVALID_ID', `This post cannot be saved: ${problem}.`);
  const real = path.join(ctx.root, ...request.id.split('/'));
  // The folder may be gone too; it is recreated inside the posts folder only.
  const inside = path.relative(ctx.root, real);
  if (inside.startsWith('..') || path.isAbsolute(inside))
    return fail('INVALID_ID', 'This post is outside the posts folder.');
  const decoded = decodePost(known);
  if (decoded.readOnly !== undefined) return fail('READ_ONLY', decoded.readOnly);
  const text = applySave(decoded.text, request.frontMatter, request.body);
  if (!text.ok) return text;
  const next = encodePost(text.value, decoded.encoding);
  if (next.length > ctx.maxFileBytes) return tooLarge(next.length, ctx.maxFileBytes);
  try {
    await mkdir(path.dirname(real), { recursive: true });
    await writeFileExclusive(real, next);
  } catch (error) {
    return ioFailure(error, 'save this post again');
  }
  rememberBytes(ctx, request.id, next);
  return ok(docFromBytes(request.id, next));
}
