import { createHash } from 'node:crypto';
import type { PostgresCursor, PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/** A statement text is prepared once it has been sent this many times. */
const PREPARE_AFTER = 3;
/** At most this many texts are ever prepared (each costs a plan on every connection). */
const MAX_PREPARED = 1000;
/** Texts counted but not yet prepared; the count starts over when it is reached. */
const MAX_COUNTED = 10_000;

/**
 * Which statement texts run as named prepared statements: the ones sent again and again (a web
 * request's few statements, thousands of times a minute), so that PostgreSQL parses and plans them
 * once per connection instead of on every request. One-off texts (`in (…)` lists of varying
 * length, reports) are never named, and the number of names is bounded.
 */
export class StatementNames {
  private readonly names = new Map<string, string>();
  private readonly counts = new Map<string, number>();
  private readonly refused = new Set<string>();

  /** The name to prepare `text` under, or undefined to send it unnamed. */
  nameOf(text: string): string | undefined {
    const known = this.names.get(text);
    if (known !== undefined || this.names.size >= MAX_PREPARED || this.refused.has(text)) return known;
    const seen = (this.counts.get(text) ?? 0) + 1;
    if (seen < PREPARE_AFTER) {
      if (this.counts.size >= MAX_COUNTED) this.counts.clear();
      this.counts.set(text, seen);
      return undefined;
    }
    this.counts.delete(text);
    const name = `ipr_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    this.names.set(text, name);
    return name;
  }

  /** Sends `text` unnamed from now on (its prepared plan no longer fits the tables). */
  refuse(text: string): void {
    this.names.delete(text);
    this.refused.add(text);
  }

  get size(): number {
    return this.names.size;
  }
}

/** A prepared plan that no longer matches the table it reads (columns added by a migration since). */
function isStalePlan(e: unknown): boolean {
  return (
    typeof e === 'object' &&
    e !== null &&
    (e as { code?: string }).code === '0A000' &&
    /cached plan/i.test(String((e as { message?: string }).message))
  );
}

/**
 * A pool for Kysely's PostgresDialect whose clients send frequently repeated statements as named
 * prepared statements (see StatementNames). Everything else — cursors, transactions, errors — is the
 * `pg` pool's own behaviour.
 */
export function preparingPool(pool: pg.Pool, names = new StatementNames()): PostgresPool {
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      const query = async (text: string, values: unknown[]) => {
        const name = names.nameOf(text);
        if (name === undefined) return client.query(text, values);
        try {
          return await client.query({ name, text, values });
        } catch (e) {
          if (!isStalePlan(e)) throw e;
          names.refuse(text);
          return client.query(text, values);
        }
      };
      return {
        // Kysely's two forms: a statement with its values, or a pg-cursor (a Submittable to `pg`).
        query: ((first: string | PostgresCursor<unknown>, values?: readonly unknown[]) =>
          typeof first === 'string'
            ? query(first, [...(values ?? [])])
            : client.query(first as unknown as pg.Submittable)) as unknown as PostgresPoolClient['query'],
        release: (destroy?: boolean) => client.release(destroy),
      };
    },
    end: () => pool.end(),
  };
}
