/**
 * The benchmark's one table: every row with its median, range, rate and its ratio to each peer measured in
 * the same run (peer's median ÷ this row's median, so above 1 means faster than that peer).
 */
import type { PageWeight } from './pageWeight';
import { UNITS_PER_RUN, type Row } from './rows';
import { summarise } from './timing';

/** A row as stored in bench/results/latest.json: the raw samples plus everything the table shows. */
export interface ResultRow extends Row {
  median?: number;
  min?: number;
  max?: number;
  runs?: number;
  /** tokens/s (charlm) or characters/s (generate) at the median */
  rate?: number;
  /** tfjs-layers' median ÷ this median, same backend */
  vsLayers?: number;
  /** PyTorch's median on as many threads ÷ this median */
  vsTorch?: number;
}

/** Adds statistics, rates and peer ratios to raw rows. */
export function analyse(rows: Row[]): ResultRow[] {
  const stats = rows.map((row) => ({ row, ...(row.samples?.length ? summarise(row.samples) : {}) }));
  const medianOf = (match: (r: Row) => boolean) => stats.find((s) => match(s.row) && s.median !== undefined)?.median;
  return stats.map(({ row, median, min, max }) => {
    if (median === undefined) return { ...row };
    const same = (r: Row) => r.workload === row.workload && r.variant === row.variant;
    const layers = row.implementation === 'tfjs-layers' ? undefined : medianOf((r) => same(r) && r.implementation === 'tfjs-layers' && r.backend === row.backend);
    // Peers on the same number of threads: two threads against PyTorch's one would flatter the engine.
    const threads = row.threads ?? 1;
    const torch = row.implementation === 'PyTorch' ? undefined : medianOf((r) => same(r) && r.implementation === 'PyTorch' && (r.threads ?? 1) === threads);
    const units = UNITS_PER_RUN[row.workload];
    return {
      ...row,
      median,
      min,
      max,
      runs: row.samples?.length,
      ...(units ? { rate: (units.count * 1000) / median } : {}),
      ...(layers !== undefined ? { vsLayers: layers / median } : {}),
      ...(torch !== undefined ? { vsTorch: torch / median } : {}),
    };
  });
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const ratio = (value?: number) => (value === undefined ? '—' : `${value >= 10 ? value.toFixed(0) : value.toFixed(2)}×`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const WORKLOAD_NAMES: Record<Row['workload'], string> = {
  stepper: 'stepper click (H 64)',
  hello: 'hello → ohlol, 15 epochs',
  charlm: 'char LM train step',
  generate: '500 chars generated',
};

/** The whole table as Markdown (it reads as well in a terminal as in the README). */
export function markdownTable(rows: ResultRow[], page: PageWeight | null): string {
  const lines = [
    '| workload | variant | implementation | backend | median ms | min–max ms | runs | rate | vs tfjs-layers | vs PyTorch |',
    '| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    const cells =
      r.median === undefined
        ? [r.note ?? 'no result', '—', '—', '—', '—', '—']
        : [
            ms(r.median),
            `${ms(r.min as number)}–${ms(r.max as number)}`,
            String(r.runs),
            r.rate === undefined ? '—' : `${Math.round(r.rate).toLocaleString('en')} ${UNITS_PER_RUN[r.workload]?.unit}`,
            ratio(r.vsLayers),
            ratio(r.vsTorch),
          ];
    lines.push(`| ${[WORKLOAD_NAMES[r.workload], r.variant, r.implementation, r.backend, ...cells].join(' | ')} |`);
  }
  if (page) {
    const name = page.chapter.replace(/\.mdx$/, '');
    const pageRow = (what: string, bytes: number) => `| page weight (gzip JS) | ${name} | ${what} | production build | ${kb(bytes)} | — | — | — | — | — |`;
    // The prose is pre-rendered into the page's HTML: it shows before any JavaScript; this is what hydrates it.
    lines.push(pageRow(`before the prose shows: none (pre-rendered); to hydrate it${page.proseLoadsTfjs ? ' (includes tfjs!)' : ' (no tfjs)'}`, page.proseBytes));
    if (page.widget) lines.push(pageRow(`before ${page.widget} is interactive (WebGPU)`, page.widgetBytes));
    lines.push(`| page weight (gzip JS) | ${page.heaviestProse.chapter.replace(/\.mdx$/, '')} | heaviest chapter to hydrate | production build | ${kb(page.heaviestProse.bytes)} | — | — | — | — | — |`);
  }
  return lines.join('\n');
}
