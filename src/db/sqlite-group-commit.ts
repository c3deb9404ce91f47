import type SQLite from 'better-sqlite3';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type Kysely,
  type Dialect as KyselyDialect,
  type QueryResult,
  SelectQueryNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';

/**
 * Group commit for SQLite (ADR 0014). A commit writes every page the transaction changed to the
 * WAL: for a registration some forty pages (the complaint row and its indexes, the history, the
 * clocks, the search terms), and the same rightmost index pages again for the next registration.
 * Here consecutive transactions share one SQLite transaction: each runs inside its own savepoint
 * (a failure rolls back only its own work), and the group is committed once the requests already
 * received have had their turn, or at once when it is large or old. Every transaction's `execute()` resolves only after the
 * group's COMMIT, so nothing is acknowledged before it is durable; a failed COMMIT (a full disk)
 * fails every transaction of the group with that error.
 *
 * Reads outside a transaction run inside the open group (the connection is the only one: they would
 * wait for it anyway) and see its work; a write outside a transaction first commits the group, so
 * an autocommit statement is never acknowledged before it is on disk.
 */
const MAX_GROUP = 64;
const MAX_GROUP_AGE_MS = 20;
const READ_ONLY = /^\s*(select|pragma)\b/i;

interface Group {
  openedAt: number;
  waiters: Array<{ resolve(): void; reject(error: unknown): void }>;
}

/** A FIFO lock on the one connection that knows how many are waiting for it. */
class ConnectionLock {
  private held = false;
  private readonly queue: Array<() => void> = [];

  get waiting(): number {
    return this.queue.length;
  }

  lock(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.queue.push(resolve));
  }

  unlock(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.held = false;
  }
}

/** One holder's use of the connection: Kysely gets a fresh one per acquire, so releases are its own. */
class Lease implements DatabaseConnection {
  inTransaction = false;
  released = false;

  constructor(private readonly driver: GroupCommitDriver) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return Promise.resolve(this.driver.run<R>(this, query));
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(query.query)) throw new Error('SQLite streams only select queries');
    for (const row of this.driver.iterate(query)) yield { rows: [row as R] };
  }
}

class GroupCommitDriver implements Driver {
  private readonly lock = new ConnectionLock();
  private group: Group | null = null;
  private commitScheduled = false;
  /** Kysely prepares every statement anew, which costs more than running most of them: kept by SQL text. */
  private readonly statements = new Map<string, SQLite.Statement>();

  constructor(private readonly sqlite: SQLite.Database) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.lock.lock();
    return new Lease(this);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    if (!this.group) {
      this.exec('begin');
      this.group = { openedAt: Date.now(), waiters: [] };
    }
    this.exec('savepoint kesu_tx');
    lease.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    const group = this.group;
    lease.inTransaction = false;
    if (!group || !this.sqlite.inTransaction) {
      const error = new Error('SQLite rolled the transaction back');
      this.failGroup(error);
      throw error;
    }
    this.exec('release kesu_tx');
    const durable = new Promise<void>((resolve, reject) => group.waiters.push({ resolve, reject }));
    // Hand the connection on now; Kysely's own release after this resolves is then a no-op.
    this.release(lease);
    return durable;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    lease.inTransaction = false;
    // Its group failed after it had handed the connection on: the rollback is done, the connection not ours.
    if (lease.released) return;
    // SQLite rolls the whole transaction back itself on some errors (SQLITE_FULL, SQLITE_IOERR);
    // the group then failed with that error already (see run).
    if (!this.sqlite.inTransaction) {
      this.failGroup(new Error('SQLite rolled the transaction back'));
      return;
    }
    this.exec('rollback to kesu_tx');
    this.exec('release kesu_tx');
    // Its caller goes on at once: end the group now, so that no write lock outlives the transaction
    // (another connection in this process would wait for it with the event loop blocked).
    if (this.group?.waiters.length) this.commitGroup();
    else {
      this.exec('rollback');
      this.group = null;
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.release(connection as Lease);
  }

  async destroy(): Promise<void> {
    await this.lock.lock();
    this.commitGroup();
    this.sqlite.close();
  }

  run<R>(lease: Lease, query: CompiledQuery): QueryResult<R> {
    if (!lease.inTransaction && this.group && !READ_ONLY.test(query.sql)) {
      this.commitGroup();
    }
    try {
      const statement = this.prepare(query.sql);
      if (statement.reader) return { rows: statement.all(query.parameters) as R[] };
      const { changes, lastInsertRowid } = statement.run(query.parameters);
      return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
    } catch (error) {
      if (this.group && !this.sqlite.inTransaction) this.failGroup(error);
      throw error;
    }
  }

  iterate(query: CompiledQuery): IterableIterator<unknown> {
    return this.prepare(query.sql).iterate(query.parameters);
  }

  private prepare(text: string): SQLite.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      // Queries are built from code and values are bound: a bounded set, unless a caller inlines values.
      if (this.statements.size >= 2000) this.statements.clear();
      statement = this.sqlite.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  private exec(text: string): void {
    this.prepare(text).run();
  }

  private release(lease: Lease): void {
    if (lease.released) return;
    lease.released = true;
    const group = this.group;
    if (group) {
      if (group.waiters.length >= MAX_GROUP || Date.now() - group.openedAt >= MAX_GROUP_AGE_MS)
        this.commitGroup();
      else this.commitSoon();
    }
    this.lock.unlock();
  }

  /**
   * A transaction on better-sqlite3 runs from begin to commit without giving the event loop a turn,
   * so no other request could join its group: the COMMIT waits for the requests already received
   * (the next check phase), behind everything queued for the connection.
   */
  private commitSoon(): void {
    if (this.commitScheduled) return;
    this.commitScheduled = true;
    setImmediate(async () => {
      this.commitScheduled = false;
      if (!this.group) return;
      await this.lock.lock();
      try {
        this.commitGroup();
      } finally {
        this.lock.unlock();
      }
    });
  }

  /** COMMIT the open group (the caller holds the connection) and tell its transactions. */
  private commitGroup(): void {
    const group = this.group;
    if (!group) return;
    try {
      this.exec('commit');
    } catch (error) {
      if (this.sqlite.inTransaction) this.exec('rollback');
      this.failGroup(error);
      return;
    }
    this.group = null;
    for (const w of group.waiters) w.resolve();
  }

  private failGroup(error: unknown): void {
    const group = this.group;
    this.group = null;
    for (const w of group?.waiters ?? []) w.reject(error);
  }
}

/** Kysely's SQLite dialect with group commit on one better-sqlite3 connection. */
export class GroupCommitSqliteDialect implements KyselyDialect {
  constructor(private readonly sqlite: SQLite.Database) {}
  createAdapter = () => new SqliteAdapter();
  createDriver = (): Driver => new GroupCommitDriver(this.sqlite);
  createIntrospector = (db: Kysely<unknown>) => new SqliteIntrospector(db);
  createQueryCompiler = () => new SqliteQueryCompiler();
}
