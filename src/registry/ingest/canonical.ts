import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse as parseCsv } from 'csv-parse';
import type { RightRecord } from '../../core/index.js';
import { recordProblems } from '../validate.js';
import { fastRight } from './canonical-fast.js';
import {
  describeIssues,
  eventLineSchema,
  holderSchema,
  rightSchema,
  toEventsForRight,
  toRightRecord,
} from './canonical-schema.js';
import type { FormatReader, ReaderItem } from './types.js';

const EXCERPT = 200;

/** Canonical JSON Lines: one right (`"record":"right"`, the default) or one event (`"record":"event"`) per line. */
export const canonicalJsonlReader: FormatReader = {
  format: 'canonical-jsonl',
  detect(head) {
    const first =
      head
        .split('\n')
        .find((l) => l.trim().length > 0)
        ?.trim() ?? '';
    return first.startsWith('{') && /"(record|applicationNumber|kind)"\s*:/.test(first);
  },
  async *read(file) {
    const lines = createInterface({
      input: createReadStream(file, { encoding: 'utf8' }),
      crlfDelay: Infinity,
    });
    let line = 0;
    let offset = 0;
    for await (const text of lines) {
      line += 1;
      const start = offset;
      offset += Buffer.byteLength(text) + 1;
      if (!text.trim()) continue;
      const item = parseJsonLine(text, line);
      item.position.offset = start;
      yield item;
    }
  },
};

export function parseJsonLine(text: string, line: number): ReaderItem {
  const position = { line };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return {
      type: 'reject',
      reason: `not valid JSON: ${(e as Error).message}`,
      position,
      excerpt: text.slice(0, EXCERPT),
    };
  }
  const isEvent =
    typeof value === 'object' && value !== null && (value as { record?: unknown }).record === 'event';
  if (isEvent) {
    const parsed = eventLineSchema.safeParse(value);
    if (!parsed.success) return reject(describeIssues(parsed.error), line, text);
    const events = toEventsForRight(parsed.data);
    return typeof events === 'string' ? reject(events, line, text) : { type: 'events', events, position };
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const fast = fastRight(value as Record<string, unknown>);
    if (fast !== null) {
      if (typeof fast === 'string') return reject(fast, line, text);
      const problems = recordProblems(fast);
      return problems.length > 0
        ? reject(problems.join('; '), line, text)
        : { type: 'right', record: fast, position };
    }
  }
  const parsed = rightSchema.safeParse(value);
  if (!parsed.success) return reject(describeIssues(parsed.error), line, text);
  const record = toRightRecord(parsed.data);
  return typeof record === 'string' ? reject(record, line, text) : { type: 'right', record, position };
}

function reject(reason: string, line: number, text: string): ReaderItem {
  return { type: 'reject', reason, position: { line }, excerpt: text.slice(0, EXCERPT) };
}

const CSV_COLUMNS = ['office', 'kind', 'applicationNumber'];
const LIST = /\s*;\s*/;

/**
 * Canonical CSV: a simple list of rights, one per row, with a header. Lists (ipc, locarno, nice,
 * holders, holderTypes, holderRegions) are separated by semicolons; events go in JSON Lines.
 */
export const canonicalCsvReader: FormatReader = {
  format: 'canonical-csv',
  detect(head) {
    const header = head.split('\n')[0]?.replace(/^\uFEFF/, '') ?? '';
    const cols = header.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
    return CSV_COLUMNS.every((c) => cols.includes(c));
  },
  async *read(file) {
    const parser = createReadStream(file).pipe(
      parseCsv({ columns: true, bom: true, info: true, relax_column_count: true, skip_empty_lines: true }),
    );
    try {
      for await (const row of parser as AsyncIterable<{
        record: Record<string, string>;
        info: { lines: number };
      }>) {
        yield csvRow(row.record, row.info.lines);
      }
    } catch (e) {
      // A broken quote makes the rest of the file unreadable as CSV: say where it broke.
      const err = e as Error & { lines?: number };
      yield {
        type: 'reject',
        reason: `CSV cannot be read on from here: ${err.message}`,
        position: { line: err.lines ?? 0 },
      };
    }
  },
};

function csvRow(row: Record<string, string>, line: number): ReaderItem {
  const list = (k: string) => (row[k]?.trim() ? row[k]!.split(LIST).map((s) => s.trim()) : []);
  const text = JSON.stringify(row);
  const names = list('holders');
  const types = list('holderTypes');
  const regions = list('holderRegions');
  const holders = names.map((name, i) => ({
    name,
    ...(types[i] ? { type: types[i] } : {}),
    ...(regions[i] ? { regionCode: regions[i] } : {}),
    country: row.holderCountry?.trim() || null,
  }));
  for (const h of holders) {
    const parsed = holderSchema.safeParse(h);
    if (!parsed.success) return reject(`holders: ${describeIssues(parsed.error)}`, line, text);
  }
  const nice = list('nice').map(Number);
  const empty = (k: string) => (row[k]?.trim() ? row[k]!.trim() : null);
  const parsed = rightSchema.safeParse({
    office: row.office?.trim(),
    kind: row.kind?.trim(),
    applicationNumber: row.applicationNumber,
    publicationNumber: empty('publicationNumber'),
    grantNumber: empty('grantNumber'),
    filingDate: empty('filingDate'),
    publicationDate: empty('publicationDate'),
    grantDate: empty('grantDate'),
    title: empty('title'),
    abstract: empty('abstract'),
    ipc: list('ipc'),
    locarno: list('locarno'),
    nice,
    holders,
  });
  if (!parsed.success) return reject(describeIssues(parsed.error), line, text);
  const record = toRightRecord(parsed.data);
  return typeof record === 'string'
    ? reject(record, line, text)
    : { type: 'right', record, position: { line } };
}

/** A right as one canonical JSON line (the inverse of the reader). */
export function toCanonicalLine(r: RightRecord): string {
  return JSON.stringify({ record: 'right', ...r });
}
