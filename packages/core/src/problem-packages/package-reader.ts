import { readdir, readFile, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { AppError } from '@logicode/contracts';

/** One test: a `.in` with its `.ans`, under data/ (the group is its folder, say `secret/group1`). */
export interface PackageTest {
  /** Path without extension, relative to data/, say `secret/group1/01`. */
  name: string;
  group: string;
  isSample: boolean;
  inPath: string;
  ansPath: string;
}

export interface PackageFile {
  /** '/'-separated path inside the package. */
  path: string;
  absPath: string;
  sizeBytes: number;
}

/** A package folder as read from disk: problem.yaml, tests in order, and every other file by path. */
export interface PackageContents {
  root: string;
  config: Record<string, unknown>;
  tests: PackageTest[];
  /** testdata.yaml (legacy) or test_group.yaml (2023-07) per group folder ('' = data/ itself). */
  groupConfigs: Map<string, Record<string, unknown>>;
  /** Every file that is not a test's `.in`/`.ans` (statements, images, validators, submissions, yaml, ...). */
  files: PackageFile[];
}

const MAX_YAML_BYTES = 1024 * 1024;

async function walk(root: string, relative = ''): Promise<PackageFile[]> {
  const entries = await readdir(join(root, relative), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: PackageFile[] = [];
  for (const entry of entries) {
    const path = relative ? `${relative}/${entry.name}` : entry.name;
    // A folder given to the CLI may hold links; a zip's never do (extractZip refuses them). Neither is followed.
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) files.push(...(await walk(root, path)));
    else if (entry.isFile()) files.push({ path, absPath: join(root, path), sizeBytes: (await stat(join(root, path))).size });
  }
  return files;
}

export async function readYamlFile(file: PackageFile): Promise<Record<string, unknown>> {
  if (file.sizeBytes > MAX_YAML_BYTES) throw new AppError('PACKAGE_INVALID', `${file.path} is too large for a settings file.`);
  let parsed: unknown;
  try {
    parsed = parseYaml(await readFile(file.absPath, 'utf8'), { maxAliasCount: 100 });
  } catch (error) {
    throw new AppError('PACKAGE_INVALID', `${file.path} is not valid YAML (${error instanceof Error ? error.message.split('\n')[0] : 'parse error'}).`);
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new AppError('PACKAGE_INVALID', `${file.path} must be a YAML mapping.`);
  return parsed as Record<string, unknown>;
}

/** Reads a package folder (already extracted, or given to the CLI). */
export async function readPackage(root: string): Promise<PackageContents> {
  const all = await walk(root);
  const byPath = new Map(all.map((f) => [f.path, f]));
  const yamlFile = byPath.get('problem.yaml');
  if (!yamlFile) throw new AppError('PACKAGE_INVALID', 'The package has no problem.yaml at its root.');
  const config = await readYamlFile(yamlFile);

  const tests: PackageTest[] = [];
  const testFiles = new Set<string>();
  for (const file of all) {
    if (!file.path.startsWith('data/') || !file.path.endsWith('.in')) continue;
    const stem = file.path.slice(0, -3);
    const answer = byPath.get(`${stem}.ans`);
    if (!answer) continue; // reported by the mapper (an .in without .ans is not a test)
    const name = stem.slice('data/'.length);
    const group = posix.dirname(name) === '.' ? '' : posix.dirname(name);
    tests.push({ name, group, isSample: name.startsWith('sample/'), inPath: file.absPath, ansPath: answer.absPath });
    testFiles.add(file.path).add(answer.path);
  }
  // The ICPC order: data/sample first, then data/secret, each in lexicographic path order (walk sorted them).
  tests.sort((a, b) => Number(b.isSample) - Number(a.isSample));

  const groupConfigs = new Map<string, Record<string, unknown>>();
  for (const file of all) {
    const base = posix.basename(file.path);
    if (!file.path.startsWith('data/') || (base !== 'testdata.yaml' && base !== 'test_group.yaml')) continue;
    const dir = posix.dirname(file.path);
    groupConfigs.set(dir === 'data' ? '' : dir.slice('data/'.length), await readYamlFile(file));
  }
  return { root, config, tests, groupConfigs, files: all.filter((f) => !testFiles.has(f.path)) };
}
