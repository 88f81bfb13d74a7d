import type { Command } from 'commander';
import { type AuditVerification, verifyAudit } from '../../cases/index.js';
import { type Context, EXIT, withStore } from '../context.js';
import { print } from '../output.js';

const REASON: Record<NonNullable<AuditVerification['firstBad']>['reason'], string> = {
  edited: 'its content no longer matches its hash (edited)',
  deleted: 'it is missing from the chain (deleted)',
  reordered: 'it is linked to an entry elsewhere in the chain (reordered)',
  appended: 'it was added outside the chain (appended)',
};

/** `ipregion audit verify`: walks the hash chain; exit 0 when it holds, 1 when it was tampered with. */
export function registerAudit(program: Command, ctx: Context): void {
  const cmd = program
    .command('audit')
    .description('the audit trail of centers, registrations and cases (hash-chained)');
  cmd
    .command('verify')
    .description(
      'check the audit chain and name the first entry that was edited, deleted, reordered or appended',
    )
    .action(async (_opts: unknown, c: Command) => {
      await withStore(ctx, c, async (store, json) => {
        const v = await verifyAudit(store);
        print(ctx.io, json, v, () => human(v));
        return v.ok ? EXIT.ok : EXIT.failure;
      });
    });
}

function human(v: AuditVerification): string {
  const head = `head: seq ${v.head.seq}, hash ${v.head.hash}`;
  if (v.ok) return `ok: ${v.entries} audit entries, chain intact\n${head}`;
  const bad = v.firstBad!;
  return `TAMPERED: ${v.entries} audit entries; the first bad one is seq ${bad.seq}: ${REASON[bad.reason]}\n${head}`;
}
