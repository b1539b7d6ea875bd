/** Text with its search matches wrapped in <mark>. */
import { highlightSegments } from '../state/search';

/** Renders `text`, marking each [start, end) range. */
export function Highlight({
  text,
  ranges,
}: {
  text: string;
  ranges: readonly (readonly [number, number])[];
}): React.JSX.Element {
  return (
    <>
      {highlightSegments(text, ranges).map((segment, index) =>
        segment.match ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
      )}
    </>
  );
}
