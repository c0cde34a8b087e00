/** Percentiles and the printed table. */

export function percentiles(values, ps = [50, 95, 99]) {
  const a = Float64Array.from(values).sort();
  const at = (p) =>
    a.length ? a[Math.min(a.length - 1, Math.max(0, Math.ceil((p / 100) * a.length) - 1))] : NaN;
  const out = {
    n: a.length,
    max: a.length ? a[a.length - 1] : NaN,
    mean: a.length ? a.reduce((s, x) => s + x, 0) / a.length : NaN,
  };
  for (const p of ps) out[`p${p}`] = at(p);
  return out;
}

export const fmt = (v, digits = 1) =>
  v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))
    ? '—'
    : typeof v === 'number'
      ? digits === 0
        ? Math.round(v).toLocaleString('en-US')
        : v.toFixed(digits)
      : String(v);

/**
 * rows: { scenario, metric, ours, stock, target, pass, comparesWithStock, note }. `ours`/`stock` are
 * numbers or strings; the ratio column is ours ÷ stock when both are numbers. In A/B mode (`ab`)
 * both columns are our server, so a row whose target compares with stock (`comparesWithStock`)
 * has no verdict and fails nothing.
 */
export class Table {
  constructor({ ab = false } = {}) {
    this.rows = [];
    this.ab = ab;
  }

  /** 'INVALID', 'PASS', 'FAIL', 'n/a (A/B)' or '' (a figure without a target). */
  verdict(r) {
    if (r.invalid) return 'INVALID';
    if (r.pass === undefined) return '';
    if (this.ab && r.comparesWithStock) return 'n/a (A/B)';
    return r.pass ? 'PASS' : 'FAIL';
  }

  /** Whether a row failed its target or made its run invalid. */
  failed() {
    return this.rows.some((r) => ['FAIL', 'INVALID'].includes(this.verdict(r)));
  }

  add(row) {
    this.rows.push(row);
    return row;
  }

  print(log = console.log) {
    const head = ['#', 'metric', 'ours', 'stock', 'ours/stock', 'target', 'verdict'];
    const body = this.rows.map((r) => {
      const d = r.digits ?? 1;
      const ratio =
        typeof r.ours === 'number' && typeof r.stock === 'number' && r.stock !== 0
          ? `${(r.ours / r.stock).toFixed(2)}×`
          : '';
      const verdict = this.verdict(r);
      return [
        r.scenario,
        r.metric,
        fmt(r.ours, d),
        fmt(r.stock, d),
        ratio,
        r.target ?? '',
        verdict,
      ];
    });
    const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => String(b[i]).length)));
    const line = (cells) =>
      cells
        .map((c, i) =>
          i >= 2 && i <= 4 ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]),
        )
        .join(' │ ');
    log(line(head));
    log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
    let last = null;
    for (let i = 0; i < body.length; i++) {
      if (last !== null && this.rows[i].scenario !== last)
        log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
      last = this.rows[i].scenario;
      log(line(body[i]));
    }
  }
}
