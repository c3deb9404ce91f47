import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.js';
import { verifyChain } from '../../src/modules/audit/index.js';
import {
  createBackup,
  restoreBackup,
  runBackupCommand,
  runRestoreCommand,
} from '../../src/modules/backup/index.js';
import { evidenceStore } from '../../src/modules/evidence/index.js';
import { open as openSealed, piiKeys } from '../../src/modules/privacy/index.js';
import { EvidenceClient, PNG, pdf } from '../evidence/support.js';
import { login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { runKesu } from '../support/kesu-command.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';
import { freshInstallation, readManifest, removeScratch, scratchDir, TEST_SECRET } from './support.js';
import { withAlteredEvidence } from './tamper.js';

interface Registered {
  number: string;
  phone: string;
  evidence: Buffer[];
  acknowledgedAt: number;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

for (const dialect of DIALECTS)
  describe(`backup and restore (备份与恢复) on ${dialect}`, () => {
    let t: TestApp;
    let archive: string;
    let target: Awaited<ReturnType<typeof freshInstallation>>;
    let restored: DatabaseHandle;
    const acknowledged: Registered[] = [];
    const reportFiles: Array<[string, Buffer]> = [];
    beforeAll(async () => {
      t = await startTestApp(dialect);
      // `kesu` reads the key from the data directory: the test app's own key.
      writeFileSync(join(t.app.config.dataDir, 'secret.key'), TEST_SECRET.toString('base64'));
      archive = join(scratchDir('kesu-archive-'), 'kesu.tar.gz');
    });
    afterAll(async () => {
      await restored?.close();
      await t.close();
      removeScratch();
    });

    it('backs up under load, restores elsewhere: every acknowledged complaint, evidence file, report file and phone number identical', async () => {
      const agent = await login(t.http, 'agent');
      const staff = await EvidenceClient.signIn(t.http, 'agent');
      const register = async (): Promise<Registered> => {
        const body = buildComplaint(t.org);
        const { number } = await agent.ok('POST', '/api/v1/complaints', body);
        const evidence = [pdf(`收据 ${number} ${randomBytes(8).toString('hex')}`), PNG];
        const added = await staff.upload(number, [
          { filename: 'receipt.pdf', data: evidence[0] as Buffer },
          { filename: 'parcel.png', data: PNG },
        ]);
        expect(added.status).toBe(201);
        return { number, phone: body.complainant.phone ?? '', evidence, acknowledgedAt: Date.now() };
      };
      for (let i = 0; i < 6; i++) acknowledged.push(await register());
      // A ready report's files live in the same content store: they go into the archive too.
      const report = { pdf: pdf(`周报 ${randomBytes(8).toString('hex')}`), xlsx: randomBytes(64) };
      const hashes = { pdf: sha256(report.pdf), xlsx: sha256(report.xlsx) };
      const sourceStore = evidenceStore({ dataDir: t.app.config.dataDir });
      for (const kind of ['pdf', 'xlsx'] as const) {
        const staged = await sourceStore.stagingPath();
        writeFileSync(staged, report[kind]);
        await sourceStore.put(hashes[kind], staged);
      }
      await t.app.db
        .insertInto('reports')
        .values({
          kind: 'on_demand',
          period_from: '2026-11-30',
          period_to: '2026-12-06',
          unit_id: t.org.unitIds.get('hq') ?? 0,
          unit_path: '/',
          locale: 'zh-CN',
          status: 'ready',
          created_at: Date.now(),
          pdf_sha256: hashes.pdf,
          pdf_size: report.pdf.length,
          xlsx_sha256: hashes.xlsx,
          xlsx_size: report.xlsx.length,
        })
        .execute();
      reportFiles.push([hashes.pdf, report.pdf], [hashes.xlsx, report.xlsx]);

      let stop = false;
      const during: Registered[] = [];
      const load = async () => {
        while (!stop) {
          during.push(await register());
          // Steady, not flat out: the registrations and the backup share this process.
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      };
      const writers = [load(), load()];
      // The backup starts with the writers in full swing.
      await vi.waitUntil(() => during.length >= 6, { timeout: 60_000, interval: 10 });
      // `kesu backup` in this process (its own database connection) while the registrations go on.
      const source = { ...process.env, DATABASE_URL: t.url, KESU_DATA_DIR: t.app.config.dataDir };
      const said = await runBackupCommand(loadConfig(source), { out: archive }, source);
      stop = true;
      await Promise.all(writers);
      expect(said[0]).toBe(`backup written to ${archive}`);
      expect(said.at(-1)).toContain('does not hold the secret key');
      // The backup began when it took its snapshot; registrations went on before and after.
      const began = Date.parse((await readManifest(archive)).createdAt);
      acknowledged.push(...during.filter((r) => r.acknowledgedAt < began));
      expect(during.filter((r) => r.acknowledgedAt < began).length).toBeGreaterThan(0);
      expect(during.filter((r) => r.acknowledgedAt > began).length).toBeGreaterThan(0);

      target = await freshInstallation(dialect);
      const restore = await runKesu(target.env, 'restore', archive);
      expect(restore.stderr).toBe('');
      expect(restore.stdout).toMatch(
        /complaints \d+, events \d+ \(every hash chain intact\), evidence files \d+/,
      );

      restored = openDatabase(target.url);
      const keys = piiKeys(TEST_SECRET);
      const store = evidenceStore({ dataDir: target.dataDir });
      let files = 0;
      for (const r of acknowledged) {
        const row = await restored.db
          .selectFrom('complaints')
          .select(['id', 'complainant_phone'])
          .where('number', '=', r.number)
          .executeTakeFirstOrThrow();
        expect(openSealed(keys, row.complainant_phone ?? '')).toBe(r.phone);
        const evidence = await restored.db
          .selectFrom('evidence')
          .select('sha256')
          .where('complaint_id', '=', row.id)
          .orderBy('id')
          .execute();
        expect(evidence).toHaveLength(r.evidence.length);
        for (const [i, e] of evidence.entries()) {
          expect(await buffer(await store.get(e.sha256))).toEqual(r.evidence[i]);
          files++;
        }
      }
      // Whatever else the archive caught (registrations during the backup) came with its files.
      for (const e of await restored.db.selectFrom('evidence').select('sha256').execute())
        expect(await store.has(e.sha256)).toBe(true);

      for (const [hash, bytes] of reportFiles) expect(await buffer(await store.get(hash))).toEqual(bytes);

      // What `kesu audit verify` reports.
      expect(await verifyChain(restored.db)).toMatchObject({ intact: true });
      console.log(
        `backup round trip ${dialect}: complaints ${acknowledged.length}, evidence files ${files}, identical`,
      );
    }, 240_000);

    it('refuses an archive whose files do not match their checksums, and leaves the target as it was', async () => {
      const altered = await withAlteredEvidence(archive);
      const fresh = await freshInstallation(dialect);
      await expect(
        restoreBackup({
          archive: altered,
          databaseUrl: fresh.url,
          dataDir: fresh.dataDir,
          secret: TEST_SECRET,
          force: false,
        }),
      ).rejects.toThrow(
        /the archive is damaged or was altered: evidence\/[0-9a-f]{64} does not match its checksum/,
      );
      const untouched = openDatabase(fresh.url);
      try {
        expect((await untouched.db.introspection.getTables()).length).toBe(0);
      } finally {
        await untouched.close();
      }
    });

    it('refuses a key that cannot read the archive, and says what to do', async () => {
      const fresh = await freshInstallation(dialect);
      const env = { ...fresh.env, KESU_SECRET: 'another secret of at least thirty-two characters' };
      await expect(runRestoreCommand(loadConfig, archive, {}, env)).rejects.toThrow(
        /made with another secret key .* only be read with the original key\. The configured key is KESU_SECRET: replace it with the original/,
      );
    });

    it('refuses to overwrite a database that holds data, unless forced', async () => {
      const options = { archive, databaseUrl: target.url, dataDir: target.dataDir, secret: TEST_SECRET };
      await expect(restoreBackup({ ...options, force: false })).rejects.toThrow(
        /already holds data .* Restore with --force/,
      );
      await restored.close();
      const again = await restoreBackup({ ...options, force: true });
      expect(again.complaints).toBeGreaterThanOrEqual(acknowledged.length);
      restored = openDatabase(target.url);
    });

    it('refuses an archive whose history was altered, and leaves the target as it was', async () => {
      // The source's history edited by hand past the append-only trigger, then backed up as it is.
      if (dialect === 'sqlite') await sql`drop trigger events_no_update`.execute(t.app.db);
      else await sql`alter table events disable trigger events_append_only`.execute(t.app.db);
      await sql`update events set comment = '改过' where id = (select min(id) from events where stream_type = 'complaint')`.execute(
        t.app.db,
      );
      const forged = join(scratchDir('kesu-forged-'), 'forged.tar.gz');
      await createBackup({
        databaseUrl: t.url,
        dataDir: t.app.config.dataDir,
        secret: TEST_SECRET,
        out: forged,
        now: Date.now,
      });
      const before = await verifyChain(restored.db);
      await restored.close();
      await expect(
        restoreBackup({
          archive: forged,
          databaseUrl: target.url,
          dataDir: target.dataDir,
          secret: TEST_SECRET,
          force: true,
        }),
      ).rejects.toThrow(
        /the history in the archive is broken at event #\d+ \(complaint #\d+, seq 1, hash_mismatch\)/,
      );
      restored = openDatabase(target.url);
      expect(before.intact).toBe(true);
      expect(await verifyChain(restored.db)).toEqual(before);
      expect(await readFile(join(target.dataDir, 'secret.key'), 'utf8')).toBe(TEST_SECRET.toString('base64'));
    });
  });
