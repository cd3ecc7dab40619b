/** Timing and memory helpers for the benchmark: median, p95 and peak RSS per operation. */
import { performance } from 'node:perf_hooks';

export interface Measurement {
  operation: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  peakRssMb: number;
  /** Ratio to the raw baseline (time ratio or throughput ratio, see `ratioLabel`). */
  ratio?: number;
  ratioLabel?: string;
  target?: string;
  met?: boolean;
  note?: string;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

/** One operation to time: `before` runs untimed ahead of each run (a change the operation must then take in). */
export interface Timed {
  operation: string;
  fn: () => unknown;
  before?: () => unknown;
}

/**
 * Runs the operations in turn, each `runs` times after `warmups` warm-ups (all warmed up
 * before any is timed, in the given order), sampling RSS while each runs.
 */
async function timeInTurn(operations: Timed[], runs: number, warmups: number): Promise<Measurement[]> {
  for (const operation of operations) {
    for (let i = 0; i < warmups; i += 1) {
      await operation.before?.();
      await operation.fn();
    }
  }
  const times = operations.map((): number[] => []);
  const peaks = operations.map(() => 0);
  let current = 0;
  const sampler = setInterval(() => {
    peaks[current] = Math.max(peaks[current]!, process.memoryUsage.rss());
  }, 5);
  try {
    for (let i = 0; i < runs; i += 1) {
      for (const [index, operation] of operations.entries()) {
        await operation.before?.();
        current = index;
        peaks[index] = Math.max(peaks[index]!, process.memoryUsage.rss());
        const start = performance.now();
        await operation.fn();
        times[index]!.push(performance.now() - start);
        peaks[index] = Math.max(peaks[index]!, process.memoryUsage.rss());
      }
    }
  } finally {
    clearInterval(sampler);
  }
  return operations.map((operation, index) => summarize(operation.operation, times[index]!, peaks[index]! / 1024 / 1024));
}

const warmupsOf = (warmup: boolean | number | undefined): number => (warmup === false ? 0 : warmup === true || warmup === undefined ? 1 : warmup);

/**
 * Run `fn` `runs` times (after one warm-up, or `warmup` of them; none with false),
 * sampling RSS while it runs; `before` runs untimed ahead of each (a change the operation
 * must then take in).
 */
export async function measure(operation: string, runs: number, fn: () => unknown, options: { warmup?: boolean | number; before?: () => unknown } = {}): Promise<Measurement> {
  const [measured] = await timeInTurn([{ operation, fn, before: options.before }], runs, warmupsOf(options.warmup));
  return measured!;
}

/**
 * Baselines and our operation timed in turn (baseline, ours, baseline, ours …), so all
 * meet the same machine: a disk still writing back earlier work, a busy core or a cold
 * cache weighs on each alike, not on whichever happens to run last. One measurement per
 * operation, in the order given.
 */
export async function measureInTurn<T extends Timed[]>(operations: [...T], runs: number, options: { warmup?: boolean | number } = {}): Promise<{ [K in keyof T]: Measurement }> {
  return (await timeInTurn(operations, runs, warmupsOf(options.warmup))) as { [K in keyof T]: Measurement };
}

/** The ratio to a baseline of the same run; the target (bench/targets.ts) judges it. */
export function withRatio(measurement: Measurement, baseline: Measurement, kind: 'time' | 'throughput'): Measurement {
  const ratio = kind === 'time' ? measurement.medianMs / baseline.medianMs : baseline.medianMs / measurement.medianMs;
  return { ...measurement, ratio, ratioLabel: kind === 'time' ? '× waktu baku' : '× throughput baku' };
}

/** Median and p95 of times measured elsewhere (per workbook, per CLI call, in a page). */
export function summarize(operation: string, times: number[], peakRssMb = process.memoryUsage.rss() / 1024 / 1024): Measurement {
  const sorted = [...times].sort((a, b) => a - b);
  return { operation, runs: times.length, medianMs: percentile(sorted, 50), p95Ms: percentile(sorted, 95), peakRssMb };
}

const fmt = (value: number): string => value.toFixed(value < 10 ? 2 : 1);

/** One Markdown table — printed to the console and pasted into the README. */
export function renderTable(rows: Measurement[]): string {
  const header = '| Operasi | n | Median (ms) | p95 (ms) | RSS puncak (MB) | Rasio vs baku | Target | Status |';
  const line = '|---|---:|---:|---:|---:|---:|---|---|';
  const body = rows.map((row) =>
    [
      row.operation,
      row.runs,
      fmt(row.medianMs),
      fmt(row.p95Ms),
      row.peakRssMb.toFixed(0),
      row.ratio === undefined ? '–' : `${row.ratio.toFixed(2)} ${row.ratioLabel}`,
      row.target ?? '–',
      row.met === undefined ? (row.note ?? '') : row.met ? 'tercapai' : 'TIDAK tercapai',
    ].join(' | '),
  );
  return [header, line, ...body.map((cells) => `| ${cells} |`)].join('\n');
}
