import { createWriteStream, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { errors, heapBound, IpregionError } from '../../core/index.js';
import type { Store } from '../../store/index.js';
import { RegistryWriter, type WriteItem, type WriteOutcome } from '../writer.js';
import { type CheckedItem, checkAll } from './check.js';
import { readerFor } from './detect.js';
import { ReadingThread } from './parallel.js';
import { FORMATS, type FormatName, type Position } from './types.js';
import type { DeriveIn } from './worker.js';

export interface Reject {
  file: string;
  line?: number;
  offset?: number;
  reason: string;
  excerpt?: string;
}

export interface FileSummary {
  file: string;
  format: FormatName | 'generated' | 'unknown';
  accepted: number;
  unchanged: number;
  rejected: number;
}

export interface IngestSummary {
  runId: number;
  files: FileSummary[];
  accepted: number;
  unchanged: number;
  rejected: number;
  /** The first rejects (all of them are in the report file and the database). */
  rejects: Reject[];
  rejectReport: string | null;
  seconds: number;
}

export interface IngestProgress {
  file: string;
  records: number;
  /** How far through the input: bytes (files) or records (generated), of `total`. */
  done: number;
  total: number;
}

export interface IngestOptions {
  format?: FormatName;
  batchSize?: number;
  /** Where to write every reject as JSON Lines; default `data/rejects/run-<id>.jsonl` when there are rejects. */
  rejectReport?: string;
  onProgress?: (p: IngestProgress) => void;
  /** Read and check files in a worker thread while writing (default true). */
  parallel?: boolean;
  /** Benchmarks only: leave the statistics structure out of date, to measure what it costs. */
  skipStatistics?: boolean;
  /**
   * Tests and benchmarks: which thread of a parallel ingest checks rights and derives their keys and
   * contributions (default `balanced`: the reader while batches queue for the writer, else the writer).
   */
  derive?: DeriveIn;
}

const MAX_REJECTS_IN_SUMMARY = 1000;

/**
 * Loads files into the registry. A malformed record is rejected (with file, line or byte offset and
 * reason) and the rest loads; batches are transactions, so a crash leaves the database consistent
 * and running the same ingest again completes it without duplicating anything.
 */
export async function ingestFiles(
  store: Store,
  files: string[],
  options: IngestOptions = {},
): Promise<IngestSummary> {
  for (const f of files) {
    if (!statSync(f, { throwIfNoEntry: false })?.isFile()) throw errors.fileNotFound(f);
  }
  const sources: Source[] = [];
  const statistics = options.skipStatistics !== true;
  const thread = new ReadingThread();
  for (const file of files) {
    const reader = await readerFor(file, options.format).catch((e: unknown) => {
      // A file of an unknown format is rejected whole; the other files still load.
      if (e instanceof IpregionError && e.code === 'unknown_format') return null;
      throw e;
    });
    const format = reader?.format ?? 'unknown';
    sources.push({
      name: file,
      format,
      bytesTotal: statSync(file).size,
      items: () => {
        if (!reader) return [unknownFormat(file)];
        return options.parallel === false
          ? checkAll(reader.read(file), statistics)
          : thread.read(file, reader.format, statistics, options.derive);
      },
    });
  }
  if (options.parallel !== false) {
    // The reading thread starts now, on the files in order: each is read while the one before is written.
    for (const { name, format } of sources) {
      if (format !== 'unknown' && format !== 'generated')
        thread.ahead(name, format, statistics, options.derive);
    }
  }
  try {
    return await ingestSources(store, sources, options);
  } finally {
    await thread.close();
  }
}

function unknownFormat(file: string): CheckedItem {
  return {
    reject: `${file}: the format was not recognised (formats: ${FORMATS.join(', ')}; see docs/formats.md, or give --format)`,
    position: { offset: 0 },
  };
}

/** A stream of records from somewhere other than a file (the demo generator). */
export interface Source {
  name: string;
  format: FormatName | 'generated' | 'unknown';
  /** For progress: the size of the input, or the number of records expected. */
  bytesTotal: number;
  items: () => AsyncIterable<CheckedItem> | Iterable<CheckedItem>;
}

/** Loads record streams as one ingest run, with the same checks, batching and reject report as files. */
export async function ingestSources(
  store: Store,
  sources: Source[],
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const started = Date.now();
  const run = await store.db
    .insertInto('ingest_runs')
    .values({
      started_at: new Date().toISOString(),
      status: 'running',
      files: JSON.stringify(sources.map((s) => s.name)),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rejects = new RejectLog(store, run.id, options.rejectReport);
  const writer = new RegistryWriter(store, { skipStatistics: options.skipStatistics === true });
  const summaries: FileSummary[] = [];
  // One bound for the whole run: a bound per file would collect once per file of a many-file run.
  const heap = heapBound(HEAP_BOUND_MB);
  try {
    for (const source of sources) {
      const summary: FileSummary = {
        file: source.name,
        format: source.format,
        accepted: 0,
        unchanged: 0,
        rejected: 0,
      };
      summaries.push(summary);
      await loadItems(source, writer, rejects, summary, heap, options);
    }
    await writer.finish();
  } finally {
    await rejects.close();
  }
  const total = (k: 'accepted' | 'unchanged' | 'rejected') => summaries.reduce((s, f) => s + f[k], 0);
  await store.db
    .updateTable('ingest_runs')
    .set({
      finished_at: new Date().toISOString(),
      status: 'done',
      accepted: total('accepted'),
      unchanged: total('unchanged'),
      rejected: total('rejected'),
    })
    .where('id', '=', run.id)
    .execute();
  return {
    runId: run.id,
    files: summaries,
    accepted: total('accepted'),
    unchanged: total('unchanged'),
    rejected: total('rejected'),
    rejects: rejects.first,
    rejectReport: rejects.reportPath,
    seconds: (Date.now() - started) / 1000,
  };
}

/** The writing thread's heap bound during an ingest (see `heapBound`): part of the ingest's 400 MB. */
const HEAP_BOUND_MB = 112;

async function loadItems(
  source: Source,
  writer: RegistryWriter,
  rejects: RejectLog,
  summary: FileSummary,
  heap: ReturnType<typeof heapBound>,
  options: IngestOptions,
): Promise<void> {
  const batchSize = options.batchSize ?? 1000;
  const { name: file, bytesTotal } = source;
  let batch: Array<{ item: WriteItem; position: Position }> = [];
  let records = 0;
  let done = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const outcomes = await writeIsolating(
      writer,
      batch.map((b) => b.item),
    );
    for (const [i, o] of outcomes.entries()) {
      if (o === 'accepted') summary.accepted += 1;
      else if (o === 'unchanged') summary.unchanged += 1;
      else {
        summary.rejected += 1;
        await rejects.add({ file, ...batch[i]!.position, reason: o.reject });
      }
    }
    records += batch.length;
    batch = [];
    heap.check();
    options.onProgress?.({ file, records, done, total: bytesTotal });
  };
  for await (const checked of source.items()) {
    if ('reject' in checked) {
      summary.rejected += 1;
      await rejects.add({
        file,
        ...checked.position,
        reason: checked.reject,
        ...(checked.excerpt ? { excerpt: checked.excerpt } : {}),
      });
      continue;
    }
    done = checked.position.offset ?? done;
    batch.push({ item: checked.item, position: checked.position });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
}

/** Writes a batch; if the database refuses it, writes record by record so only the bad one is rejected. */
async function writeIsolating(writer: RegistryWriter, items: WriteItem[]): Promise<WriteOutcome[]> {
  try {
    return await writer.write(items);
  } catch (batchError) {
    if (items.length === 1)
      return [{ reject: `database refused the record: ${(batchError as Error).message}` }];
    const out: WriteOutcome[] = [];
    for (const item of items) out.push(...(await writeIsolating(writer, [item])));
    return out;
  }
}

class RejectLog {
  readonly first: Reject[] = [];
  reportPath: string | null = null;
  private stream: ReturnType<typeof createWriteStream> | null = null;
  private pending: Reject[] = [];

  constructor(
    private readonly store: Store,
    private readonly runId: number,
    private readonly requestedPath: string | undefined,
  ) {}

  async add(r: Reject): Promise<void> {
    if (this.first.length < MAX_REJECTS_IN_SUMMARY) this.first.push(r);
    if (!this.stream) {
      this.reportPath = this.requestedPath ?? `data/rejects/run-${this.runId}.jsonl`;
      mkdirSync(dirname(this.reportPath), { recursive: true });
      this.stream = createWriteStream(this.reportPath);
    }
    this.stream.write(`${JSON.stringify(r)}\n`);
    this.pending.push(r);
    if (this.pending.length >= 500) await this.flush();
  }

  private async flush(): Promise<void> {
    const rows = this.pending.splice(0).map((r) => ({
      run_id: this.runId,
      file: r.file,
      line: r.line ?? null,
      byte_offset: r.offset ?? null,
      reason: r.reason.slice(0, 2000),
      excerpt: r.excerpt?.slice(0, 500) ?? null,
    }));
    if (rows.length > 0) await this.store.db.insertInto('ingest_rejects').values(rows).execute();
  }

  async close(): Promise<void> {
    await this.flush();
    const s = this.stream;
    if (s) await new Promise<void>((resolve) => s.end(resolve));
  }
}
