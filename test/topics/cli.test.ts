import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runKesu } from '../support/kesu-command.js';

const dir = mkdtempSync(join(tmpdir(), 'kesu-topics-cli-'));
const env = { ...process.env, KESU_DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'kesu.db')}` };
const kesu = (...args: string[]) => runKesu(env, ...args);

describe('kesu topics run and kesu forecast run', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // The demo without its generated history: a few complaints of today, too few for a forecast series.
  it('run from the command line and say what they did', async () => {
    await kesu('migrate');
    await kesu('seed', '--demo');
    expect((await kesu('stats', 'rebuild')).code).toBe(0);
    const topics = await kesu('topics', 'run');
    expect(topics.code, topics.stderr).toBe(0);
    expect(topics.stdout).toMatch(/^hot topics of \d{4}-\d{2}-\d{2}: \d+ topics from \d+ complaints$/m);
    const forecast = await kesu('forecast', 'run');
    expect(forecast.code, forecast.stderr).toBe(0);
    expect(forecast.stdout).toMatch(/^forecasts from \d{4}-\d{2}-\d{2}: 0 series, 30 days each$/m);
  }, 180_000);
});
