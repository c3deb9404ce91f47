import type { AppContext } from '../../context.js';
import { expressCorpus } from '../../modules/classifier/index.js';
import { piiKeys } from '../../modules/privacy/index.js';
import { loadSlaContext } from '../../modules/sla/index.js';
import { rebuildStats } from '../../modules/stats/index.js';
import { generateHistory, type History } from './generate.js';
import type { Cast } from './paths.js';
import { writeHistory } from './write.js';

export interface HistoryOptions {
  seed?: number;
  days?: number;
  perDay?: number;
}

/** The demo organisation's people and units the history is told with (see seedDemo). */
export interface HistoryOrg {
  unitIds: Map<string, number>;
  userIds: Map<string, number>;
  partyId: number | null;
}

/** The demo's history is generated unless KESU_DEMO_HISTORY=0 says not to. */
export const demoHistoryWanted = () => process.env.KESU_DEMO_HISTORY !== '0';

const maxId = async (app: AppContext, table: 'complaints' | 'customers' | 'remedy_proposals' | 'replies') => {
  const row = await app.db
    .selectFrom(table)
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0) + 1;
};

/** Everything the generator reads from the database, then the pure generation (same seed, same rows). */
export async function planDemoHistory(
  app: AppContext,
  org: HistoryOrg,
  options: HistoryOptions = {},
): Promise<History> {
  const need = <V>(m: Map<string, V>, key: string): V => {
    const v = m.get(key);
    if (v === undefined) throw new Error(`demo organisation has no ${key}`);
    return v;
  };
  const [units, users, categories, parties, taken, sla] = await Promise.all([
    app.db.selectFrom('units').select(['id', 'path']).execute(),
    app.db.selectFrom('users').select(['id', 'display_name']).execute(),
    app.db.selectFrom('categories').select(['id', 'parent_id', 'code', 'path']).execute(),
    app.db.selectFrom('external_parties').select(['id', 'code', 'name', 'unit_id']).execute(),
    app.db.selectFrom('number_sequences').select(['day', 'last']).execute(),
    loadSlaContext(app, app.db),
  ]);
  const unit = (key: string) => {
    const id = need(org.unitIds, key);
    return { id, path: units.find((u) => u.id === id)?.path ?? '' };
  };
  const person = (username: string, unitKey: string, isAgent: boolean) => {
    const userId = need(org.userIds, username);
    return {
      userId,
      name: users.find((u) => u.id === userId)?.display_name ?? username,
      unit: unit(unitKey),
      isAgent,
    };
  };
  const party = parties.find((p) => p.id === org.partyId);
  const cast: Cast = {
    agentId: need(org.userIds, 'agent'),
    supervisorId: need(org.userIds, 'supervisor'),
    managerId: need(org.userIds, 'manager'),
    assignees: [
      person('handler', 'pudong', false),
      person('handler2', 'nanshan', false),
      person('agent', 'service', true),
    ],
    party: party?.unit_id
      ? { id: party.id, code: party.code, name: party.name, unitId: party.unit_id }
      : null,
  };
  const parents = new Set(categories.map((c) => c.parent_id));
  const leaves = new Map(
    categories
      .filter((c) => !parents.has(c.id))
      .map((c) => [c.code, { id: c.id, path: c.path.split('/').filter(Boolean).map(Number) }]),
  );
  return generateHistory({
    seed: options.seed ?? 15,
    now: app.clock.now(),
    timeZone: app.config.timeZone,
    days: options.days ?? 90,
    perDay: options.perDay ?? 45,
    sla,
    keys: piiKeys(app.config.secret),
    corpus: expressCorpus(),
    categories: leaves,
    cast,
    intake: unit('service'),
    firstIds: {
      complaint: await maxId(app, 'complaints'),
      customer: await maxId(app, 'customers'),
      remedy: await maxId(app, 'remedy_proposals'),
      reply: await maxId(app, 'replies'),
    },
    taken: new Map(taken.map((t) => [t.day, t.last])),
  });
}

/**
 * 演示历史: about 90 days of complaints before the demo's start, written in bulk (ADR 0034).
 * Returns how many complaints it wrote.
 */
export async function generateDemoHistory(
  app: AppContext,
  org: HistoryOrg,
  options: HistoryOptions = {},
): Promise<number> {
  const history = await planDemoHistory(app, org, options);
  await writeHistory(app, history);
  await afterDemoHistory(app);
  return history.complaints.length;
}

/**
 * What must follow a generated history: the statistics rollups are rebuilt from it at once (the job
 * that follows the history would get there too, a batch at a time), so that the figures are filled on
 * the first start. The hand-made complaints registered after it are the job's.
 */
export async function afterDemoHistory(app: AppContext): Promise<void> {
  await rebuildStats(app);
}
