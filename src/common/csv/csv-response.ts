import { applyDecorators } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { once } from 'node:events';
import { type CsvCell, csvLine } from './csv';

/** True when the client asked for CSV (API.md: "any list as CSV with Accept: text/csv"). */
export function wantsCsv(req: Request): boolean {
  return /\btext\/csv\b/i.test(req.headers.accept ?? '');
}

/** Documents that a route answers JSON, or CSV when asked with `Accept: text/csv`. */
export function ApiCsv(): MethodDecorator {
  return applyDecorators(ApiProduces('application/json', 'text/csv'));
}

/**
 * Streams a CSV download: the header line, then each batch of rows as it comes (the caller pages
 * through the database), honouring back-pressure so a large export never sits in memory.
 */
export async function streamCsv(
  res: Response,
  filename: string,
  header: readonly string[],
  batches: AsyncIterable<readonly CsvCell[][]> | Iterable<readonly CsvCell[][]>,
): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
  res.write(csvLine(header));
  for await (const rows of batches) {
    const chunk = rows.map(csvLine).join('');
    if (chunk && !res.write(chunk)) await once(res, 'drain');
  }
  res.end();
}
