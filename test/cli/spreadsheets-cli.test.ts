import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { branchRows, HEADERS, readXlsx, xlsxOf } from '../spreadsheets/support.js';
import { runKesu } from '../support/kesu-command.js';
import { createDatabase } from '../support/postgres-server.js';
import { DIALECTS } from '../support/test-app.js';

const DAY = 86_400_000;

for (const dialect of DIALECTS) {
  describe(`kesu import and kesu export on ${dialect}`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'kesu-cli-sheets-'));
    const env: NodeJS.ProcessEnv = { ...process.env, KESU_DATA_DIR: dir, LANG: 'C.UTF-8', LC_ALL: '' };

    /** The real `kesu` command, run from the TypeScript sources. */
    const kesu = (...args: string[]) => runKesu(env, ...args);

    beforeAll(async () => {
      if (dialect === 'sqlite') env.DATABASE_URL = `sqlite:${join(dir, 'kesu.db')}`;
      else {
        const admin = process.env.KESU_TEST_PG_URL;
        if (!admin) throw new Error('KESU_TEST_PG_URL is not set: the vitest global setup starts PostgreSQL');
        env.DATABASE_URL = await createDatabase(admin, `kesu_cli_${randomBytes(6).toString('hex')}`);
      }
      expect((await kesu('seed', '--demo')).stdout).toContain('demo organisation created');
    }, 60_000);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('imports a branch spreadsheet with a progress report, writes the failed rows beside it, and adds nothing the second time', async () => {
      const file = join(dir, 'branch.xlsx');
      const firstDay = Math.floor(Date.now() / DAY) * DAY - 15 * DAY;
      writeFileSync(file, await xlsxOf(HEADERS, branchRows('CLI', firstDay)));

      const anonymous = await kesu('import', file);
      expect(anonymous.code).toBe(1);
      expect(anonymous.stderr).toContain('--as <username>');

      const first = await kesu('import', file, '--as', 'agent');
      expect(first.code).toBe(1);
      expect(first.stdout).toContain('10 rows: imported 7, skipped 0, failed 3');
      expect(first.stdout).toContain('row 4: 分类编码 category code: 分类不存在或已停用');
      expect(first.stdout).toContain('row 7: 投诉内容 content: 必填');
      expect(first.stdout).toContain('row 9: 电话 phone: 格式不正确');
      // Not a terminal: plain progress lines instead of a bar.
      expect(first.stderr).toContain('import: 10/10 rows');
      const errorsFile = join(dir, 'branch.errors.csv');
      expect(first.stdout).toContain(`errors: ${errorsFile}`);
      const csv = readFileSync(errorsFile, 'utf8');
      // A BOM, so that Excel reads the Chinese messages as UTF-8.
      expect(csv.startsWith('\ufeff')).toBe(true);
      const lines = csv.trim().split('\r\n');
      expect(lines[0]).toBe('"row","external ref","column","error"');
      expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['"4"', '"7"', '"9"']);

      const again = await kesu('import', file, '--as', 'agent');
      expect(again.stdout).toContain('10 rows: imported 0, skipped 7, failed 3');
    }, 120_000);

    it('exits 0 when every row is imported or skipped', async () => {
      const file = join(dir, 'clean.csv');
      writeFileSync(
        file,
        'external ref,channel,name,phone,title,content,category code\nCLI-CSV-1,phone,王女士,13800138000,延误,三天没有更新,delay.transit\n',
      );
      const first = await kesu('import', file, '--as', 'agent');
      expect(first.code).toBe(0);
      expect(first.stdout).toContain('1 rows: imported 1, skipped 0, failed 0');
      expect(existsSync(join(dir, 'clean.errors.csv'))).toBe(false);
      expect((await kesu('import', file, '--as', 'agent')).code).toBe(0);
    }, 60_000);

    it('exports a filtered list to a file', async () => {
      const out = join(dir, 'wechat.xlsx');
      const res = await kesu(
        'export',
        '--out',
        out,
        '--as',
        'agent',
        '--channel',
        'wechat',
        '--sort',
        'receivedAt',
      );
      expect(res.code).toBe(0);
      const [header, ...rows] = await readXlsx(readFileSync(out));
      expect(header?.[0]).toBe('编号 number');
      // Rows 3, 5 and 11 of the branch sheet came by WeChat (row 7, also WeChat, failed), and maybe demo ones.
      expect(rows.length).toBeGreaterThanOrEqual(3);
      expect(res.stdout).toContain(`exported ${rows.length} complaints to ${out}`);
      for (const r of rows) expect(r[2]).toBe('微信');
      for (const r of rows) if (r[11]) expect(r[11]).toMatch(/^\d{3}\*{4}\d{4}$/);

      const bad = await kesu('export', '--out', out, '--as', 'agent', '--status', 'lost');
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('/status: unknown_value');
    }, 60_000);
  });
}
