import { describe, expect, it } from 'vitest';
import { THEME_CSS } from './theme';

/** WCAG 2 contrast ratio of two `#rrggbb` colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r = 0, g = 0, bl = 0] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

/** The custom properties of each `:root` block of the theme: light first, then dark. */
function schemes(): Record<string, string>[] {
  return [...THEME_CSS.matchAll(/:root \{([^}]*)\}/g)].map(([, block = '']) =>
    Object.fromEntries(
      [...block.matchAll(/--([a-z-]+): (#[0-9a-f]{6})/g)].map(([, name = '', hex = '']) => [name, hex]),
    ),
  );
}

describe('THEME_CSS', () => {
  it('gives every code colour at least 4.5:1 on the code background, in light and dark', () => {
    const found = schemes();
    expect(found).toHaveLength(2);
    for (const scheme of found) {
      const background = scheme['code-bg'] ?? '';
      for (const name of ['mark', 'string', 'number', 'comment', 'link', 'text', 'muted']) {
        const ratio = contrast(scheme[name] ?? '', background);
        expect({ name, background, ratio: ratio >= 4.5 }).toEqual({ name, background, ratio: true });
      }
    }
  });

  it('wraps text, headings, inline code and links, never code blocks', () => {
    expect(THEME_CSS).toMatch(/body \{[^}]*overflow-wrap: break-word;/);
    expect(THEME_CSS).toContain(':not(pre) > code, a { overflow-wrap: anywhere; }');
    expect(THEME_CSS).toMatch(/pre \{[^}]*overflow-x: auto;/);
  });
});
