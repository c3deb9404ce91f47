import { appendFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { create, extract } from 'tar';
import { scratchDir } from './support.js';

/** A copy of an archive with one byte appended to one of its evidence files, its manifest unchanged. */
export async function withAlteredEvidence(archive: string): Promise<string> {
  const scratch = scratchDir('kesu-tamper-');
  const dir = join(scratch, 'altered');
  await mkdir(dir);
  await extract({ file: archive, cwd: dir });
  const [victim] = await readdir(join(dir, 'evidence'));
  if (!victim) throw new Error('the archive holds no evidence to alter');
  await appendFile(join(dir, 'evidence', victim), 'x');
  const out = join(scratch, 'altered.tar.gz');
  await create({ gzip: true, file: out, cwd: dir, portable: true }, await readdir(dir));
  return out;
}
