import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StoredFile {
  key: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * The file storage seam. Keys are chosen by the storage, never derived from what a user
 * typed, so a file name cannot steer where a file lands. A put either stores the whole
 * content or nothing: a failed or aborted upload leaves no partial file behind.
 */
export interface FileStorage {
  put(content: Readable | Buffer): Promise<StoredFile>;
  /** Rejects with StoredFileMissing when no file has this key. */
  get(key: string): Promise<Readable>;
  /** Deleting a key that holds nothing is not an error, so a retried delete is harmless. */
  delete(key: string): Promise<void>;
}

export class StoredFileMissing extends Error {
  constructor(readonly key: string) {
    super(`no stored file with key ${key}`);
  }
}

/** 128 random bits in hex: unguessable, and safe as a path segment on every file system. */
const keyPattern = /^[0-9a-f]{32}$/;

/**
 * Files on local disk under `root`. Keys are sharded two levels deep (ab/cd/abcd…) so no
 * folder grows past a few thousand entries. Content is written to root/tmp first and renamed
 * into place; tmp is on the same file system, so the rename is atomic and a reader never sees
 * a half-written file.
 */
export function diskStorage(root: string): FileStorage {
  const base = resolve(root);
  const tmpDir = join(base, 'tmp');
  const pathOf = (key: string) => {
    // Keys come from our own database, but a wrong one must not reach outside the root.
    if (!keyPattern.test(key)) throw new StoredFileMissing(key);
    return join(base, key.slice(0, 2), key.slice(2, 4), key);
  };

  return {
    async put(content) {
      const key = randomBytes(16).toString('hex');
      const target = pathOf(key);
      const tmp = join(tmpDir, `${key}.part`);
      await mkdir(tmpDir, { recursive: true });
      const hash = createHash('sha256');
      let sizeBytes = 0;
      const measure = new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          sizeBytes += chunk.length;
          done(null, chunk);
        },
      });
      const source = Buffer.isBuffer(content) ? Readable.from([content], { objectMode: false }) : content;
      const out = createWriteStream(tmp, { flags: 'wx' });
      try {
        await pipeline(source, measure, out);
        await mkdir(join(target, '..'), { recursive: true });
        await rename(tmp, target);
      } catch (err) {
        // A failed pipeline can reject while the file is still being opened; removing it
        // before the stream has closed would leave the .part behind once the open completes.
        if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
        await rm(tmp, { force: true });
        throw err;
      }
      return { key, sizeBytes, sha256: hash.digest('hex') };
    },

    async get(key) {
      // Open before handing out the stream, so a missing file is a clean rejection here
      // rather than an error half-way through a response.
      const handle = await open(pathOf(key), 'r').catch((err: NodeJS.ErrnoException) => {
        throw err.code === 'ENOENT' ? new StoredFileMissing(key) : err;
      });
      return handle.createReadStream();
    },

    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
