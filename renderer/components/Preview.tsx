/**
 * The live preview: the body rendered by the shared pipeline (sanitized HTML), in article style.
 * It follows every key straight from the editor's latest state (../preview/typing.ts) and renders
 * in a worker, only the blocks that changed, and swaps only those into the page, so typing never waits.
 */
import { useEffect, type MouseEvent, type Ref } from 'react';
import { readableDate } from '../../shared/markdown/dates';
import { PreviewBody } from '../preview/PreviewBody';
import type { TextSource } from '../preview/typing';
import { usePreviewBlocks } from '../preview/usePreviewBlocks';
import { bodyStartsWithH1 } from '../state/heading';
import { linkTarget } from '../state/urls';

/** Props of the preview. */
export interface PreviewProps {
  postId: string;
  /** The post's text, followed on every key. */
  text: TextSource;
  title: string | null;
  date: string | null;
  onOpenPost: (id: string) => void;
  onOpenExternal: (url: string) => void;
  /** The scrolling element, for the editor to keep in step with. */
  scrollRef: Ref<HTMLElement>;
  /** Called after the rendered blocks on screen changed (scroll sync re-anchors on them). */
  onRendered?: () => void;
}

/** The rendered post, in a region named "Preview". Links never navigate the app. */
export function Preview(props: PreviewProps): React.JSX.Element {
  const { postId, text, title, date, onOpenPost, onOpenExternal, scrollRef, onRendered } = props;
  const rendered = usePreviewBlocks(postId, text);
  // After PreviewBody's layout effect has put the blocks on the page.
  useEffect(() => onRendered?.(), [rendered.blocks, rendered.pending, onRendered]);

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
      <article className="prose">
        {title !== null && title !== '' && !bodyStartsWithH1(rendered.markdown) ? (
          <header className="prose-header">
            <h1 className="prose-title">{title}</h1>
            {date !== null && date !== '' ? <PostDate written={date} /> : null}
          </header>
        ) : null}
        <PreviewBody blocks={rendered.blocks} />
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

/** The post's date as the exported page shows it ("26 May 2016" for an ISO date). */
function PostDate({ written }: { written: string }): React.JSX.Element {
  const date = readableDate(written);
  return <p className="prose-date">{date === null ? written : <time dateTime={date.iso}>{date.text}</time>}</p>;
}
