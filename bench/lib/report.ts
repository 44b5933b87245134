import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';

/** npm scripts run from the package root. */
export const RESULTS_DIR = resolve(process.env.BENCH_RESULTS_DIR ?? 'bench/results');

/** bench/results/<name>.json: the figures docs/performance.md quotes, with the command that made them. */
export function writeResult(name: string, data: object): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name}.json`);
  const machine = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, memGb: Math.round(totalmem() / 2 ** 30) };
  writeFileSync(file, JSON.stringify({ ...data, machine }, null, 2) + '\n');
  return file;
}

export function markdownTable(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}
