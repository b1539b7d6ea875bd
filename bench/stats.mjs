/* eslint-disable @typescript-eslint/ban-ts-comment -- see the next line */
// @ts-nocheck -- untyped benchmark JavaScript (much of it runs in the page through page.evaluate); TODO: TypeScript.
/** Medians, 95th percentiles and the one table the benchmark prints. */
/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument -- plain JavaScript run by Node (and, in page.evaluate, by the page): untyped by design */

/** The value below which `q` (0 to 1) of `values` fall (nearest rank). */
export function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

/** Median and p95 of a sample. */
export function summary(values) {
  return { median: quantile(values, 0.5), p95: quantile(values, 0.95), n: values.length };
}

function fmt(value, unit) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (unit === 'MB') return `${value.toFixed(1)} MB`;
  if (unit === 'x') return `${value.toFixed(2)}×`;
  return value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
}

/**
 * One row: `figure` measured (`sample`), its `baseline` sample (or null), and a target that is
 * either an absolute limit (`{ max, on: 'p95'|'median', unit }`) or a ratio to the baseline (`{ ratio, on }`).
 */
export function row(figure, sample, baseline, target) {
  const s = summary(sample);
  const b = baseline === null ? null : summary(baseline);
  const on = target.on ?? 'p95';
  const ratio = b === null ? null : s[on] / b[on];
  let pass;
  let targetText;
  if (target.ratio !== undefined) {
    pass = ratio !== null && ratio <= target.ratio;
    targetText = `${on} ≤ ${target.ratio}× base`;
  } else {
    pass = s[on] <= target.max;
    targetText = `${on} ≤ ${fmt(target.max, target.unit)}`;
  }
  return { figure, s, b, ratio, targetText, pass: target.info ? null : pass, unit: target.unit, note: target.note };
}

/** Prints the rows as one Markdown table (so it pastes into the README and the issue). */
export function printTable(rows) {
  const lines = [
    '| figure | n | median | p95 | baseline median | baseline p95 | ratio | target | result |',
    '|---|---:|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const r of rows) {
    const verdict = r.pass === null ? 'info' : r.pass ? 'PASS' : 'FAIL';
    lines.push(
      `| ${r.figure} | ${r.s.n} | ${fmt(r.s.median, r.unit)} | ${fmt(r.s.p95, r.unit)} | ${r.b ? fmt(r.b.median, r.unit) : '–'} | ${r.b ? fmt(r.b.p95, r.unit) : '–'} | ${r.ratio === null ? '–' : fmt(r.ratio, 'x')} | ${r.targetText} | ${verdict} |`,
    );
  }
  return lines.join('\n');
}
