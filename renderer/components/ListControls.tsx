/**
 * The controls above the post list: sort field (the usual ones, then every front-matter key the
 * folder uses) and direction, draft filter, tag filter, category filter.
 */
import { memo, useId } from 'react';
import {
  fieldSort,
  SORT_FIELDS,
  sortedKey,
  type DraftFilter,
  type ListView,
  type SortDirection,
  type SortField,
} from '../state/sort';

/** Props of the list controls. */
export interface ListControlsProps {
  view: ListView;
  tags: { tag: string; count: number }[];
  /** Whether to show the tag filter even before `tags` are counted (so the list does not move down when they are). */
  hasTags?: boolean;
  /** The categories of the folder's posts, most used first (no filter when there are none). */
  categories?: { category: string; count: number }[];
  /** The front-matter keys of the folder's posts, most used first. */
  keys: { key: string; count: number }[];
  /** The direction a sort starts in (newest first for dates). */
  directionFor: (sort: SortField) => SortDirection;
  onChange: (view: ListView) => void;
}

/** The keys to offer: the folder's, plus the one sorted by when no post has it any more. */
function keyOptions(keys: ListControlsProps['keys'], sort: SortField): ListControlsProps['keys'] {
  const current = sortedKey(sort);
  return current === null || keys.some(({ key }) => key === current) ? keys : [...keys, { key: current, count: 0 }];
}

/** Up to four selects and a direction toggle; every control has a visible or accessible label. Memoised, as PostList. */
export const ListControls = memo(function ListControls({
  view,
  tags,
  hasTags = tags.length > 0,
  categories = [],
  keys,
  directionFor,
  onChange,
}: ListControlsProps): React.JSX.Element {
  const id = useId();
  const ascending = view.direction === 'asc';
  return (
    <div className="list-controls">
      <div className="list-control">
        <label htmlFor={`${id}-sort`}>Sort by</label>
        <select
          id={`${id}-sort`}
          value={view.sort}
          onChange={(e) => {
            const sort = e.target.value as SortField;
            onChange({ ...view, sort, direction: directionFor(sort) });
          }}
        >
          {SORT_FIELDS.map((field) => (
            <option key={field.value} value={field.value}>
              {field.label}
            </option>
          ))}
          {keys.length === 0 && sortedKey(view.sort) === null ? null : (
            <optgroup label="Front matter">
              {keyOptions(keys, view.sort).map(({ key, count }) => (
                <option key={key} value={fieldSort(key)}>
                  {key} ({count})
                </option>
              ))}
            </optgroup>
          )}
        </select>
        <button
          type="button"
          className="button sort-direction"
          aria-label={ascending ? 'Ascending order' : 'Descending order'}
          title={ascending ? 'Ascending: click for descending' : 'Descending: click for ascending'}
          onClick={() => onChange({ ...view, direction: ascending ? 'desc' : 'asc' })}
        >
          <span aria-hidden="true">{ascending ? '↑' : '↓'}</span>
        </button>
      </div>
      <div className="list-control">
        <label htmlFor={`${id}-show`}>Show</label>
        <select
          id={`${id}-show`}
          value={view.show}
          onChange={(e) => onChange({ ...view, show: e.target.value as DraftFilter })}
        >
          <option value="all">All</option>
          <option value="published">Published</option>
          <option value="drafts">Drafts</option>
        </select>
      </div>
      {!hasTags ? null : (
        <CountFilter
          id={`${id}-tag`}
          label="Tag"
          value={view.tag}
          items={tags.map(({ tag, count }) => ({ name: tag, count }))}
          onPick={(tag) => onChange({ ...view, tag })}
        />
      )}
      {categories.length === 0 && view.category === null ? null : (
        <CountFilter
          id={`${id}-category`}
          label="Category"
          value={view.category}
          items={categories.map(({ category, count }) => ({ name: category, count }))}
          onPick={(category) => onChange({ ...view, category })}
        />
      )}
    </div>
  );
});

/** A filter by one of the folder's names (a tag, a category), each with how many posts have it; "Any" for none. */
function CountFilter(props: {
  id: string;
  label: string;
  value: string | null;
  items: readonly { name: string; count: number }[];
  onPick: (name: string | null) => void;
}): React.JSX.Element {
  const { id, label, value, items, onPick } = props;
  return (
    <div className="list-control">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onPick(e.target.value === '' ? null : e.target.value)}>
        <option value="">Any</option>
        {items.map(({ name, count }) => (
          <option key={name} value={name}>
            {name} ({count})
          </option>
        ))}
      </select>
    </div>
  );
}
