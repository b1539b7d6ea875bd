/**
 * A list field typed as "a, b, c" (tags, categories, keywords…), with the values the blog already
 * uses for the same key suggested as the author types: a combobox with a listbox of options,
 * ArrowDown/ArrowUp to move, Enter to pick, Escape to close. The items go to the form as a list,
 * so the file keeps the list style it had (flow `[a, b]` or block `- a`).
 */
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useSuggestions } from '../hooks/useSuggestions';
import { acceptSuggestion, matchingSuggestions, splitItems } from '../state/suggestions';

/** Props of the list combobox. */
export interface ListComboboxProps {
  id: string;
  /** The front-matter key: suggestions are the values other posts use for it. */
  fieldKey: string;
  disabled: boolean;
  describedBy: string | undefined;
  /** Whether the field has a warning: the text box is marked invalid. */
  invalid?: boolean;
  items: string[];
  onChange: (items: string[]) => void;
}

/** The text box, its suggestions, and the items shown as chips. */
export function ListCombobox({
  id,
  fieldKey,
  disabled,
  describedBy,
  invalid = false,
  items,
  onChange,
}: ListComboboxProps) {
  const suggestions = useSuggestions(fieldKey);
  // The text is kept as typed ("a, ") while the form gets the items.
  const [text, setText] = useState(() => items.join(', '));
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const matches = useMemo(() => (open ? matchingSuggestions(suggestions, text) : []), [open, suggestions, text]);
  const expanded = matches.length > 0;
  const listId = `${id}-suggestions`;
  const optionId = (index: number): string => `${listId}-${index}`;

  const update = (next: string, show: boolean): void => {
    setText(next);
    setOpen(show);
    setActive(-1);
    onChange(splitItems(next));
  };
  const accept = (value: string): void => update(acceptSuggestion(text, value), false);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step !== 0) {
      event.preventDefault();
      const count = matches.length;
      if (!expanded) {
        // The suggestions open on ArrowDown even before anything is typed.
        setOpen(true);
        setActive(step > 0 ? 0 : -1);
      } else setActive((at) => (step > 0 ? (at + 1) % count : at <= 0 ? count - 1 : at - 1));
    } else if (event.key === 'Enter' && expanded && matches[active] !== undefined) {
      event.preventDefault();
      accept(matches[active].value);
    } else if (event.key === 'Escape' && expanded) {
      // Closes the suggestions only; a second Escape reaches whatever is around the form.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <div className="fm-list">
      <div className="combo">
        <input
          id={id}
          type="text"
          role="combobox"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          autoComplete="off"
          disabled={disabled}
          value={text}
          placeholder="item, another item"
          onChange={(e) => update(e.target.value, true)}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
        <ul
          className="combo-list"
          role="listbox"
          id={listId}
          aria-label={`Suggestions for ${fieldKey}`}
          hidden={!expanded}
        >
          {matches.map(({ value, count }, index) => (
            <li
              key={value}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              aria-label={value}
              aria-describedby={`${optionId(index)}-count`}
              className={`combo-option${index === active ? ' is-active' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(index)}
              onClick={() => accept(value)}
            >
              <span className="combo-value">{value}</span>
              <span className="combo-count" id={`${optionId(index)}-count`}>
                {count === 1 ? '1 post' : `${count} posts`}
              </span>
            </li>
          ))}
        </ul>
      </div>
      {items.length > 0 ? (
        <ul className="chips" aria-hidden="true">
          {items.map((item, index) => (
            <li key={index} className="chip">
              {item}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
