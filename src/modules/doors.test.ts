import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The module doors (ADR 0011) are enforced by `npm run lint`: these files, linted with the
 * project's own biome.json in a scratch tree, show which imports the rule refuses and which it lets through.
 */
const FIXTURES: Record<string, string> = {
  'src/modules/cases/reach-in.ts': "import { registerComplaint } from '../complaints/register-complaint.js';",
  'src/modules/cases/doors.ts': [
    "import { complaintsRoutes } from '../complaints/index.js';",
    "import { complaintsEndpoints } from '../complaints/endpoints.js';",
    "import { ListQuery } from '../complaints/list-schemas.js';",
    "import { STATUSES } from '../../domain/complaint-model.js';",
    "import { db } from '../../db/database.js';",
    "import { cases } from './cases.js';",
  ].join('\n'),
  'src/modules/sla/calendar/reach-in.ts': "import { x } from '../../complaints/queries.js';",
  'src/modules/sla/calendar/doors.ts': [
    "import { x } from '../../complaints/index.js';",
    "import { y } from '../../../db/database.js';",
    "import { z } from '../working-time.js';",
  ].join('\n'),
  'src/server/reach-in.ts': "import { x } from '../modules/org/actor.js';",
  'src/server/doors.ts': "import { x } from '../modules/org/index.js';",
  'src/main.ts': "import { x } from './modules/jobs/worker.js';",
  'src/domain/reach-up.ts': "import { x } from '../modules/org/index.js';",
  'src/modules/cases/reach-in.test.ts': "import { x } from '../complaints/queries.js';",
};

interface Diagnostic {
  category: string;
  message: string;
  location: { path: string; start: { line: number } };
}

let refused: Diagnostic[] = [];
let root = '';
afterAll(() => (root ? rm(root, { recursive: true, force: true }) : undefined));

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kesu-doors-'));
  await copyFile(resolve('biome.json'), join(root, 'biome.json'));
  for (const [path, imports] of Object.entries(FIXTURES)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), `${imports}\n`);
  }
  const biome = resolve('node_modules/.bin/biome');
  const out = await promisify(execFile)(biome, ['lint', '--reporter=json', '--max-diagnostics=none', '.'], {
    cwd: root,
  }).catch((error: { stdout: string }) => error);
  refused = (JSON.parse(out.stdout) as { diagnostics: Diagnostic[] }).diagnostics.filter(
    (d) => d.category === 'lint/style/noRestrictedImports',
  );
}, 60_000);

const refusedIn = (path: string) => refused.filter((d) => d.location.path === path);

describe('module doors', () => {
  it("refuses an import of another module's private file, naming the door to use", () => {
    const [d] = refusedIn('src/modules/cases/reach-in.ts');
    expect(d?.message).toContain("Another module's files are private");
    expect(d?.message).toContain('index.js');
  });

  it("lets through a module's door, its contract, the floor, the infrastructure and its own files", () => {
    expect(refusedIn('src/modules/cases/doors.ts')).toEqual([]);
    expect(refusedIn('src/modules/sla/calendar/doors.ts')).toEqual([]);
    expect(refusedIn('src/server/doors.ts')).toEqual([]);
  });

  it('refuses reach-ins from a module subfolder, from the server and from the entry point', () => {
    expect(refusedIn('src/modules/sla/calendar/reach-in.ts')).toHaveLength(1);
    expect(refusedIn('src/server/reach-in.ts')).toHaveLength(1);
    expect(refusedIn('src/main.ts')).toHaveLength(1);
  });

  it('keeps the domain floor free of modules', () => {
    expect(refusedIn('src/domain/reach-up.ts')[0]?.message).toContain('src/domain is the floor');
  });

  it('lets tests reach into the code they test', () => {
    expect(refusedIn('src/modules/cases/reach-in.test.ts')).toEqual([]);
  });
});
