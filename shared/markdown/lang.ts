/**
 * The language and direction of a post page, exported and previewed alike. The post's own `lang` / `language` / `locale` field
 * (or a `.ar.md` language suffix, as Zola and Hugo name translations) gives the page's `lang` when
 * it is a well-formed BCP 47 tag; a right-to-left script (Arabic, Hebrew, Thaana…, as the tag's
 * likely script) gives `dir="rtl"`. A post that names no language keeps the site's (`en`), unless
 * most of its letters are in a right-to-left script: it is then laid out right to left, and its
 * language is the one that script most likely writes (`ar`, `he`), or undetermined (`und`): a
 * screen reader should not read it with an English voice.
 */
import type { FrontMatterField } from '../api/contract';
import { textField } from '../api/fields';

/** The site's language when a post names none. */
export const DEFAULT_LANG = 'en';

const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr', 'Yezi']);
const LETTER = /\p{L}/gu;
/** Any code unit `rtlLanguage` counts: one native scan answers for the many posts that have none. */
const RTL_CODE_UNIT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
/** How much of a text is looked at to tell its direction: a caller may pass no more than this. */
export const LANGUAGE_SAMPLE = 20_000;

/** A page's `lang` and, for right-to-left text, its `dir`. */
export interface PageLanguage {
  lang: string;
  dir?: 'rtl';
}

/** The language of a post page from its fields, file name and text. */
export function pageLanguage(fields: FrontMatterField[], id: string, text: string): PageLanguage {
  const tag = languageTag(textField(fields, ['lang', 'language', 'locale'])) ?? languageTag(suffixOf(id));
  if (tag !== undefined) return isRtlTag(tag) ? { lang: tag, dir: 'rtl' } : { lang: tag };
  const rtl = rtlLanguage(text.slice(0, LANGUAGE_SAMPLE));
  return rtl === null ? { lang: DEFAULT_LANG } : { lang: rtl, dir: 'rtl' };
}

/** A well-formed BCP 47 tag in its canonical case (`en_US` read as `en-US`), or undefined. */
export function languageTag(value: string | undefined): string | undefined {
  if (value === undefined || !/^[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*$/.test(value)) return undefined;
  try {
    return Intl.getCanonicalLocales(value.replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
}

function suffixOf(id: string): string | undefined {
  return /\.([a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?)\.(md|markdown)$/i.exec(id)?.[1];
}

function isRtlTag(tag: string): boolean {
  try {
    const script = new Intl.Locale(tag).maximize().script;
    return script !== undefined && RTL_SCRIPTS.has(script);
  } catch {
    return false;
  }
}

/**
 * When most of a text's letters are right to left, the language its script most likely writes
 * (`und`: no guess); else null. Counted by code unit, allocating nothing for a text with no
 * right-to-left character (the preview asks as a post opens, and an export for each page).
 */
function rtlLanguage(sample: string): string | null {
  if (!RTL_CODE_UNIT.test(sample)) return null;
  let hebrew = 0;
  let arabic = 0;
  let other = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x0590) continue;
    // Hebrew and its presentation forms; Arabic, its supplements and presentation forms; the rest of 0590–08FF.
    if (c <= 0x05ff || (c >= 0xfb1d && c <= 0xfb4f)) hebrew += 1;
    else if (
      c <= 0x06ff ||
      (c >= 0x0750 && c <= 0x077f) ||
      (c >= 0x0870 && c <= 0x08ff) ||
      (c >= 0xfb50 && c <= 0xfdff) ||
      (c >= 0xfe70 && c <= 0xfeff)
    )
      arabic += 1;
    else if (c <= 0x08ff) other += 1;
  }
  const rtl = hebrew + arabic + other;
  if (rtl === 0) return null;
  const letters = sample.match(LETTER)?.length ?? 0;
  if (rtl * 2 <= letters) return null;
  if (arabic * 2 > rtl) return 'ar';
  if (hebrew * 2 > rtl) return 'he';
  return 'und';
}
