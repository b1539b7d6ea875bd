/**
 * The one importer of gray-matter: the reference Postwright's own split of a post is compared with
 * (corpus.test.ts) and the proof that gray-matter, as configured here, never runs code from a post
 * (security/codec.test.ts). The app itself never loads it: reading, listing and saving go through
 * split.ts and parse.ts, so starting the app does not compile gray-matter, js-yaml and esprima
 * (~50 ms of every start, bench/README.md round 22).
 *
 * Configured so that it can never run code (both JavaScript engines replaced by functions that
 * throw), never caches (an options object is always passed), and reads TOML with smol-toml.
 */
import matter from 'gray-matter';
import { jsonEngine, tomlEngine } from './parse';

/** Thrown by the JavaScript engines: front matter is never evaluated. */
function refuseToRun(): never {
  throw new Error('JavaScript front matter is never run.');
}

/** gray-matter options that never evaluate code and never cache. */
function safeOptions(language: 'toml' | 'json' | 'yaml', delimiters: string) {
  return {
    language,
    delimiters,
    engines: { js: refuseToRun, javascript: refuseToRun, toml: tomlEngine, json: jsonEngine },
  };
}

/** What gray-matter itself takes as the body of a text, for comparing Postwright's split with it. */
export function grayMatterContent(text: string): { content: string; matter: string } {
  const delimiters = text.startsWith('+++') ? '+++' : '---';
  try {
    const file = matter(text, safeOptions(delimiters === '+++' ? 'toml' : 'yaml', delimiters));
    return { content: file.content, matter: file.matter };
  } catch {
    return { content: text, matter: '' };
  }
}
