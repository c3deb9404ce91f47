import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where the bytes of evidence live, addressed by their sha256: the same content is kept once,
 * however often it is uploaded. Uploads are staged on local disk while they are hashed and
 * checked; put() then takes the staged file over. An S3-compatible store is another implementation
 * of this interface (stagingPath() in a local temp directory, put() uploading to `<sha256>` and
 * deleting the staged file, get() streaming the object, has() a HEAD request), chosen in
 * evidenceStore() from the configuration.
 */
export interface EvidenceStore {
  /** A fresh local path on which to stage one upload before its hash is known. */
  stagingPath(): Promise<string>;
  /** Keep the staged file as the content `sha256`; an existing copy is kept and the staged file removed. */
  put(sha256: string, stagedFile: string): Promise<void>;
  /** The bytes; fails before streaming starts when the content is missing. */
  get(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Files under `<root>/<aa>/<bb>/<sha256>`, staged in `<root>/tmp` on the same file system so that a rename is atomic. */
export class LocalEvidenceStore implements EvidenceStore {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async stagingPath(): Promise<string> {
    const dir = join(this.root, 'tmp');
    await mkdir(dir, { recursive: true });
    return join(dir, randomUUID());
  }

  async put(sha256: string, stagedFile: string): Promise<void> {
    const target = this.pathOf(sha256);
    if (await this.has(sha256)) {
      await rm(stagedFile, { force: true });
      return;
    }
    await mkdir(join(target, '..'), { recursive: true });
    // Same bytes under the same name: a concurrent upload of this content renaming over it is harmless.
    await rename(stagedFile, target);
  }

  async get(sha256: string): Promise<Readable> {
    const file = await open(this.pathOf(sha256), 'r');
    return file.createReadStream();
  }

  async has(sha256: string): Promise<boolean> {
    return stat(this.pathOf(sha256)).then(
      (s) => s.isFile(),
      () => false,
    );
  }
}

/** The store for this installation: local files under the data directory. */
export function evidenceStore(config: { dataDir: string }): EvidenceStore {
  return new LocalEvidenceStore(join(config.dataDir, 'evidence'));
}
