import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { AppError } from '@logicode/contracts';

/** What an untrusted zip may hold; a package past any of them is refused whole, never half extracted and kept. */
export interface ZipLimits {
  maxEntries: number;
  /** Sum of the real (decompressed) bytes of every entry, counted while inflating: headers are not trusted. */
  maxTotalBytes: number;
  maxEntryBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 20_000, maxTotalBytes: 1024 * 1024 * 1024, maxEntryBytes: 256 * 1024 * 1024 };

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

function refuse(message: string): AppError {
  return new AppError('PACKAGE_INVALID', message);
}

/** A safe relative path inside the target, or an error: no absolute path, drive letter, `..`, backslash or NUL. */
export function safeEntryPath(name: string): string {
  if (name.includes('\0') || name.includes('\\')) throw refuse(`The zip entry "${name}" has a forbidden character.`);
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw refuse(`The zip entry "${name}" has an absolute path.`);
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..')) throw refuse(`The zip entry "${name}" points outside the package.`);
  return parts.join('/');
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolvePromise, reject) => {
    // validateEntrySizes: a stream that yields more or fewer bytes than its header says is an error.
    yauzl.open(path, { lazyEntries: true, autoClose: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false }, (error, zip) => {
      if (error || !zip) reject(refuse(`Not a readable zip file (${error?.message ?? 'unknown'}).`));
      else resolvePromise(zip);
    });
  });
}

/**
 * Extracts `zipPath` into the empty directory `target`, one entry at a time (streamed; nothing is held in memory).
 * Refuses symlinks, paths outside the target, duplicate names, and more entries or bytes than `limits` allow.
 * Returns the relative paths of the files written.
 */
export async function extractZip(zipPath: string, target: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<string[]> {
  const zip = await openZip(zipPath);
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw refuse(`The zip has ${zip.entryCount} entries; at most ${limits.maxEntries} are allowed.`);
  }
  const root = resolve(target);
  const written = new Set<string>();
  let totalBytes = 0;
  try {
    await new Promise<void>((done, fail) => {
      zip.on('error', (error: Error) => {
        if (error instanceof AppError) return fail(error);
        // yauzl checks names itself before we see the entry: its words for `../x` and `/x`.
        if (/invalid relative path|absolute path/.test(error.message)) return fail(refuse(`A zip entry points outside the package (${error.message}).`));
        return fail(refuse(`The zip is damaged (${error.message}).`));
      });
      zip.on('end', () => done());
      zip.on('entry', (entry: yauzl.Entry) => {
        handleEntry(entry).then(() => zip.readEntry(), fail);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return [...written];

  async function handleEntry(entry: yauzl.Entry): Promise<void> {
    const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
    if (mode === S_IFLNK) throw refuse(`The zip entry "${entry.fileName}" is a symbolic link; links are not allowed.`);
    const relative = safeEntryPath(entry.fileName);
    if (entry.fileName.endsWith('/') || relative === '') return; // a directory: made when a file needs it
    const destination = resolve(root, relative);
    if (!destination.startsWith(root + sep)) throw refuse(`The zip entry "${entry.fileName}" points outside the package.`);
    if (written.has(relative)) throw refuse(`The zip holds "${relative}" twice.`);
    if (entry.uncompressedSize > limits.maxEntryBytes) throw refuse(`"${relative}" is larger than ${limits.maxEntryBytes} bytes.`);
    written.add(relative);
    await mkdir(dirname(destination), { recursive: true });
    const source = await new Promise<NodeJS.ReadableStream>((ok, ko) => zip.openReadStream(entry, (e, s) => (e || !s ? ko(refuse(`Cannot read "${relative}" (${e?.message}).`)) : ok(s))));
    let entryBytes = 0;
    // Counted as inflated: a zip bomb is stopped at the limit, whatever its headers claim.
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        entryBytes += chunk.length;
        totalBytes += chunk.length;
        if (entryBytes > limits.maxEntryBytes) return callback(refuse(`"${relative}" inflates past ${limits.maxEntryBytes} bytes.`));
        if (totalBytes > limits.maxTotalBytes) return callback(refuse(`The package inflates past ${limits.maxTotalBytes} bytes.`));
        return callback(null, chunk);
      },
    });
    // 'wx': never overwrite or follow anything already there.
    await pipeline(source, counter, createWriteStream(destination, { flags: 'wx' })).catch((error: unknown) => {
      throw error instanceof AppError ? error : refuse(`Cannot extract "${relative}" (${error instanceof Error ? error.message : String(error)}).`);
    });
  }
}

/** The directory holding problem.yaml: the root itself, or its only top-level folder (zips made of a folder). */
export function joinPackageRoot(target: string, files: string[]): string | null {
  if (files.includes('problem.yaml')) return target;
  const tops = new Set(files.map((f) => f.split('/')[0]!));
  if (tops.size === 1) {
    const [top] = [...tops];
    if (files.includes(`${top}/problem.yaml`)) return join(target, top!);
  }
  return null;
}
