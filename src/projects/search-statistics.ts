import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * How common each word of the search vector is, as PostgreSQL's ANALYZE last counted it
 * (`pg_stats.most_common_elems` of `project.search_tsv`: the share of projects containing each
 * frequent lexeme). A lexeme not in the list is rarer than the rarest one listed (`floor`).
 */
export interface LexemeFrequencies {
  byLexeme: ReadonlyMap<string, number>;
  floor: number;
}

/**
 * At most which share of the projects a `websearch_to_tsquery('simple', q)` search can match: every
 * required word must be in a match, so the share is at most the rarest required word's. Undefined
 * when the words cannot bound it: an `or`, or no required word (only negated ones).
 *
 * The words are cut as the 'simple' configuration roughly does (lower case, letters and digits);
 * a word cut differently from PostgreSQL only makes the bound smaller than it should be, which
 * costs time (the index is read rather than the walk), never a wrong answer.
 */
export function matchShareBound(q: string, stats: LexemeFrequencies): number | undefined {
  const required: string[] = [];
  // Quoted phrases (all their words required) and bare words; a leading '-' negates either.
  for (const [, negated, phrase, word] of q.matchAll(/(-?)(?:"([^"]*)"?|(\S+))/g)) {
    const text = phrase ?? word;
    if (phrase === undefined && text.toLowerCase() === 'or') return undefined;
    if (negated) continue;
    required.push(
      ...text
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean),
    );
  }
  if (required.length === 0) return undefined;
  return Math.min(...required.map((w) => stats.byLexeme.get(w) ?? stats.floor));
}

/**
 * Whether a walk of `walkRows` projects may hold more than `pageRows` matches of `q`. True when
 * the counts cannot tell (never analyzed yet, an `or`): the walk is tried, as without them.
 */
export function walkMayFill(stats: LexemeFrequencies | null, q: string, walkRows: number, pageRows: number): boolean {
  const share = stats ? matchShareBound(q, stats) : undefined;
  return share === undefined || walkRows * share > pageRows;
}

/** The pg_stats row readLexemeFrequencies reads. */
export interface LexemeCountsRow {
  elems: string[] | null;
  freqs: number[] | null;
}

/** PostgreSQL's counts for `project.search_tsv` (null: never analyzed), through any query function. */
export async function readLexemeFrequencies(query: (sql: string) => Promise<LexemeCountsRow[]>): Promise<LexemeFrequencies | null> {
  const [row] = await query(
    `SELECT most_common_elems::text::text[] AS elems, most_common_elem_freqs AS freqs
     FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'project' AND attname = 'search_tsv'`,
  );
  if (!row?.elems?.length || !row.freqs) return null;
  // most_common_elem_freqs holds one share per element, then the minimum, maximum and null shares.
  const shares = row.freqs.slice(0, row.elems.length);
  return { byLexeme: new Map(row.elems.map((e, i) => [e, shares[i]])), floor: Math.min(...shares) };
}

/** How long PostgreSQL's counts are reused before they are read again (ANALYZE refreshes them). */
const REFRESH_AFTER_MS = 10 * 60_000;

/**
 * PostgreSQL's own word counts for the project search, read from `pg_stats` at most every ten
 * minutes per instance (no table of ours, nothing to keep in step). A search uses them to skip its
 * bounded walk of the newest projects when the walk cannot fill a page (ProjectViews.list,
 * docs/performance.md §5).
 */
@Injectable()
export class SearchStatistics {
  private readonly logger = new Logger(SearchStatistics.name);
  private value: LexemeFrequencies | null = null;
  private readAt = -Infinity;
  private reading?: Promise<void>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** walkMayFill with the counts read last. */
  async walkMayFill(q: string, walkRows: number, pageRows: number): Promise<boolean> {
    return walkMayFill(await this.frequencies(), q, walkRows, pageRows);
  }

  /** The counts; the first call waits for them, later ones get the last read while a newer one loads. */
  async frequencies(): Promise<LexemeFrequencies | null> {
    if (performance.now() - this.readAt > REFRESH_AFTER_MS) {
      this.reading ??= this.read().finally(() => (this.reading = undefined));
      if (this.readAt === -Infinity) await this.reading;
    }
    return this.value;
  }

  private async read(): Promise<void> {
    try {
      this.value = await readLexemeFrequencies((sql) => this.dataSource.query(sql));
    } catch (error) {
      // Without counts every search walks first, as it did before: slower for rare words, same answer.
      this.logger.warn(`search statistics unavailable: ${(error as Error).message}`);
      this.value = null;
    }
    this.readAt = performance.now();
  }
}
