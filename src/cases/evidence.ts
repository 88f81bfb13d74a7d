import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { errors } from '../core/index.js';
import type { Store } from '../store/index.js';
import { type ActorRef, actorLabel, newId } from './actors.js';
import { appendAudit } from './audit.js';
import { caseErrors } from './errors.js';
import { casesDb, type EvidenceTable } from './tables.js';

/**
 * Evidence files: size- and type-limited, checked by their first bytes (a PDF must start like one),
 * stored content-addressed under a directory (`<dir>/<sha256[0..2]>/<sha256>`, so the same file
 * uploaded twice is kept once) with their SHA-256 in the database. Who may download is the routes'
 * question (see `canSeeCase`); this module only stores and opens.
 */
export const DEFAULT_EVIDENCE_DIR = 'data/evidence';
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];

interface TypeRule {
  extensions: readonly string[];
  /** Null: a text file (no signature; refused if it holds NUL bytes). */
  magic: readonly (readonly number[])[] | null;
}

export const EVIDENCE_TYPES: Record<string, TypeRule> = {
  'application/pdf': { extensions: ['.pdf'], magic: [[0x25, 0x50, 0x44, 0x46, 0x2d]] },
  'image/png': { extensions: ['.png'], magic: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
  'image/jpeg': { extensions: ['.jpg', '.jpeg'], magic: [[0xff, 0xd8, 0xff]] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    extensions: ['.docx'],
    magic: [ZIP],
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    extensions: ['.xlsx'],
    magic: [ZIP],
  },
  'application/zip': { extensions: ['.zip'], magic: [ZIP, EMPTY_ZIP] },
  'text/plain': { extensions: ['.txt'], magic: null },
};
const ALLOWED = Object.keys(EVIDENCE_TYPES);

export interface EvidenceUpload {
  fileName: string;
  mediaType: string;
  bytes: Buffer | Readable | AsyncIterable<Uint8Array>;
}

export interface Evidence {
  id: string;
  caseId: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

export interface EvidenceOptions {
  dir?: string;
  maxBytes?: number;
}

/** An evidence row as the module presents it (the storage path stays inside). */
export function presentEvidenceRow(r: Omit<EvidenceTable, 'storage_path'>): Evidence {
  return {
    id: r.id,
    caseId: r.case_id,
    fileName: r.file_name,
    mediaType: r.media_type,
    size: r.size,
    sha256: r.sha256,
    uploadedBy: r.uploaded_by,
    uploadedAt: r.uploaded_at,
  };
}

/** A file name as given, reduced to a safe base name (no directories, no control characters). */
export function safeFileName(name: string): string {
  const base = basename(String(name).replace(/\\/g, '/'))
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  if (!base || base === '.' || base === '..') throw errors.invalidInput('the evidence file needs a name');
  return base.slice(-200);
}

/** Checks the type (declared, by extension and by first bytes), streams to a temporary file while hashing, then files it. */
export async function addEvidence(
  store: Store,
  caseId: string,
  upload: EvidenceUpload,
  actor: ActorRef,
  options: EvidenceOptions = {},
): Promise<Evidence> {
  const dir = options.dir ?? DEFAULT_EVIDENCE_DIR;
  const maxBytes = options.maxBytes ?? MAX_EVIDENCE_BYTES;
  const fileName = safeFileName(upload.fileName);
  const mediaType = upload.mediaType.split(';')[0]!.trim().toLowerCase();
  const rule = EVIDENCE_TYPES[mediaType];
  if (!rule) throw caseErrors.unsupportedMediaType(mediaType, ALLOWED);
  if (!rule.extensions.some((ext) => fileName.toLowerCase().endsWith(ext))) {
    throw caseErrors.contentMismatch(fileName, mediaType);
  }
  const exists = await casesDb(store)
    .selectFrom('cases')
    .select('id')
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!exists) throw errors.notFound('case', caseId);

  await mkdir(join(dir, 'tmp'), { recursive: true });
  const tmp = join(dir, 'tmp', randomUUID());
  let stored: { size: number; sha256: string };
  try {
    stored = await receive(upload.bytes, tmp, maxBytes, fileName, mediaType, rule);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  const relative = join(stored.sha256.slice(0, 2), stored.sha256);
  await mkdir(join(dir, stored.sha256.slice(0, 2)), { recursive: true });
  // Same content, same name: an existing copy is simply replaced by an identical one.
  await rename(tmp, join(dir, relative));

  const row: EvidenceTable = {
    id: newId(),
    case_id: caseId,
    file_name: fileName,
    media_type: mediaType,
    size: stored.size,
    sha256: stored.sha256,
    storage_path: relative.split('\\').join('/'),
    uploaded_by: actorLabel(actor),
    uploaded_at: new Date().toISOString(),
  };
  await casesDb(store)
    .transaction()
    .execute(async (trx) => {
      await trx.insertInto('evidence').values(row).execute();
      await appendAudit(trx, [
        {
          actor: row.uploaded_by,
          ip: actor.ip ?? null,
          entity: 'case',
          entityId: caseId,
          action: 'add_evidence',
          after: { evidence: row.id, fileName, mediaType, size: row.size, sha256: row.sha256 },
        },
      ]);
    });
  return presentEvidenceRow(row);
}

async function receive(
  bytes: EvidenceUpload['bytes'],
  tmp: string,
  maxBytes: number,
  fileName: string,
  mediaType: string,
  rule: TypeRule,
): Promise<{ size: number; sha256: string }> {
  const source = Buffer.isBuffer(bytes) ? Readable.from([bytes]) : bytes;
  const hash = createHash('sha256');
  const file = await open(tmp, 'wx');
  let size = 0;
  let head = Buffer.alloc(0);
  try {
    for await (const chunk of source) {
      const buf = Buffer.from(chunk);
      size += buf.length;
      if (size > maxBytes) throw caseErrors.evidenceTooLarge(size, maxBytes);
      if (head.length < 8) head = Buffer.concat([head, buf.subarray(0, 8 - head.length)]);
      if (rule.magic === null && buf.includes(0)) throw caseErrors.contentMismatch(fileName, mediaType);
      hash.update(buf);
      await file.write(buf);
    }
  } finally {
    await file.close();
  }
  if (size === 0) throw errors.invalidInput(`${fileName} is empty`);
  if (rule.magic && !rule.magic.some((m) => m.every((b, i) => head[i] === b))) {
    throw caseErrors.contentMismatch(fileName, mediaType);
  }
  return { size, sha256: hash.digest('hex') };
}

export async function listEvidence(store: Store, caseId: string): Promise<Evidence[]> {
  const rows = await casesDb(store)
    .selectFrom('evidence')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  return rows.map(presentEvidenceRow);
}

/** An evidence file's metadata and a stream of its bytes (after checking the stored file is still whole). */
export async function openEvidence(
  store: Store,
  evidenceId: string,
  options: Pick<EvidenceOptions, 'dir'> = {},
): Promise<{ evidence: Evidence; stream: ReadStream }> {
  const row = await casesDb(store)
    .selectFrom('evidence')
    .selectAll()
    .where('id', '=', evidenceId)
    .executeTakeFirst();
  if (!row) throw errors.notFound('evidence', evidenceId);
  const path = join(options.dir ?? DEFAULT_EVIDENCE_DIR, row.storage_path);
  const info = await stat(path).catch(() => null);
  if (!info || info.size !== row.size) {
    throw errors.database(`evidence ${evidenceId}: the stored file is missing or not the size recorded`);
  }
  return { evidence: presentEvidenceRow(row), stream: createReadStream(path) };
}
