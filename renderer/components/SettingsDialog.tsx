/** The Settings dialog, and the effect that applies the chosen theme to the page. */
import { useEffect, useId, useState } from 'react';
import { FONT_SIZE_RANGE, useSettings, type PreviewWidth, type Theme } from '../state/settings';
import { Dialog, INITIAL_FOCUS } from './Dialog';

/** Sets `data-theme` on <html> ("light" or "dark" when forced, absent when following the system). */
export function useAppliedTheme(): void {
  const [settings] = useSettings();
  useEffect(() => {
    const root = document.documentElement;
    if (settings.theme === 'system') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', settings.theme);
    root.style.setProperty('--editor-font-size', `${settings.editorFontSize}px`);
    root.setAttribute('data-preview-width', settings.previewWidth);
  }, [settings.theme, settings.editorFontSize, settings.previewWidth]);
}

/** Props of the Settings dialog. */
export interface SettingsDialogProps {
  onClose: () => void;
}

/** Every preference, applied as soon as it changes (there is nothing to confirm). */
export function SettingsDialog({ onClose }: SettingsDialogProps): React.JSX.Element {
  const [settings, update] = useSettings();
  const id = useId();
  return (
    <Dialog title="Settings" onCancel={onClose}>
      <div className="settings-form">
        <div className="settings-row">
          <input
            id={`${id}-autosave`}
            type="checkbox"
            checked={settings.autosave}
            onChange={(event) => update({ autosave: event.target.checked })}
          />
          <label htmlFor={`${id}-autosave`}>Autosave</label>
          <p className="settings-hint">Save a couple of seconds after you stop typing.</p>
        </div>
        <div className="settings-row">
          <label htmlFor={`${id}-theme`}>Theme</label>
          <select
            id={`${id}-theme`}
            value={settings.theme}
            onChange={(event) => update({ theme: event.target.value as Theme })}
          >
            <option value="system">Same as the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </div>
        <div className="settings-row">
          <label htmlFor={`${id}-font`}>Editor font size</label>
          <FontSizeInput
            id={`${id}-font`}
            size={settings.editorFontSize}
            onChange={(size) => update({ editorFontSize: size })}
          />
          <p className="settings-hint settings-hint-end" id={`${id}-font-unit`}>
            In pixels, from {FONT_SIZE_RANGE.min} to {FONT_SIZE_RANGE.max}.
          </p>
        </div>
        <div className="settings-row">
          <label htmlFor={`${id}-width`}>Preview width</label>
          <select
            id={`${id}-width`}
            value={settings.previewWidth}
            onChange={(event) => update({ previewWidth: event.target.value as PreviewWidth })}
          >
            <option value="narrow">Narrow</option>
            <option value="normal">Normal</option>
            <option value="wide">Wide</option>
          </select>
        </div>
        <div className="settings-row">
          <input
            id={`${id}-sync`}
            type="checkbox"
            checked={settings.scrollSync}
            onChange={(event) => update({ scrollSync: event.target.checked })}
          />
          <label htmlFor={`${id}-sync`}>Scroll the editor and the preview together</label>
          <p className="settings-hint">Scrolling either one brings the same paragraph into view in the other.</p>
        </div>
      </div>
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" className="button primary" {...INITIAL_FOCUS} onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}

/**
 * The font size field: what is typed is kept as typed (so "18" can pass through "1"), applied as
 * soon as it is a size in range, and put back to the size in use when the field is left.
 */
function FontSizeInput(props: { id: string; size: number; onChange: (size: number) => void }): React.JSX.Element {
  const { id, size, onChange } = props;
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      id={id}
      type="number"
      min={FONT_SIZE_RANGE.min}
      max={FONT_SIZE_RANGE.max}
      step={1}
      value={draft ?? String(size)}
      aria-describedby={`${id}-unit`}
      onChange={(event) => {
        const typed = event.target.value;
        setDraft(typed);
        const next = Number(typed);
        if (typed !== '' && Number.isInteger(next) && next >= FONT_SIZE_RANGE.min && next <= FONT_SIZE_RANGE.max) {
          onChange(next);
        }
      }}
      onBlur={() => setDraft(null)}
    />
  );
}
