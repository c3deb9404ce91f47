import { randomBytes } from 'node:crypto';
import { Command, Option } from 'commander';
import { openApp } from './bootstrap.js';
import { type Config, loadConfig } from './config.js';
import type { AppContext } from './context.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { waitForDatabase } from './db/wait-for-database.js';
import { kesuJobs } from './jobs/registry.js';
import { describeReport, verifyChain } from './modules/audit/index.js';
import { runBackupCommand, runRestoreCommand } from './modules/backup/index.js';
import { loadPreset, presets } from './modules/categories/index.js';
import {
  runEvalCommand,
  runTrainCommand,
  type TrainCommandOptions,
  warmActiveModel,
} from './modules/classifier/index.js';
import { runForecastCommand } from './modules/forecast/index.js';
import { defaultWorkerId, startWorker } from './modules/jobs/index.js';
import { pollMailbox } from './modules/mail/index.js';
import { insertUnit, insertUser, ROLES, type Role } from './modules/org/index.js';
import { reindexAll } from './modules/search/index.js';
import { type ExportOptions, runExportCommand, runImportCommand } from './modules/spreadsheets/index.js';
import { runRebuildCommand } from './modules/stats/index.js';
import { runTopicsCommand } from './modules/topics/index.js';
import { DEMO_USERS, demoPassword, isEmpty, seedDemo } from './seed/demo.js';
import { demoHistoryWanted } from './seed/history/index.js';
import { buildApp } from './server/app.js';
import { shutDownOnSignals } from './server/shutdown.js';

async function withApp<T>(fn: (app: AppContext, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const { app, handle } = await openApp(config);
  try {
    return await fn(app, config);
  } finally {
    await handle.close();
  }
}

const program = new Command('kesu').description('Kesu (客诉) — customer complaint management');

program
  .command('serve')
  .description(
    'migrate, then serve the API (and, with --demo, seed a demo organisation into an empty database)',
  )
  .option('--demo', 'seed the demo organisation when the database is empty')
  .option('--no-worker', 'do not run jobs in this process (run `kesu worker` separately)')
  .action(async (opts: { demo?: boolean; worker: boolean }) => {
    const config = loadConfig();
    const { app, handle } = await openApp(config, { server: true });
    let seeded = false;
    if (opts.demo && (await isEmpty(app))) {
      await seedDemo(app, { history: demoHistoryWanted() });
      seeded = true;
    }
    // The active starter model is read from its cache (≈1 s) or trained from its corpus: here, not in a customer's request.
    await warmActiveModel(app.db);
    const workerId = opts.worker ? defaultWorkerId() : undefined;
    const http = await buildApp(app, {
      logLevel: config.logLevel,
      trustProxy: config.trustProxy,
      metricsToken: config.metricsToken,
      requestTimeoutMs: config.requestTimeoutMs,
      allowedOrigins: config.allowedOrigins,
      workerId,
    });
    const worker = workerId ? startWorker(app, kesuJobs(), { workerId }) : null;
    const address = await http.listen({ host: config.host, port: config.port });
    const url = address.replace('0.0.0.0', '127.0.0.1');
    console.log(`Kesu (客诉) is running at ${url}  (database: ${handle.dialect})`);
    console.log(`  Console: ${url}/    Customer portal: ${url}/portal`);
    console.log(`  API docs: ${url}/api/docs    OpenAPI: ${url}/api/openapi.json`);
    if (opts.demo) {
      console.log(
        seeded
          ? '  Demo organisation created. Demo logins:'
          : '  Demo logins (if the demo organisation is still there):',
      );
      for (const u of DEMO_USERS)
        console.log(`    ${u.username.padEnd(11)} ${u.role.padEnd(11)} password: ${demoPassword()}`);
    }
    shutDownOnSignals({ http, worker, closeDatabase: () => handle.close() }, config.shutdownSeconds);
  });

program
  .command('worker')
  .description(
    'run jobs (notices, time-limit sweeps, timers) until stopped; any number may run beside `kesu serve`',
  )
  .option('--concurrency <n>', 'jobs at the same time', (v) => Number(v), 4)
  .action(async (opts: { concurrency: number }) => {
    const config = loadConfig();
    const { app, handle } = await openApp(config, { server: true });
    const worker = startWorker(app, kesuJobs(), { concurrency: opts.concurrency });
    console.log(`kesu worker ${worker.workerId} running (database: ${handle.dialect})`);
    shutDownOnSignals({ worker, closeDatabase: () => handle.close() }, config.shutdownSeconds);
  });

program
  .command('migrate')
  .description('bring the database schema up to date')
  .action(async () => {
    const config = loadConfig();
    const handle = openDatabase(config.databaseUrl);
    await waitForDatabase(handle.db, { seconds: config.dbWaitSeconds });
    const applied = await migrateToLatest(handle.db);
    await handle.close();
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'already up to date');
  });

program
  .command('seed')
  .description('load demo data or a category preset')
  .option('--demo', 'the demo organisation (only into an empty database)')
  .addOption(new Option('--categories <preset>', 'load a category preset tree').choices(Object.keys(presets)))
  .action(async (opts: { demo?: boolean; categories?: string }) => {
    if (!opts.demo && !opts.categories) throw new Error('say --demo or --categories <preset>');
    await withApp(async (app) => {
      if (opts.demo) {
        if (!(await isEmpty(app)))
          throw new Error('the database already has users; the demo goes only into an empty one');
        await seedDemo(app, { history: demoHistoryWanted() });
        console.log(
          `demo organisation created; users ${DEMO_USERS.map((u) => u.username).join(', ')}, password ${demoPassword()}`,
        );
      }
      const preset = opts.categories;
      if (preset) {
        const added = await app.db
          .transaction()
          .execute((tx) => loadPreset(tx, preset, null, app.clock.now()));
        console.log(`category preset ${preset}: ${added} categories added`);
        // The starter model that now fits the tree is trained here, not in the server's first request.
        await warmActiveModel(app.db);
      }
    });
  });

const user = program.command('user').description('manage users');
user
  .command('create')
  .description('create a user (the first one also creates the root unit)')
  .requiredOption('--username <name>')
  .option('--name <display name>')
  .option('--password <password>', 'default: a random one, printed once')
  .option('--unit <id>', 'unit id; default: the root unit', (v) => Number(v))
  .addOption(new Option('--role <role...>', 'one or more roles').choices([...ROLES]).makeOptionMandatory())
  .action(
    async (opts: { username: string; name?: string; password?: string; unit?: number; role: Role[] }) => {
      await withApp(async (app) => {
        const password = opts.password ?? randomBytes(12).toString('base64url');
        const created = await app.db.transaction().execute(async (tx) => {
          const now = app.clock.now();
          let unitId = opts.unit;
          if (unitId === undefined) {
            const root = await tx
              .selectFrom('units')
              .select('id')
              .where('parent_id', 'is', null)
              .orderBy('id')
              .executeTakeFirst();
            unitId =
              root?.id ??
              (
                await insertUnit(
                  tx,
                  { parentId: null, name: '总部', nameEn: 'Head office', kind: 'company' },
                  now,
                )
              ).id;
          }
          return insertUser(
            tx,
            {
              username: opts.username,
              displayName: opts.name ?? opts.username,
              password,
              unitId,
              roles: opts.role,
            },
            now,
            null,
          );
        });
        console.log(
          `user ${created.username} (#${created.id}) created with roles ${created.roles.join(', ')} in unit #${created.unitId}`,
        );
        if (!opts.password) console.log(`password: ${password}`);
      });
    },
  );

program
  .command('import')
  .description(
    'import complaints from an .xlsx or .csv file (the template: GET /api/v1/spreadsheets/complaint-template.xlsx); failed rows go to FILE.errors.csv',
  )
  .argument('<file>', 'FILE.xlsx or FILE.csv')
  .option('--as <username>', 'the user who registers the complaints')
  .action(async (file: string, opts: { as?: string }) => {
    await withApp((app) => runImportCommand(app, file, opts));
  });

program
  .command('export')
  .description('export every complaint of a filtered list to an xlsx file, as the given user sees them')
  .requiredOption('--out <file>', 'FILE.xlsx')
  .option('--as <username>', 'the user whose view of the complaints is exported')
  .option('--status <list>', 'comma-separated statuses')
  .option('--priority <list>', 'comma-separated P1..P4')
  .option('--channel <list>', 'comma-separated channels')
  .option('--grade <grade>', 'general or major')
  .option('--category <id>', 'a category and its subtree', (v) => Number(v))
  .option('--unit <id>', 'a responsible unit and its subtree', (v) => Number(v))
  .option('--from <time>', 'received at or after (2026-11-01 or ISO 8601)')
  .option('--to <time>', 'received before')
  .option('--q <term>', 'number, waybill or order prefix; a whole phone number or e-mail; or words to search')
  .option('--sort <sort>', '-receivedAt (default), receivedAt, -updatedAt, updatedAt, priority')
  .action(async (opts: ExportOptions) => {
    await withApp((app) => runExportCommand(app, opts));
  });

const audit = program.command('audit').description('the tamper-evident history');
audit
  .command('verify')
  .description('re-derive every hash chain; prints "intact" or the first broken event')
  .action(async () => {
    const message = await withApp(async (app) => {
      const result = await describeReport(app.db, await verifyChain(app.db));
      if (!result.broken) return `intact (${result.events} events in ${result.streams} streams)`;
      process.exitCode = 1;
      const { eventId, streamType, streamId, seq, reason, complaintNumber } = result.broken;
      const where = eventId === null ? 'the stream head' : `event #${eventId}`;
      const stream = complaintNumber ? `complaint ${complaintNumber}` : `${streamType} #${streamId}`;
      return `broken at ${where}: ${stream}, seq ${seq} (${reason})`;
    });
    console.log(message);
  });

program
  .command('backup')
  .description(
    'write one archive (.tar.gz) of the database, the evidence files and a manifest; the secret key is not in it',
  )
  .option('--out <file>', 'the archive to write (default: kesu-backup-<time>.tar.gz here)')
  .action(async (opts: { out?: string }) => {
    for (const line of await runBackupCommand(loadConfig(), opts)) console.log(line);
  });

program
  .command('restore')
  .description(
    'restore an archive of `kesu backup` into the configured database and data directory (needs the same secret key)',
  )
  .argument('<file>', 'the archive (.tar.gz)')
  .option('--force', 'replace a database that already holds data')
  .action(async (file: string, opts: { force?: boolean }) => {
    for (const line of await runRestoreCommand(loadConfig, file, opts)) console.log(line);
  });

program
  .command('search')
  .description('full-text search index')
  .command('reindex')
  .description("rebuild every complaint's search document (title, content, replies, messages)")
  .action(async () => {
    const indexed = await withApp((app) => reindexAll(app));
    console.log(`indexed ${indexed} complaints`);
  });

const classify = program
  .command('classify')
  .description('the complaint classifier (category, priority, grade)');
classify
  .command('train')
  .description(
    'train a model and store it under NAME (`express` and `retail` are the shipped starter models)',
  )
  .option(
    '--from-file <file>',
    'FILE.tsv: a header row, then text<TAB>label (optional priority, grade columns)',
  )
  .option('--from-complaints', "the organisation's closed and archived complaints and handlers' corrections")
  .requiredOption('--model <name>', 'the name to store the model under')
  .action(async (opts: TrainCommandOptions) => {
    console.log(await withApp((app) => runTrainCommand(app, opts)));
  });
classify
  .command('eval')
  .description('accuracy and macro-F1 of a model on a labelled FILE.tsv (a label may name an ancestor)')
  .requiredOption('--model <name>', 'a trained model, or a starter model: express, retail')
  .argument('<file>', 'FILE.tsv with a header row, then text<TAB>label')
  .action(async (file: string, opts: { model: string }) => {
    for (const line of await withApp((app) => runEvalCommand(app, opts.model, file))) console.log(line);
  });

program
  .command('stats')
  .description('statistics (统计)')
  .command('rebuild')
  .description(
    'recompute the facts and rollups of every complaint from scratch (the same as following the history)',
  )
  .action(async () => {
    console.log(await withApp((app) => runRebuildCommand(app)));
  });

program
  .command('topics')
  .description('hot topics (热点)')
  .command('run')
  .description(
    "group the last 14 days' complaints into today's topics now (the daily job does it once a day)",
  )
  .action(async () => {
    for (const line of await withApp((app) => runTopicsCommand(app))) console.log(line);
  });

program
  .command('forecast')
  .description('forecasts (预测)')
  .command('run')
  .description(
    'refresh the stored 30-day forecasts now from the statistics (the daily job does it once a day)',
  )
  .action(async () => {
    console.log(await withApp((app) => runForecastCommand(app)));
  });

const mail = program.command('mail').description('e-mail intake (IMAP)');
mail
  .command('poll')
  .description('read the complaint mailbox once now (as configured in settings), whatever the interval')
  .action(async () => {
    const result = await withApp((app) => pollMailbox(app, { force: true }));
    if (!result.polled) console.log(`not polled: ${result.reason}`);
    else {
      const failed = result.failed.map((f) => `#${f.uid} ${f.code}`).join(', ');
      console.log(
        `complaints ${result.complaints}, messages ${result.messages}, already taken ${result.alreadyTaken}` +
          (failed ? `, not taken in: ${failed}` : ''),
      );
    }
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(`kesu: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
