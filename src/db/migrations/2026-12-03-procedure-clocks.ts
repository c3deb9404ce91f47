import type { Kysely } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 13 (ADR 0005 amended):
// the 2-hour clock after the investigation times the proposal, not the approver, so the policies an
// admin saved for the old `approval` stage now set the `proposal` stage. Open complaints' deadlines
// are rebuilt from their histories at start-up (src/modules/sla/upgrade-open-clocks.ts), not here:
// that needs the business calendar and the limits, which are application code.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.updateTable('sla_policies').set({ stage: 'proposal' }).where('stage', '=', 'approval').execute();
}

export async function down(db: Db): Promise<void> {
  await db.updateTable('sla_policies').set({ stage: 'approval' }).where('stage', '=', 'proposal').execute();
}
