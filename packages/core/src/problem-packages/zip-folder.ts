import { createWriteStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

/** Zips a package folder to `zipPath` (files streamed from disk; links skipped), for the CLI's upload and tests. */
export async function zipFolder(folder: string, zipPath: string): Promise<void> {
  const zip = new yazl.ZipFile();
  async function add(relative: string): Promise<void> {
    for (const entry of await readdir(join(folder, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await add(path);
      else if (entry.isFile()) zip.addFile(join(folder, path), path);
    }
  }
  await add('');
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(zipPath));
}
