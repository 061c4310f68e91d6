// The README's start command: everything a fresh machine needs, then `logicode start` (api + worker, embedded).
//  - the judge's sandbox (bubblewrap, compilers, the unprivileged sandbox user): installed by
//    scripts/setup-sandbox.sh when we are root; otherwise we say how, and the platform starts without a judge;
//  - the web app: built once if apps/web/dist is missing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const sandboxUser = spawnSync('id', ['logicode-sandbox'], { stdio: 'ignore' }).status === 0;

if (!has('bwrap') || !has('javac') || !sandboxUser) {
  if (process.getuid?.() === 0 && has('apt-get')) {
    console.log('Installing the judge sandbox (bubblewrap, compilers, sandbox user): scripts/setup-sandbox.sh');
    spawnSync('bash', [join(root, 'scripts/setup-sandbox.sh')], { stdio: 'inherit' });
  } else {
    console.warn('The judge sandbox is not installed: run `sudo bash scripts/setup-sandbox.sh`. Starting without a judge.');
  }
}

if (!existsSync(join(root, 'apps/web/dist/index.html'))) {
  console.log('Building the web app (first start only)…');
  const build = spawnSync('npm', ['run', 'build', '-w', '@logicode/web'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) console.warn('The web app did not build; the API still starts.');
}

// The platform runs as a child; a signal sent to this wrapper (a process manager's SIGTERM) is passed on so its
// graceful shutdown runs, and this process exits with it.
const child = spawn(process.execPath, [join(root, 'apps/cli/bin/logicode.mjs'), 'start', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
