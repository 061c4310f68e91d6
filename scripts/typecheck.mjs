// Typechecks every workspace with its own tsconfig (so contracts and the pure packages are checked
// without Node or DOM types), two at a time.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const projects = ['packages', 'apps'].flatMap((top) =>
  readdirSync(join(root, top))
    .map((name) => join(top, name))
    .filter((dir) => existsSync(join(root, dir, 'tsconfig.json'))),
);
const extra = ['bench', 'scripts'].filter((dir) => existsSync(join(root, dir, 'tsconfig.json')));
const queue = [...projects, ...extra];
let failed = false;

function check(dir) {
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsc', '-p', dir, '--pretty', 'false'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => {
      console.log(`[typecheck] ${dir}: ${code === 0 ? 'ok' : 'FAILED'}`);
      if (code !== 0) {
        failed = true;
        console.log(out);
      }
      resolve();
    });
  });
}

async function worker() {
  for (let dir = queue.shift(); dir; dir = queue.shift()) await check(dir);
}
await Promise.all([worker(), worker()]);
process.exit(failed ? 1 : 0);
