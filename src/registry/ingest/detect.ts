import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { errors } from '../../core/index.js';
import { canonicalCsvReader, canonicalJsonlReader } from './canonical.js';
import { xmlReaders } from './readers/index.js';
import type { FormatName, FormatReader } from './types.js';

/** Every reader, most specific first: XML formats before the canonical ones. */
export const READERS: readonly FormatReader[] = [...xmlReaders, canonicalJsonlReader, canonicalCsvReader];

const HEAD_BYTES = 64 * 1024;

export async function readHead(file: string): Promise<string> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, 'r');
  } catch {
    throw errors.fileNotFound(file);
  }
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
}

/** The reader for a file: the one named, or the first whose detector recognises the file's first bytes. */
export async function readerFor(file: string, format?: FormatName): Promise<FormatReader> {
  if (format) {
    const named = READERS.find((r) => r.format === format);
    if (!named)
      throw errors.usage(`unknown format "${format}"; one of ${READERS.map((r) => r.format).join(', ')}`);
    return named;
  }
  const head = await readHead(file);
  const found = READERS.find((r) => r.detect(head, basename(file)));
  if (!found) throw errors.unknownFormat(file);
  return found;
}
