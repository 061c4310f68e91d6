// The README's test command: typecheck, lint, build the web app if needed, then every test file with
// node:test through tsx. `node scripts/test.mjs path...` runs only the test files under those paths
// (no typecheck or lint), for a quick loop while developing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ensureTestMachine, ensureTestServices } from './test-services.mjs';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);
const concurrency = process.env.LOGICODE_TEST_CONCURRENCY ?? '2';

function run(cmd, args, extraEnv = {}) {
  const started = Date.now();
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\n[test] ${cmd} ${args.slice(0, 3).join(' ')}… finished in ${seconds} s with ${result.status}`);
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function collect(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, out);
    else if (name.endsWith('.test.ts')) out.push(relative(root, path));
  }
  return out;
}

const testRoots = ['packages', 'apps']
  .flatMap((top) => readdirSync(join(root, top)).map((name) => join(root, top, name, 'test')))
  .filter((dir) => existsSync(dir));
let files = testRoots.flatMap((dir) => collect(dir, [])).sort();
if (filters.length > 0) {
  files = files.filter((file) => filters.some((f) => file.startsWith(f.replace(/^\.\//, ''))));
} else {
  run('node', ['scripts/typecheck.mjs']);
  run('npx', ['eslint', '--max-warnings', '0', '.']);
}
if (files.some((f) => f.startsWith('apps/web/')) && existsSync(join(root, 'apps/web/index.html'))) {
  run('npm', ['run', 'build', '-w', '@logicode/web']);
}
if (files.length === 0) {
  console.error('[test] no test files matched');
  process.exit(1);
}
// The sandbox, Chromium and nginx installed if missing (root on Debian); MariaDB and Redis: the machine's, or
// private ones started (and stopped at exit) by test-services.mjs.
ensureTestMachine(root);
const services = await ensureTestServices().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
run('node', ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-timeout=300000', ...files], {
  NODE_ENV: 'test',
  ...services,
});
