import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { samplePath } from '../../../../test/fixtures.js';
import { xmlReaders } from './index.js';

/** The first 64 KiB, as the format detection sees a file. */
const head = (name: string) =>
  readFileSync(samplePath(name))
    .subarray(0, 64 * 1024)
    .toString('utf8');

describe('xmlReaders detection', () => {
  it.each([
    ['epo_ops_biblio_CN104968889A.xml', 'ops-biblio'],
    ['epo_ops_biblio_EP1000000.xml', 'ops-biblio'],
    ['epo_ops_legal_EP1000000.xml', 'ops-legal'],
    ['uspto_grant_v45_US08930553.xml', 'uspto-grant'],
    ['uspto_tm_daily_casefile_98423838_registered.xml', 'uspto-trademark'],
  ])('%s is %s and nothing else', (file, format) => {
    expect(xmlReaders.filter((r) => r.detect(head(file), file)).map((r) => r.format)).toEqual([format]);
  });

  it.each([
    'ep_publication_server_B1_v1-5.xml',
    'epo_register_events_EP1000000.xml',
    'uspto_assignment_search_18247-405.xml',
  ])('%s is none of them', (file) => {
    expect(xmlReaders.filter((r) => r.detect(head(file), file))).toEqual([]);
  });

  it('recognises a daily trademark file by its root and a grant bulk file by its DOCTYPE', () => {
    const formats = (h: string) => xmlReaders.filter((r) => r.detect(h, 'x.xml')).map((r) => r.format);
    expect(formats('<?xml version="1.0"?>\n<trademark-applications-daily>\n<version>')).toEqual([
      'uspto-trademark',
    ]);
    expect(formats('<?xml version="1.0"?>\n<!DOCTYPE us-patent-application SYSTEM "x.dtd" [ ]>\n')).toEqual([
      'uspto-grant',
    ]);
  });
});
