import type { Config } from './config.js';
import type { Db, Dialect } from './db/database.js';
import type { Actor } from './domain/actor.js';
import type { Clock } from './lib/clock.js';

/** What every module function needs from the running program; HTTP, CLI and jobs build the same one. */
export interface AppContext {
  db: Db;
  dialect: Dialect;
  clock: Clock;
  config: Pick<Config, 'timeZone' | 'secret' | 'publicUrl' | 'dataDir'> &
    /** Scheduled backups need it (pg_dump, or SQLite's backup API on its own connection). */
    Partial<Pick<Config, 'databaseUrl'>>;
}

/** An AppContext acting on behalf of one user. */
export interface ActorContext extends AppContext {
  actor: Actor;
}
