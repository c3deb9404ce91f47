import type { Dialect } from '../../src/db/database.js';

const ALL: Dialect[] = ['sqlite', 'postgres'];

/**
 * The databases the tests run on: both, or those named in KESU_TEST_DIALECTS (`sqlite`, `postgres`
 * or `sqlite,postgres`). Pure, so that the global setup can read it without loading the app.
 */
export function testDialects(env: string | undefined = process.env.KESU_TEST_DIALECTS): Dialect[] {
  if (!env?.trim()) return ALL;
  const asked = env.split(',').map((d) => d.trim());
  const unknown = asked.filter((d) => !ALL.includes(d as Dialect));
  if (unknown.length)
    throw new Error(`KESU_TEST_DIALECTS: unknown ${unknown.join(', ')} (use ${ALL.join(' or ')})`);
  return ALL.filter((d) => asked.includes(d));
}
