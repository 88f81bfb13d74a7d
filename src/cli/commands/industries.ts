import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { errors } from '../../core/index.js';
import {
  addCustomIndustry,
  allSchemes,
  customIndustries,
  removeCustomIndustry,
} from '../../industries/index.js';
import { type Context, EXIT, withStore } from '../context.js';
import { print, table } from '../output.js';

export function registerIndustries(program: Command, ctx: Context): void {
  const cmd = program
    .command('industries')
    .description('industry definitions over the IPC: the shipped schemes and your own');
  cmd
    .command('list')
    .description(
      'every industry: the shipped schemes (SEI 2021, new three 2024, AI 2023, ipregion defaults) and yours',
    )
    .option('--top', 'only top-level industries')
    .action(async (opts: { top?: boolean }, c: Command) => {
      await withStore(ctx, c, async (store, json) => {
        const custom = await customIndustries(store.db);
        const rows = [
          ...allSchemes().flatMap((s) => s.industries.map((i) => ({ ...i, scheme: s.id, custom: false }))),
          ...custom.map((i) => ({ ...i, scheme: i.id.slice(0, i.id.indexOf(':')), custom: true })),
        ].filter((i) => !opts.top || i.parent === null);
        const view = rows.map((i) => ({
          id: i.id,
          parent: i.parent,
          name: i.name,
          rules: i.rules.length,
          custom: i.custom,
        }));
        print(ctx.io, json, view, () =>
          table([
            ['id', 'name', 'rules', 'defined by'],
            ...view.map((i) => [
              i.id,
              `${i.name.zh} ${i.name.en}`,
              String(i.rules),
              i.custom ? 'administrator' : 'shipped',
            ]),
          ]),
        );
        return EXIT.ok;
      });
    });
  cmd
    .command('add')
    .description(
      'define an industry from a JSON file ({ id: "scheme:slug", parent, name: {zh, en}, rules: [{ include, exclude, keywords }] }); then run `ipregion stats rebuild`',
    )
    .argument('<file>', 'the definition, JSON')
    .action(async (file: string, _opts: unknown, c: Command) => {
      await withStore(ctx, c, async (store, json) => {
        let input: unknown;
        try {
          input = JSON.parse(readFileSync(file, 'utf8'));
        } catch (e) {
          throw errors.invalidInput(`${file}: not a readable JSON file (${(e as Error).message})`);
        }
        const industry = await addCustomIndustry(store.db, input);
        print(
          ctx.io,
          json,
          industry,
          () =>
            `defined ${industry.id} (${industry.name.zh} ${industry.name.en}); run \`ipregion stats rebuild\` to classify the rights already loaded`,
        );
        return EXIT.ok;
      });
    });
  cmd
    .command('remove')
    .description('remove an industry you defined')
    .argument('<id>', 'its id')
    .action(async (id: string, _opts: unknown, c: Command) => {
      await withStore(ctx, c, async (store, json) => {
        await removeCustomIndustry(store.db, id);
        print(ctx.io, json, { removed: id }, () => `removed ${id}`);
        return EXIT.ok;
      });
    });
}
