import { appendFile, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create, extract } from 'tar';

/** A copy of an archive with one byte appended to one of its evidence files, its manifest unchanged. */
export async function withAlteredEvidence(archive: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kesu-tamper-'));
  await extract({ file: archive, cwd: dir });
  const [victim] = await readdir(join(dir, 'evidence'));
  if (!victim) throw new Error('the archive holds no evidence to alter');
  await appendFile(join(dir, 'evidence', victim), 'x');
  const out = `${dir}.tar.gz`;
  await create({ gzip: true, file: out, cwd: dir, portable: true }, await readdir(dir));
  return out;
}
