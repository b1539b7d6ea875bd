/** Medians, 95th percentiles and the one table the benchmark prints. */

/** @typedef {{ median: number, p95: number, n: number }} Summary */
/**
 * A target: an absolute limit (`max`) or a ratio to the baseline (`ratio`), on the median or the
 * p95; `info` rows are shown without a verdict.
 * @typedef {{ max?: number, ratio?: number, on?: 'median' | 'p95', unit?: 'MB' | 'frames', info?: boolean }} Target
 */
/**
 * One row of the table.
 * @typedef {{ figure: string, s: Summary, b: Summary | null, ratio: number | null, targetText: string, pass: boolean | null, unit: 'MB' | 'frames' | undefined }} Row
 */

/**
 * The value below which `q` (0 to 1) of `values` fall (nearest rank).
 * @param {readonly number[]} values
 * @param {number} q
 * @returns {number}
 */
export function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? NaN;
}

/**
 * Median and p95 of a sample.
 * @param {readonly number[]} values
 * @returns {Summary}
 */
export function summary(values) {
  return { median: quantile(values, 0.5), p95: quantile(values, 0.95), n: values.length };
}

/**
 * @param {number | null | undefined} value
 * @param {'MB' | 'frames' | 'x' | undefined} unit
 */
function fmt(value, unit) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (unit === 'MB') return `${value.toFixed(1)} MB`;
  if (unit === 'frames') return value === 1 ? '1 frame' : `${value} frames`;
  if (unit === 'x') return `${value.toFixed(2)}×`;
  return value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
}

/**
 * One row: `figure` measured (`sample`), its `baseline` sample (or null), and its target.
 * @param {string} figure
 * @param {readonly number[]} sample
 * @param {readonly number[] | null} baseline
 * @param {Target} target
 * @returns {Row}
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
    const max = target.max ?? Infinity;
    pass = s[on] <= max;
    targetText = `${on} ≤ ${fmt(max, target.unit)}`;
  }
  return { figure, s, b, ratio, targetText, pass: target.info === true ? null : pass, unit: target.unit };
}

/**
 * Prints the rows as one Markdown table (so it pastes into the README and the issue).
 * @param {readonly Row[]} rows
 */
export function printTable(rows) {
  const lines = [
    '| figure | n | median | p95 | baseline median | baseline p95 | ratio | target | result |',
    '|---|---:|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const r of rows) {
    const verdict = r.pass === null ? 'info' : r.pass ? 'PASS' : 'FAIL';
    const base = r.b === null ? ['–', '–'] : [fmt(r.b.median, r.unit), fmt(r.b.p95, r.unit)];
    lines.push(
      `| ${r.figure} | ${r.s.n} | ${fmt(r.s.median, r.unit)} | ${fmt(r.s.p95, r.unit)} | ${base.join(' | ')} | ${fmt(r.ratio, 'x')} | ${r.targetText} | ${verdict} |`,
    );
  }
  return lines.join('\n');
}
