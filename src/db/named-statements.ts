import pg from 'pg';

/** The hot path's statements by SQL text, each with the name it is prepared under on a connection. */
const names = new Map<string, string>();
/**
 * A connection keeps every statement prepared on it: were a caller to mark statements of many shapes
 * by mistake, those past this many run unnamed, as before, rather than fill the server's memory.
 */
const MOST_NAMES = 500;

/**
 * Marks `text` as a statement of fixed shape run again and again (`prepared`, `runFixed`, `insertRow`):
 * on PostgreSQL each connection then parses it once and runs it by name, and once a generic plan
 * proves as cheap as planning with the values (after five runs) plans it no more (ADR 0014, amendment
 * of 2026-12-05, late night). A statement whose best plan depends on its values keeps being planned.
 */
export function nameStatement(text: string): void {
  if (names.size < MOST_NAMES && !names.has(text)) names.set(text, `kesu_${names.size + 1}`);
}

/**
 * The pool's client: a query whose text was marked by `nameStatement` goes as a named statement
 * (node-postgres prepares it on the connection the first time it sees the name); any other as it was.
 */
export class NamingClient extends pg.Client {
  /** Statements this connection prepares again under a new name, after a change of their tables. */
  private readonly renamed = new Map<string, string>();

  // biome-ignore lint/suspicious/noExplicitAny: pg's query has a dozen overloads; this passes every call through but one.
  override query(...args: any[]): any {
    const [text, values] = args;
    const marked = typeof text === 'string' && Array.isArray(values) ? names.get(text) : undefined;
    if (marked && args.length === 2) {
      const name = this.renamed.get(text) ?? marked;
      return super.query({ name, text, values }).catch((error: unknown) => {
        if (changedResult(error)) this.renamed.set(text, `${marked}_${this.renamed.size + 1}`);
        throw error;
      });
    }
    // biome-ignore lint/suspicious/noExplicitAny: as above.
    return (super.query as (...a: any[]) => any)(...args);
  }
}

/**
 * A migration run while the server runs (a column added to a table read with `select *`) makes
 * PostgreSQL refuse a statement prepared before it, on every run. The request that meets it fails
 * (inside a transaction nothing can be retried); the connection prepares the statement afresh under
 * another name for the next one.
 */
const changedResult = (error: unknown) =>
  (error as { code?: string }).code === '0A000' &&
  /cached plan must not change result type/.test((error as Error).message);
