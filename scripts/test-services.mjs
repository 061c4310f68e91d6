// The services the test suite talks to: MariaDB and Redis. When the machine already runs them (127.0.0.1:3306 with
// root and no password, 127.0.0.1:6379), or LOGICODE_TEST_MYSQL_URL / LOGICODE_TEST_REDIS_URL name others, the tests
// use those. Otherwise this starts private, throw-away instances on free ports in a temporary folder (real servers,
// never mocks), installing the Debian packages first when they are missing and we are root; they are stopped and
// removed when the test command exits (LOGICODE_TEST_SERVICES=private starts private ones even when the machine's
// servers run). When neither is possible it says exactly what to install.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MYSQL_DEFAULT = 'mysql://root@127.0.0.1:3306';
const REDIS_DEFAULT = 'redis://127.0.0.1:6379';
const READY_TIMEOUT_MS = 30_000;

/** Resolves true when something accepts a TCP connection on host:port within the time-out. */
function canConnect(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

/** A MariaDB that answers `SELECT 1` as the URL's user: a port that is open but refuses root is not usable. */
async function mysqlAnswers(url) {
  const { hostname, port } = new URL(url);
  if (!(await canConnect(hostname, Number(port || 3306)))) return false;
  const mysql = await import('mysql2/promise');
  try {
    const connection = await mysql.createConnection({ uri: url, connectTimeout: 3000 });
    await connection.query('SELECT 1');
    await connection.end();
    return true;
  } catch {
    return false;
  }
}

/** A Redis that answers PING (RESP over a raw socket: no client library needed at this point). */
function redisAnswers(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    let reply = '';
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once('error', () => done(false));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
    socket.connect(Number(port || 6379), hostname, () => socket.write('PING\r\n'));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitUntil(check, what) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`[test] ${what} did not become ready within ${READY_TIMEOUT_MS / 1000} s`);
}

const which = (name) => ['/usr/sbin', '/usr/bin', '/usr/local/bin', '/usr/local/sbin'].map((d) => join(d, name)).find((p) => existsSync(p)) ?? null;
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = () => existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');

/** Installs Debian packages as root (the way `npm start` installs the sandbox); false when it cannot. */
function aptInstall(packages) {
  if (!isRoot() || !isDebian()) return false;
  console.log(`[test] installing ${packages.join(', ')} with apt-get (once; needed by the database and queue tests)`);
  // Only the binaries are needed: the tests start private instances of their own below.
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
  let result = install();
  if (result.status !== 0) {
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    result = install();
  }
  return result.status === 0;
}

function cannotProvide(what, packages) {
  return new Error(
    `[test] ${what} is not running on 127.0.0.1 and cannot be started here.\n`
    + `  Install it (Debian/Ubuntu: sudo apt-get install ${packages.join(' ')}) and run the tests again (they start a private\n`
    + '  instance), or point the tests at a running server with LOGICODE_TEST_MYSQL_URL=mysql://user@host:port and\n'
    + '  LOGICODE_TEST_REDIS_URL=redis://host:port.',
  );
}

/** Everything started here, stopped (and its folder removed) when the process exits, however it exits. */
const started = [];
function stopAll() {
  for (const { child, dir } of started.splice(0)) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}

async function startMariadb() {
  let server = which('mariadbd') ?? which('mysqld');
  if (!server && aptInstall(['mariadb-server'])) server = which('mariadbd') ?? which('mysqld');
  const installDb = which('mariadb-install-db') ?? which('mysql_install_db');
  if (!server || !installDb) throw cannotProvide('MariaDB', ['mariadb-server']);
  const dir = mkdtempSync(join(tmpdir(), 'logicode-test-mariadb-'));
  const user = isRoot() ? ['--user=root'] : [];
  const init = spawnSync(installDb, ['--no-defaults', `--datadir=${dir}/data`, ...user, '--auth-root-authentication-method=normal', '--skip-test-db'], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`[test] mariadb-install-db failed:\n${init.stdout}\n${init.stderr}`);
  const port = await freePort();
  const child = spawn(server, [
    '--no-defaults', `--datadir=${dir}/data`, `--socket=${dir}/mysqld.sock`, `--pid-file=${dir}/mysqld.pid`, `--port=${port}`,
    '--bind-address=127.0.0.1', '--skip-name-resolve', `--log-error=${dir}/error.log`, '--innodb-buffer-pool-size=128M', ...user,
  ], { stdio: 'ignore', detached: false });
  child.unref(); // the exit handler stops it; it must not keep the test command alive
  started.push({ child, dir });
  const url = `mysql://root@127.0.0.1:${port}`;
  await waitUntil(() => mysqlAnswers(url), 'the private MariaDB');
  return url;
}

async function startRedis() {
  let server = which('redis-server');
  if (!server && aptInstall(['redis-server'])) server = which('redis-server');
  if (!server) throw cannotProvide('Redis', ['redis-server']);
  const dir = mkdtempSync(join(tmpdir(), 'logicode-test-redis-'));
  const port = await freePort();
  const child = spawn(server, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  child.unref();
  started.push({ child, dir });
  const url = `redis://127.0.0.1:${port}`;
  await waitUntil(() => redisAnswers(url), 'the private Redis');
  return url;
}

/** The server the variable names, or the machine's default one, or a private one started now. */
async function provide(variable, fallbackUrl, answers, startPrivate) {
  const named = process.env[variable];
  if (named) {
    if (!(await answers(named))) throw new Error(`[test] ${variable}=${named} does not answer`);
    return { url: named, how: `from ${variable}` };
  }
  // LOGICODE_TEST_SERVICES=private skips the machine's servers (a contributor's own data stays untouched).
  if (process.env.LOGICODE_TEST_SERVICES !== 'private' && (await answers(fallbackUrl))) return { url: fallbackUrl, how: 'already running' };
  return { url: await startPrivate(), how: 'private, stopped after the run' };
}

/**
 * The environment the tests need: LOGICODE_TEST_MYSQL_URL and LOGICODE_TEST_REDIS_URL pointing at servers that
 * answer. Says on one line each which servers the run uses.
 */
export async function ensureTestServices() {
  const mysql = await provide('LOGICODE_TEST_MYSQL_URL', MYSQL_DEFAULT, mysqlAnswers, startMariadb);
  const redis = await provide('LOGICODE_TEST_REDIS_URL', REDIS_DEFAULT, redisAnswers, startRedis);
  console.log(`[test] MariaDB ${mysql.url} (${mysql.how}); Redis ${redis.url} (${redis.how})`);
  return { LOGICODE_TEST_MYSQL_URL: mysql.url, LOGICODE_TEST_REDIS_URL: redis.url };
}

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

/**
 * The machine's tools the tests drive for real: the judge's sandbox (bubblewrap, the compilers, the sandbox user),
 * Chromium for the browser tests and nginx for the local cluster test. Installed as `npm start` installs the sandbox
 * (root on Debian); elsewhere a sentence says what is missing, and the tests that need it fail saying so.
 */
export function ensureTestMachine(root) {
  const sandboxUser = spawnSync('id', ['logicode-sandbox'], { stdio: 'ignore' }).status === 0;
  const missingSandbox = !has('bwrap') || !has('javac') || !sandboxUser;
  const missing = [!has('chromium') && 'chromium', !has('nginx') && 'nginx'].filter(Boolean);
  if (!missingSandbox && missing.length === 0) return;
  if (!isRoot() || !isDebian()) {
    console.warn(`[test] missing: ${[missingSandbox && 'the judge sandbox (sudo bash scripts/setup-sandbox.sh)', ...missing].filter(Boolean).join(', ')}; the tests that need them will fail`);
    return;
  }
  if (missingSandbox) spawnSync('bash', [join(root, 'scripts/setup-sandbox.sh')], { stdio: 'inherit' });
  if (missing.length > 0) aptInstall(missing);
}

export { stopAll as stopTestServices };
