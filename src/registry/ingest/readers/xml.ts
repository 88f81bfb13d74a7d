import { type FileHandle, open } from 'node:fs/promises';
import { errors } from '../../../core/index.js';
import type { XmlItem } from './xml-doc.js';
import { XmlScanner } from './xml-scan.js';

export type { XmlItem } from './xml-doc.js';

export interface XmlReadOptions {
  /** Local names of the record elements; one tree is built per record, one record at a time. */
  records: readonly string[];
  /** Local names of elements inside records whose subtrees the reader does not need. */
  ignore?: readonly string[];
  /**
   * Elements cut out before the parser sees them, by a byte search for `<name` … `</name>`.
   * This is for the bulk of a document that ipregion does not store (a USPTO patent's description,
   * claims and citations are ~90% of its bytes): skipping them is what makes bulk files fast. The price
   * is that malformed markup inside a skipped element goes unnoticed; a document that ends inside one
   * is still rejected. The elements must not contain an element of their own name, and the search
   * assumes no `<name` inside comments or CDATA sections, which holds for the USPTO files.
   */
  skipUnparsed?: readonly string[];
  /**
   * Elements from whose start tag the rest of the root element is cut out unparsed (its end tag is
   * kept): for documents whose useful part comes first, it saves looking for each later element.
   */
  skipTail?: readonly string[];
  /** Limits that keep one record's tree small (defaults: 200,000 elements, 16 Mi characters). */
  maxElements?: number;
  maxChars?: number;
  /** Bytes read at a time (default 1 MiB); tests use tiny chunks to exercise the boundaries. */
  chunkSize?: number;
}

/**
 * Streams the record elements of an XML file. A file may hold one document or many concatenated
 * ones (USPTO bulk files repeat `<?xml …?>` + DOCTYPE thousands of times); each document gets a fresh
 * parser, so a malformed one yields a `malformed` item with its byte offset and the rest still load.
 * Memory holds one chunk and one record tree, whatever the file size. Throws only for I/O errors.
 */
export async function* readXml(file: string, options: XmlReadOptions): AsyncGenerator<XmlItem> {
  const scanner = new XmlScanner(
    {
      records: new Set(options.records),
      ignore: new Set(options.ignore ?? []),
      maxElements: options.maxElements ?? 200_000,
      maxChars: options.maxChars ?? 16 * 1024 * 1024,
    },
    { elements: options.skipUnparsed ?? [], tail: options.skipTail ?? [] },
  );
  for await (const { data, final } of chunks(file, options.chunkSize ?? 1024 * 1024, () => scanner.carried)) {
    yield* scanner.push(data, final);
  }
}

/** Room kept before each chunk for the bytes carried over from the previous one. */
const RESERVE = 64 * 1024;

/**
 * The file in chunks, each preceded by the bytes the scanner carried over, read into two buffers in
 * turn so that the next chunk is read while this one is parsed, and nothing but the carry is copied.
 */
async function* chunks(
  file: string,
  chunkSize: number,
  carried: () => Buffer,
): AsyncGenerator<{ data: Buffer; final: boolean }> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (e) {
    if (e instanceof Error && 'code' in e && e.code === 'ENOENT') throw errors.fileNotFound(file);
    throw e;
  }
  const buffers = [Buffer.allocUnsafe(RESERVE + chunkSize), Buffer.allocUnsafe(RESERVE + chunkSize)];
  let turn = 0;
  let next = handle.read(buffers[turn]!, RESERVE, chunkSize, null);
  try {
    for (;;) {
      const { bytesRead, buffer } = await next;
      const final = bytesRead === 0;
      if (!final) {
        turn = 1 - turn;
        next = handle.read(buffers[turn]!, RESERVE, chunkSize, null);
      }
      const carry = carried();
      if (carry.length <= RESERVE) {
        carry.copy(buffer, RESERVE - carry.length);
        yield { data: buffer.subarray(RESERVE - carry.length, RESERVE + bytesRead), final };
      } else {
        // A carry longer than the room (a tag or text run longer than 64 KiB) costs one copy.
        yield { data: Buffer.concat([carry, buffer.subarray(RESERVE, RESERVE + bytesRead)]), final };
      }
      if (final) return;
    }
  } finally {
    await next.catch(() => undefined);
    await handle.close();
  }
}
