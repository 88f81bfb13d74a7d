import type { Command } from 'commander';
import { todayIso } from '../../core/index.js';
import { countRights } from '../../demo/index.js';
import type { Store } from '../../store/index.js';
import { type Context, EXIT, withStore } from '../context.js';
import { print, table } from '../output.js';
import { generateInto } from './generate.js';

const DEMO_SCALE = 0.01;
const DEMO_SEED = 1;

export function registerDemo(program: Command, ctx: Context): void {
  program
    .command('demo')
    .description('make sure the database holds the demo region (created at first use) and show what is in it')
    .action(async (_opts, cmd: Command) => {
      await withStore(ctx, cmd, async (store, json) => {
        let created = false;
        if ((await countRights(store)) === 0) {
          if (!json)
            ctx.io.err(
              `The database ${store.location} is empty: creating the demo region (scale ${DEMO_SCALE}, seed ${DEMO_SEED})…\n`,
            );
          await generateInto(store, DEMO_SCALE, DEMO_SEED, ctx.io);
          created = true;
        }
        const overview = await overviewOf(store);
        print(ctx.io, json, { database: store.location, created, ...overview }, () =>
          human(store, created, overview),
        );
        return EXIT.ok;
      });
    });
}

async function overviewOf(store: Store) {
  const byKind = await store.db
    .selectFrom('rights')
    .select(['kind', (eb) => eb.fn.countAll().as('n')])
    .groupBy('kind')
    .orderBy('kind')
    .execute();
  const examples = await store.db
    .selectFrom('rights')
    .select(['kind', 'grant_number', 'application_number', 'title'])
    .where('grant_number', 'is not', null)
    .orderBy('id')
    .limit(3)
    .execute();
  const events = await store.db
    .selectFrom('legal_events')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return {
    rightsByKind: Object.fromEntries(byKind.map((r) => [r.kind, Number(r.n)])),
    events: Number(events.n),
    examples: examples.map((e) => ({
      kind: e.kind,
      number: e.grant_number ?? e.application_number,
      title: e.title,
    })),
  };
}

function human(store: Store, created: boolean, o: Awaited<ReturnType<typeof overviewOf>>): string {
  const rows = [['kind', 'rights'], ...Object.entries(o.rightsByKind).map(([k, n]) => [k, String(n)])];
  const first = o.examples[0]?.number ?? 'NUMBER';
  return [
    `ipregion — ${store.location}${created ? ' (demo region just created)' : ''}`,
    table(rows),
    `${o.events} legal events`,
    '',
    'Try:',
    `  npm run dev -- rights show ${first} --as-of ${todayIso()}`,
    ...o.examples.slice(1).map((e) => `  npm run dev -- rights show ${e.number}`),
    '  npm run dev -- stats --region central --as-of 2024-06-30 --by province,kind',
    '  npm run dev -- report --region central --as-of 2024-06-30 --format html --out report.html',
    '  npm run dev -- ingest ../shared/data/samples/epo_ops_biblio_CN104968889A.xml',
    '  npm run dev -- rights show CN104968889A',
    '  npm run dev -- --help',
  ].join('\n');
}
