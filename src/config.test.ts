import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { IpregionError } from './core/index.js';

describe('config', () => {
  it('takes flags over the environment over defaults', () => {
    const c = loadConfig({ port: '9000' }, { PORT: '7000', HOST: '0.0.0.0', IPREGION_DEMO_SCALE: 'off' });
    expect(c.server).toEqual({
      host: '0.0.0.0',
      port: 9000,
      demo: null,
      logLevel: 'info',
      evidenceDir: 'data/evidence',
      deadlinePassMinutes: 60,
      workers: 1,
    });
    expect(loadConfig({}, {}).server).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      demo: { scale: 0.01, seed: 1 },
    });
    expect(
      loadConfig({ notifyEvery: 'off' }, { IPREGION_NOTIFY_EVERY: '5' }).server.deadlinePassMinutes,
    ).toBe(null);
    expect(loadConfig({}, { IPREGION_NOTIFY_EVERY: '15' }).server.deadlinePassMinutes).toBe(15);
    expect(loadConfig({}, { DATABASE_URL: 'postgres://x@h/db' }).engine).toBe('postgres');
    expect(loadConfig({}, {}).server.workers).toBe(1);
    expect(loadConfig({ workers: '3' }, { IPREGION_WORKERS: '2' }).server.workers).toBe(3);
    expect(loadConfig({}, { IPREGION_WORKERS: 'auto' }).server.workers).toBeGreaterThanOrEqual(1);
  });

  it('reports every problem at once', () => {
    let error: unknown;
    try {
      loadConfig(
        { db: 'mysql://x/y', port: '80a', demoScale: '2', logLevel: 'loud', notifyEvery: '0', workers: '0' },
        {},
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IpregionError);
    const problems = (error as IpregionError).detail.problems as string[];
    expect(problems).toHaveLength(6);
    expect(problems.join('\n')).toMatch(/database.*port.*demo scale.*log level.*deadline pass.*workers/s);
  });
});
