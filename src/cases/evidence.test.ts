import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeEachEngine, freshStore } from '../../test/engines.js';
import { addEvidence, auditOf, canSeeCase, listEvidence, openEvidence, verifyAudit } from './index.js';
import { applicant, failure, registeredEnterprise, seedCase, seedCenter } from './test-factories.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describeEachEngine('evidence files', (engine) => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  let dir: string;
  let caseId: string;
  beforeEach(async () => {
    store = await freshStore(engine);
    dir = mkdtempSync(join(tmpdir(), 'ipregion-evidence-'));
    await seedCenter(store);
    const { creditCode } = await registeredEnterprise(store, '2026-03-02');
    caseId = (await seedCase(store, creditCode, '2026-03-02')).case.id;
  });
  afterEach(async () => {
    await store.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores a file content-addressed with its SHA-256, audited, and opens it again', async () => {
    const e = await addEvidence(
      store,
      caseId,
      { fileName: '../../etc/证据.pdf', mediaType: 'application/pdf', bytes: PDF },
      applicant,
      { dir },
    );
    expect(e).toMatchObject({
      fileName: '证据.pdf',
      mediaType: 'application/pdf',
      size: PDF.length,
      sha256: sha256(PDF),
      uploadedBy: 'user:21',
    });
    const path = join(dir, e.sha256.slice(0, 2), e.sha256);
    expect(readFileSync(path)).toEqual(PDF);
    // The same bytes again: a second record, one stored copy.
    const again = await addEvidence(
      store,
      caseId,
      {
        fileName: 'copy.pdf',
        mediaType: 'application/pdf',
        bytes: Readable.from([PDF.subarray(0, 5), PDF.subarray(5)]),
      },
      applicant,
      { dir },
    );
    expect(again.sha256).toBe(e.sha256);
    expect((await listEvidence(store, caseId)).map((x) => x.fileName).sort()).toEqual([
      'copy.pdf',
      '证据.pdf',
    ]);

    const opened = await openEvidence(store, e.id, { dir });
    const chunks: Buffer[] = [];
    for await (const chunk of opened.stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks)).toEqual(PDF);
    expect(opened.evidence.sha256).toBe(sha256(PDF));
    const trail = await auditOf(store, 'case', caseId);
    expect(trail.at(-1)).toMatchObject({
      action: 'add_evidence',
      after: { sha256: e.sha256, size: PDF.length },
    });
    expect(await verifyAudit(store)).toMatchObject({ ok: true });

    rmSync(path);
    expect(await failure(openEvidence(store, e.id, { dir }))).toMatchObject({ code: 'database' });
    expect(await failure(openEvidence(store, 'missing', { dir }))).toMatchObject({ code: 'not_found' });
  });

  it('takes the office formats by their first bytes: PNG, JPEG, DOCX, XLSX, ZIP and plain text', async () => {
    const zip = Buffer.from(zipSync({ 'a.txt': strToU8('a') }));
    const ok = [
      { fileName: 'a.png', mediaType: 'image/png', bytes: PNG },
      {
        fileName: 'a.JPG',
        mediaType: 'image/jpeg; charset=binary',
        bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]),
      },
      {
        fileName: 'a.docx',
        mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        bytes: zip,
      },
      {
        fileName: 'a.xlsx',
        mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        bytes: zip,
      },
      { fileName: 'a.zip', mediaType: 'application/zip', bytes: zip },
      {
        fileName: 'a.txt',
        mediaType: 'text/plain',
        bytes: Buffer.from('侵权链接：https://example.com/item/1\n'),
      },
    ];
    for (const upload of ok)
      expect(await failure(addEvidence(store, caseId, upload, applicant, { dir }))).toBe('none');
  });

  it('refuses a file too big, of a type not accepted, or whose bytes are not what it says', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(2048)]);
    expect(
      await failure(
        addEvidence(
          store,
          caseId,
          { fileName: 'big.pdf', mediaType: 'application/pdf', bytes: big },
          applicant,
          { dir, maxBytes: 1024 },
        ),
      ),
    ).toMatchObject({ code: 'payload_too_large', status: 413, detail: { limit: 1024 } });
    expect(
      await failure(
        addEvidence(
          store,
          caseId,
          { fileName: 'a.gif', mediaType: 'image/gif', bytes: Buffer.from('GIF89a') },
          applicant,
          { dir },
        ),
      ),
    ).toMatchObject({ code: 'unsupported_media_type', status: 415 });
    expect(
      await failure(
        addEvidence(
          store,
          caseId,
          { fileName: 'fake.pdf', mediaType: 'application/pdf', bytes: PNG },
          applicant,
          { dir },
        ),
      ),
    ).toMatchObject({ code: 'content_type_mismatch', status: 415 });
    expect(
      await failure(
        addEvidence(
          store,
          caseId,
          { fileName: 'a.exe', mediaType: 'application/pdf', bytes: PDF },
          applicant,
          { dir },
        ),
      ),
    ).toMatchObject({ code: 'content_type_mismatch' });
    expect(
      await failure(
        addEvidence(store, caseId, { fileName: 'a.txt', mediaType: 'text/plain', bytes: PNG }, applicant, {
          dir,
        }),
      ),
    ).toMatchObject({ code: 'content_type_mismatch' });
    expect(
      await failure(
        addEvidence(
          store,
          caseId,
          { fileName: 'a.pdf', mediaType: 'application/pdf', bytes: Buffer.alloc(0) },
          applicant,
          { dir },
        ),
      ),
    ).toMatchObject({ code: 'invalid_input' });
    expect(
      await failure(
        addEvidence(
          store,
          'no-case',
          { fileName: 'a.pdf', mediaType: 'application/pdf', bytes: PDF },
          applicant,
          { dir },
        ),
      ),
    ).toMatchObject({ code: 'not_found' });
    // Nothing was kept of the refused files.
    expect(await listEvidence(store, caseId)).toEqual([]);
    expect(existsSync(join(dir, 'tmp')) ? readdirSync(join(dir, 'tmp')) : []).toEqual([]);
  });
});

describe('who may see a case', () => {
  const c = { centerId: 'pc-wuhan', applicant: { creditCode: '91420111MA0000001X', userId: 21 } };
  it('admins all, officers their center, enterprises their own, nobody else', () => {
    expect(canSeeCase({ role: 'admin' }, c)).toBe(true);
    expect(canSeeCase({ role: 'officer', centerId: 'pc-wuhan' }, c)).toBe(true);
    expect(canSeeCase({ role: 'officer', centerId: 'pc-hubei' }, c)).toBe(false);
    expect(canSeeCase({ role: 'officer', centerId: null }, c)).toBe(false);
    expect(canSeeCase({ role: 'enterprise', creditCode: '91420111MA0000001X' }, c)).toBe(true);
    expect(canSeeCase({ role: 'enterprise', id: 21, creditCode: null }, c)).toBe(true);
    expect(canSeeCase({ role: 'enterprise', id: 22, creditCode: '91420111MA0000002X' }, c)).toBe(false);
    expect(canSeeCase({ role: 'analyst' }, c)).toBe(false);
    expect(canSeeCase({ role: 'institution' }, c)).toBe(false);
    expect(canSeeCase(null, c)).toBe(false);
  });
});
