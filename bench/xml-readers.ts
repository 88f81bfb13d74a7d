import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SaxesParser } from 'saxes';
import {
  opsBiblioReader,
  opsLegalReader,
  usptoGrantReader,
  usptoTrademarkReader,
} from '../src/registry/ingest/readers/index.js';
import type { FormatReader } from '../src/registry/ingest/types.js';
import { samplePath } from '../test/fixtures.js';
import { type BenchFigure, printFigures, rssSampler } from './report.js';

export interface XmlBenchOptions {
  /** USPTO grant documents in the concatenated bulk file (default 20,000: ~800 MB). */
  grants?: number;
  /** Case files in the trademark daily file (default 20,000: ~330 MB). */
  caseFiles?: number;
  /** OPS exchange documents, and OPS legal-status family members (default 20,000 each). */
  opsDocuments?: number;
}

/**
 * Documents per second and peak memory of the USPTO readers on large files built from the samples,
 * beside a baseline measured in the same run: saxes reading every byte of the same file, one parser
 * per document, building nothing — what a plain saxes-based reader pays at least.
 */
export async function benchXmlReaders(opts: XmlBenchOptions = {}): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ipregion-xml-bench-'));
  try {
    const grantFile = join(dir, 'grants.xml');
    await writeGrantFile(grantFile, opts.grants ?? 20_000);
    const tmFile = join(dir, 'trademarks.xml');
    await writeTrademarkFile(tmFile, opts.caseFiles ?? 20_000);
    const biblioFile = join(dir, 'ops-biblio.xml');
    await writeOpsBiblioFile(biblioFile, opts.opsDocuments ?? 20_000);
    const legalFile = join(dir, 'ops-legal.xml');
    await writeOpsLegalFile(legalFile, opts.opsDocuments ?? 20_000);
    return [
      ...(await measure('xml-readers uspto-grant', usptoGrantReader, grantFile, 'us-patent-grant')),
      ...(await measure('xml-readers uspto-trademark', usptoTrademarkReader, tmFile, 'case-file')),
      ...(await measure('xml-readers ops-biblio', opsBiblioReader, biblioFile, 'exchange-document')),
      ...(await measure('xml-readers ops-legal', opsLegalReader, legalFile, 'ops:family-member')),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Each side reads the file twice and the second pass is the figure: the first warms the JIT and the
 * page cache (it is given in the note, since a one-off ingest pays it).
 */
async function measure(
  bench: string,
  reader: FormatReader,
  file: string,
  record: string,
): Promise<BenchFigure[]> {
  await timed(() => bareSaxes(file, record));
  const baseline = await timed(() => bareSaxes(file, record));
  const before = process.memoryUsage().rss / 1024 / 1024;
  const rss = rssSampler();
  const read = async () => {
    let n = 0;
    for await (const item of reader.read(file)) {
      if (item.type === 'reject') throw new Error(`unexpected reject: ${item.reason}`);
      n += 1;
    }
    return n;
  };
  const first = await timed(read);
  const ours = await timed(read);
  const peak = rss.stop();
  const common = { bench, baselineName: 'saxes over every byte, no tree' };
  const rate = (t: { count: number; seconds: number }) => t.count / t.seconds;
  return [
    {
      ...common,
      metric: 'documents/s',
      unit: 'docs/s',
      ours: rate(ours),
      baseline: rate(baseline),
      target: 10_000,
      better: 'higher',
      note: `${ours.count} documents in ${ours.seconds.toFixed(1)} s; first (cold) pass ${Math.round(rate(first))} docs/s`,
    },
    {
      ...common,
      // The bench process has run other benches before: what reading adds is the reader's own memory.
      metric: 'RSS growth while reading',
      unit: 'MB',
      ours: peak - before,
      baseline: null,
      target: 100,
      better: 'lower',
      note: `peak ${Math.round(peak)} MB from ${Math.round(before)} MB before reading a ${Math.round(statSync(file).size / 1024 / 1024)} MB file`,
    },
  ];
}

async function timed(run: () => Promise<number>): Promise<{ count: number; seconds: number }> {
  const t = performance.now();
  const count = await run();
  return { count, seconds: (performance.now() - t) / 1000 };
}

/** The baseline: every byte through saxes, a fresh parser at each `<?xml`, counting record elements. */
async function bareSaxes(file: string, record: string): Promise<number> {
  let count = 0;
  let parser: SaxesParser | null = null;
  const open = () => {
    const p = new SaxesParser();
    p.on('opentag', (tag) => {
      if (tag.name === record) count += 1;
    });
    return p;
  };
  let carry = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = carry + (chunk as string);
    // A declaration cut between chunks waits for the next one.
    const lt = text.lastIndexOf('<');
    const cut = lt >= 0 && text.length - lt < 6 ? lt : text.length;
    carry = text.slice(cut);
    const docs = text.slice(0, cut).split(/(?=<\?xml\s)/);
    for (const [i, part] of docs.entries()) {
      if (i > 0 || !parser) {
        parser?.close();
        parser = open();
      }
      parser.write(part);
    }
  }
  parser?.write(carry).close();
  return count;
}

/** The grant sample repeated with distinct numbers, as in a weekly bulk file. */
export async function writeGrantFile(file: string, n: number): Promise<void> {
  const sample = readFileSync(samplePath('uspto_grant_v45_US08930553.xml'), 'utf8');
  await writeAll(file, n, (i) =>
    sample
      .replaceAll('08930553', String(8_930_553 + i).padStart(8, '0'))
      .replaceAll('13648029', String(13_648_029 + i)),
  );
}

/** The case-file sample repeated inside a daily file's wrapping elements. */
export async function writeTrademarkFile(file: string, n: number): Promise<void> {
  const sample = readFileSync(samplePath('uspto_tm_daily_casefile_98423838_registered.xml'), 'utf8');
  const head =
    '<?xml version="1.0" encoding="UTF-8"?>\n<trademark-applications-daily>\n<version><version-no>2.0</version-no>' +
    '<version-date>20120321</version-date></version>\n<application-information><file-segments>' +
    '<file-segment>TRMK</file-segment><action-keys><action-key>00</action-key>\n';
  const tail = '</action-keys></file-segments></application-information>\n</trademark-applications-daily>\n';
  await writeAll(file, n, (i) => sample.replace('98423838', String(90_000_000 + i)), head, tail);
}

/** The element `name` of a sample, with what comes before and after it (an OPS response's wrapping). */
function splitSample(sample: string, name: string): { head: string; element: string; tail: string } {
  const start = sample.indexOf(`<${name} `);
  const close = `</${name}>`;
  const end = sample.indexOf(close, start) + close.length;
  if (start < 0 || end < close.length) throw new Error(`the sample has no <${name}>`);
  return { head: sample.slice(0, start), element: sample.slice(start, end), tail: sample.slice(end) };
}

/**
 * An OPS bibliographic response holding `n` exchange documents: the two real samples (a Chinese
 * application, an EP grant) in turn, each with distinct publication and application numbers.
 */
export async function writeOpsBiblioFile(file: string, n: number): Promise<void> {
  const cn = splitSample(
    readFileSync(samplePath('epo_ops_biblio_CN104968889A.xml'), 'utf8'),
    'exchange-document',
  );
  const ep = splitSample(
    readFileSync(samplePath('epo_ops_biblio_EP1000000.xml'), 'utf8'),
    'exchange-document',
  );
  await writeAll(
    file,
    n,
    (i) =>
      i % 2 === 0
        ? cn.element
            .replaceAll('104968889', String(104_968_889 + i))
            .replaceAll('201380062258', String(201_380_062_258 + i))
            .replaceAll('2013800622588', String(2_013_800_622_588 + i * 10))
            .replaceAll('CN20138062258', `CN${20_138_062_258 + i}`)
        : ep.element
            .replaceAll('1000000', String(1_000_000 + i))
            .replaceAll('99203729', String(99_203_729 + i))
            .replaceAll('EP19990203729', `EP1999${String(203_729 + i).padStart(7, '0')}`),
    cn.head,
    cn.tail,
  );
}

/** An OPS legal-status response with `n` family members, each the real EP1000000 member (50 events) renumbered. */
export async function writeOpsLegalFile(file: string, n: number): Promise<void> {
  const sample = splitSample(
    readFileSync(samplePath('epo_ops_legal_EP1000000.xml'), 'utf8'),
    'ops:family-member',
  );
  await writeAll(
    file,
    n,
    (i) =>
      sample.element
        .replaceAll('1000000', String(1_000_000 + i))
        .replaceAll('99203729', String(99_203_729 + i)),
    sample.head,
    sample.tail,
  );
}

async function writeAll(
  file: string,
  n: number,
  doc: (i: number) => string,
  head = '',
  tail = '',
): Promise<void> {
  const out = createWriteStream(file);
  out.write(head);
  for (let i = 0; i < n; i++) {
    if (!out.write(doc(i))) await once(out, 'drain');
  }
  out.end(tail);
  await once(out, 'finish');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printFigures(await benchXmlReaders());
}
