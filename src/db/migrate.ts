import { type Migration, Migrator } from 'kysely';
import type { Db } from './database.js';
import * as foundation from './migrations/2026-11-23-foundation.js';
import * as timeLimits from './migrations/2026-11-24-time-limits.js';
import * as intake from './migrations/2026-11-25-intake.js';
import * as search from './migrations/2026-11-26-search.js';
import * as classifier from './migrations/2026-11-27-classifier.js';
import * as cases from './migrations/2026-11-28-cases.js';
import * as accountability from './migrations/2026-12-03-accountability.js';
import * as appeals from './migrations/2026-12-03-appeals.js';
import * as assessment from './migrations/2026-12-03-assessment.js';
import * as correctiveActions from './migrations/2026-12-03-corrective-actions.js';
import * as disclosure from './migrations/2026-12-03-disclosure.js';
import * as extensions from './migrations/2026-12-03-extensions.js';
import * as fulfilment from './migrations/2026-12-03-fulfilment.js';
import * as listShapes from './migrations/2026-12-03-list-shapes.js';
import * as lists from './migrations/2026-12-03-lists.js';
import * as observability from './migrations/2026-12-03-observability.js';
import * as playbooks from './migrations/2026-12-03-playbooks.js';
import * as procedureClocks from './migrations/2026-12-03-procedure-clocks.js';
import * as processLife from './migrations/2026-12-03-process-life.js';
import * as quality from './migrations/2026-12-03-quality.js';
import * as registration from './migrations/2026-12-03-registration.js';
import * as returnVisits from './migrations/2026-12-03-return-visits.js';
import * as searchTerms from './migrations/2026-12-03-search-terms.js';
import * as signIn from './migrations/2026-12-03-sign-in.js';
import * as stats from './migrations/2026-12-03-stats.js';
import * as webhooks from './migrations/2026-12-03-webhooks.js';
import * as workerHeartbeats from './migrations/2026-12-03-worker-heartbeats.js';
import * as assigneeUnitIndex from './migrations/2026-12-04-assignee-unit-index.js';
import * as dueListIndex from './migrations/2026-12-04-due-list-index.js';
import * as majorListIndex from './migrations/2026-12-04-major-list-index.js';
import * as openUndatedIndex from './migrations/2026-12-04-open-undated-index.js';
import * as reports from './migrations/2026-12-04-reports.js';
import * as statsNarrowRollups from './migrations/2026-12-04-stats-narrow-rollups.js';
import * as topicsForecasts from './migrations/2026-12-04-topics-forecasts.js';
import * as warnings from './migrations/2026-12-04-warnings.js';
import * as statsFactsDayIndex from './migrations/2026-12-06-stats-facts-day-index.js';
import * as statusUnitStatistics from './migrations/2026-12-06-status-unit-statistics.js';
import * as complainantLocale from './migrations/2026-12-07-complainant-locale.js';
import * as customerListIndexes from './migrations/2026-12-07-customer-list-indexes.js';
import * as userLocale from './migrations/2026-12-07-user-locale.js';

/** Every migration, in order. Names are dated and never change once released. */
const migrations: Record<string, Migration> = {
  '2026-11-23-foundation': foundation,
  '2026-11-24-time-limits': timeLimits,
  '2026-11-25-intake': intake,
  '2026-11-26-search': search,
  '2026-11-27-classifier': classifier,
  '2026-11-28-cases': cases,
  '2026-12-03-webhooks': webhooks,
  '2026-12-03-sign-in': signIn,
  '2026-12-03-process-life': processLife,
  '2026-12-03-observability': observability,
  '2026-12-03-worker-heartbeats': workerHeartbeats,
  '2026-12-03-registration': registration,
  '2026-12-03-lists': lists,
  '2026-12-03-list-shapes': listShapes,
  '2026-12-03-search-terms': searchTerms,
  '2026-12-03-procedure-clocks': procedureClocks,
  '2026-12-03-extensions': extensions,
  '2026-12-03-playbooks': playbooks,
  '2026-12-03-fulfilment': fulfilment,
  '2026-12-03-accountability': accountability,
  '2026-12-03-quality': quality,
  '2026-12-03-return-visits': returnVisits,
  '2026-12-03-corrective-actions': correctiveActions,
  '2026-12-03-assessment': assessment,
  '2026-12-03-appeals': appeals,
  '2026-12-03-disclosure': disclosure,
  '2026-12-03-stats': stats,
  '2026-12-04-stats-narrow-rollups': statsNarrowRollups,
  '2026-12-04-reports': reports,
  '2026-12-04-topics-forecasts': topicsForecasts,
  '2026-12-04-warnings': warnings,
  '2026-12-04-due-list-index': dueListIndex,
  '2026-12-04-major-list-index': majorListIndex,
  '2026-12-04-assignee-unit-index': assigneeUnitIndex,
  '2026-12-04-open-undated-index': openUndatedIndex,
  '2026-12-06-status-unit-statistics': statusUnitStatistics,
  '2026-12-06-stats-facts-day-index': statsFactsDayIndex,
  '2026-12-07-user-locale': userLocale,
  '2026-12-07-customer-list-indexes': customerListIndexes,
  '2026-12-07-complainant-locale': complainantLocale,
};

// Several migrations of one day are released together under names that do not sort in release order:
// a database migrated earlier that day runs the later ones it lacks.
const migrator = (db: Db) =>
  new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true });

/** The names of the migrations this program knows that the database has not run (readiness). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  return (await migrator(db).getMigrations()).filter((m) => !m.executedAt).map((m) => m.name);
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
