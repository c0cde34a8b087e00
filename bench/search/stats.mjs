// Small helpers the parts share: quantiles and a plain-text table.

/** The q-quantile of `values` (nearest rank), or null for none. */
export function quantile(values, q) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

export const ms = (v) => (v === null || v === undefined ? '–' : `${v.toFixed(v < 10 ? 1 : 0)} ms`);

/** Rows of strings as aligned columns, the first row a header. */
export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join(' | ');
  return [
    line(rows[0]),
    widths.map((w) => '-'.repeat(w)).join('-|-'),
    ...rows.slice(1).map(line),
  ].join('\n');
}
