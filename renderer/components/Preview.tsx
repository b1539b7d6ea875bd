/**
 * The live preview: the body rendered by the shared pipeline (sanitized HTML), in article style.
 * It follows every key straight from the editor's latest state (../preview/typing.ts) and renders
 * in a worker, only the blocks that changed, and swaps only those into the page, so typing never waits.
 */
import { useEffect, useMemo, type MouseEvent, type Ref } from 'react';
import { readableDate } from '../../shared/markdown/dates';
import type { PageLanguage } from '../../shared/markdown/lang';
import { escapeHtml } from '../../shared/markdown/escape';
import { afterOpeningH1, titleLayoutOfHtml } from '../../shared/markdown/title';
import { PreviewBody } from '../preview/PreviewBody';
import { useReportPreviewWarnings } from './PreviewWarnings';
import type { TextSource } from '../preview/typing';
import { usePreviewBlocks } from '../preview/usePreviewBlocks';
import { linkTarget } from '../state/urls';

/** Props of the preview. */
export interface PreviewProps {
  postId: string;
  /** The post's text, followed on every key. */
  text: TextSource;
  title: string | null;
  /** Whether the front matter names the title (else `title` is the fallback: the first heading or the file). */
  titled: boolean;
  date: string | null;
  /** The post's language and direction, as its exported page has them (shared/markdown/lang.ts). */
  language?: PageLanguage | undefined;
  onOpenPost: (id: string) => void;
  onOpenExternal: (url: string) => void;
  /** The scrolling element, for the editor to keep in step with. */
  scrollRef: Ref<HTMLElement>;
  /** Called after the rendered blocks on screen changed (scroll sync re-anchors on them). */
  onRendered?: () => void;
}

/** The rendered post, in a region named "Preview". Links never navigate the app. */
export function Preview(props: PreviewProps): React.JSX.Element {
  const { postId, text, title, titled, date, onOpenPost, onOpenExternal, scrollRef, onRendered } = props;
  const rendered = usePreviewBlocks(postId, text);
  // The export's rule (shared/markdown/title.ts), read from the whole render (a long one is put on the
  // page in steps): a body opening with an H1 is titled by it, the date under it. Before the post's
  // first render nothing is known, so no title is shown that its render would then take back.
  const layout = useMemo(
    () => (rendered.all === null ? null : titleLayoutOfHtml(rendered.all, titled)),
    [rendered.all, titled],
  );
  const dated = date !== null && date !== '';
  const lang = props.language?.lang;
  const afterH1 = layout?.metaAfterBodyH1 === true;
  const under = useMemo(() => {
    // The first block with any HTML (a link definition or a comment before the heading renders to nothing).
    const at = rendered.blocks.findIndex((block) => block.trim() !== '');
    const first = rendered.blocks[at];
    if (!afterH1 || date === null || date === '' || first === undefined) return null;
    const placed = afterOpeningH1(first, `<p class="prose-date">${postDateHtml(date, lang)}</p>`);
    return placed === null ? null : [...rendered.blocks.slice(0, at), placed, ...rendered.blocks.slice(at + 1)];
  }, [rendered.blocks, afterH1, date, lang]);
  const blocks = under ?? rendered.blocks;
  const headerDate = dated && layout !== null && under === null && !(afterH1 && rendered.blocks.length === 0);
  const headerTitle = layout?.heading === true && title !== null && title !== '';
  // After PreviewBody's layout effect has put the blocks on the page.
  useEffect(() => onRendered?.(), [rendered.blocks, rendered.pending, onRendered]);
  // What the preview leaves out is listed among the publishing hints too (./PreviewWarnings.tsx).
  const reportWarnings = useReportPreviewWarnings();
  useEffect(() => reportWarnings(postId, rendered.warnings), [postId, rendered.warnings, reportWarnings]);

  const onClick = (event: MouseEvent<HTMLElement>): void => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (link === null) return;
    event.preventDefault();
    const target = linkTarget(postId, link.getAttribute('href') ?? '');
    if (target.kind === 'anchor') scrollToAnchor(event.currentTarget, target.fragment);
    else if (target.kind === 'external') onOpenExternal(target.url);
    else if (target.kind === 'post') onOpenPost(target.id);
  };

  return (
    <section
      ref={scrollRef}
      className="preview"
      role="region"
      aria-label="Preview"
      // F6 moves the focus here (../hooks/useRegions.ts), where the arrow keys scroll the post.
      tabIndex={-1}
      aria-busy={rendered.pending}
      onClick={onClick}
      onAuxClick={(event) => event.preventDefault()}
    >
      <article className="prose" lang={props.language?.lang} dir={props.language?.dir}>
        {headerTitle || headerDate ? (
          <header className="prose-header">
            {headerTitle ? <h1 className="prose-title">{title}</h1> : null}
            {headerDate ? <PostDate written={date} lang={lang} /> : null}
          </header>
        ) : null}
        <PreviewBody blocks={blocks} />
      </article>
      {rendered.warnings.length > 0 ? (
        <details className="preview-warnings">
          <summary>
            {rendered.warnings.length === 1 ? '1 thing' : `${rendered.warnings.length} things`} left out of the preview
          </summary>
          <ul>
            {rendered.warnings.map((warning, index) => (
              <li key={index}>{warning}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function scrollToAnchor(container: HTMLElement, fragment: string): void {
  const target = [fragment, `user-content-${fragment}`]
    .map((id) => container.ownerDocument.getElementById(id))
    .find((element) => element !== null && container.contains(element));
  target?.scrollIntoView({ behavior: 'smooth', block: 'start' });
}

/** The date's markup under the body's own H1, as the exported page writes it (in the post's language). */
function postDateHtml(written: string, lang: string | undefined): string {
  const date = readableDate(written, lang);
  return date === null ? escapeHtml(written) : `<time datetime="${date.iso}">${escapeHtml(date.text)}</time>`;
}

/** The post's date as the exported page shows it ("26 May 2016" for an ISO date, "26 mai 2016" in French). */
function PostDate({ written, lang }: { written: string; lang: string | undefined }): React.JSX.Element {
  const date = readableDate(written, lang);
  return <p className="prose-date">{date === null ? written : <time dateTime={date.iso}>{date.text}</time>}</p>;
}
