import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachEngine, freshStore } from '../../test/engines.js';
import { act, mailTransportFromEnv, notificationsFor, notifyDeadlines, smtpTransport } from './index.js';
import type { MailTransport } from './notify.js';
import { officer, registeredEnterprise, seedCase, seedCenter } from './test-factories.js';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A local SMTP sink: accepts every message on 127.0.0.1 and keeps it. */
async function smtpSink() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  const net = server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => net.once('listening', () => resolve()));
  const { port } = net.address() as AddressInfo;
  return {
    received,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

let sink: Awaited<ReturnType<typeof smtpSink>>;
beforeAll(async () => {
  sink = await smtpSink();
});
afterAll(() => sink.close());

describeEachEngine('deadline notifications', (engine) => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  let caseNumber: string;
  beforeEach(async () => {
    store = await freshStore(engine);
    sink.received.length = 0;
    await seedCenter(store);
    const { creditCode } = await registeredEnterprise(store, '2026-03-02');
    const { case: c } = await seedCase(store, creditCode, '2026-03-02', {
      applicant: {
        organisation: '武汉光谷测试激光有限公司',
        creditCode,
        userId: 21,
        email: 'ip@laser.example',
      },
    });
    caseNumber = c.number;
    await act(store, c.id, 'accept', officer, { onDate: '2026-03-03' });
  });
  afterEach(() => store.drop());

  const emailOf = (recipient: string) => (recipient === 'user:7' ? 'officer7@center.example' : null);

  it('warns before the deadline and e-mails whoever must act, once a day', async () => {
    const transport = smtpTransport(sink.url);
    // Due 2026-03-11; two working days left on the 9th.
    const first = await notifyDeadlines(store, '2026-03-09', transport, { emailOf });
    expect(first).toEqual({ created: 1, emailed: 1, failed: 0 });
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]!.to).toEqual(['officer7@center.example']);
    expect(sink.received[0]!.raw).toContain(caseNumber);
    const again = await notifyDeadlines(store, '2026-03-09', transport, { emailOf });
    expect(again).toEqual({ created: 0, emailed: 0, failed: 0 });
    expect(sink.received).toHaveLength(1);
    const warnings = (await notificationsFor(store, 'user:7')).filter((n) => n.kind === 'deadline_warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ onDate: '2026-03-09', emailedAt: expect.any(String) });
  });

  it('tells both officer and applicant once the deadline has passed', async () => {
    const result = await notifyDeadlines(store, '2026-03-12', smtpTransport(sink.url), { emailOf });
    expect(result).toEqual({ created: 2, emailed: 2, failed: 0 });
    expect(sink.received.flatMap((m) => m.to).sort()).toEqual([
      'ip@laser.example',
      'officer7@center.example',
    ]);
    // The subject is MIME-encoded (it has Chinese in it).
    expect(sink.received[0]!.raw).toMatch(/^Subject: =\?UTF-8\?Q\?ipregion=3A_a_case_deadline_has_passed/m);
    expect((await notificationsFor(store, 'user:21')).map((n) => n.kind)).toContain('overdue');
    // The next day is another day: one more notice each.
    expect(await notifyDeadlines(store, '2026-03-13', smtpTransport(sink.url), { emailOf })).toMatchObject({
      created: 2,
    });
  });

  it('keeps the notices in the app without SMTP, and sends them when a transport is there', async () => {
    expect(mailTransportFromEnv({})).toBeNull();
    expect(await notifyDeadlines(store, '2026-03-12', null, { emailOf })).toEqual({
      created: 2,
      emailed: 0,
      failed: 0,
    });
    expect(sink.received).toHaveLength(0);
    const broken: MailTransport = { sendMail: () => Promise.reject(new Error('connection refused')) };
    expect(await notifyDeadlines(store, '2026-03-12', broken, { emailOf })).toEqual({
      created: 0,
      emailed: 0,
      failed: 2,
    });
    const fromEnv = mailTransportFromEnv({ IPREGION_SMTP_URL: sink.url });
    expect(await notifyDeadlines(store, '2026-03-12', fromEnv, { emailOf })).toEqual({
      created: 0,
      emailed: 2,
      failed: 0,
    });
    expect(sink.received).toHaveLength(2);
  });
});
