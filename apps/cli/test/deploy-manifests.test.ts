// The deploy files reference only what exists: the api's real port, routes that answer, variables the config
// modules really read, secrets and config maps that are defined; nginx accepts its config.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { buildApp, loadApiConfig } from '@logicode/api';
import { createRuntime, type Runtime } from '@logicode/core';
import { loadWorkerConfig, startWorker } from '@logicode/worker';
import type { FastifyInstance } from 'fastify';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const K8S = join(ROOT, 'deploy/kubernetes');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed YAML of any kind; the tests assert its shape
type Doc = Record<string, any>;
const yamlDocs = (dir: string): Doc[] => readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => parseAllDocuments(readFileSync(join(dir, f), 'utf8')).map((d) => d.toJS() as Doc))
  .filter(Boolean);
/** What `kubectl apply -f deploy/kubernetes/` applies (not recursive), and the example Secret beside it. */
const applied: Doc[] = yamlDocs(K8S);
const examples: Doc[] = yamlDocs(join(K8S, 'examples'));
const docs: Doc[] = [...applied, ...examples];
const ofKind = (kind: string) => docs.filter((d) => d.kind === kind);
const containers = ofKind('Deployment').flatMap((d) => d.spec.template.spec.containers as Doc[]);

/** Every variable name a config module reads: the keys of their zod env schemas and direct env lookups. */
function configVariables(): Set<string> {
  const files = [
    'apps/api/src/config.ts', 'apps/worker/src/config.ts', 'apps/cli/src/config.ts', 'apps/worker/src/retention/config.ts',
    ...readdirSync(join(ROOT, 'packages/platform/src/config')).map((f) => `packages/platform/src/config/${f}`),
  ];
  const names = new Set<string>();
  for (const file of files) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const match of text.matchAll(/^\s*([A-Z][A-Z0-9_]+):/gm)) names.add(match[1]!);
    for (const match of text.matchAll(/env\.([A-Z][A-Z0-9_]+)/g)) names.add(match[1]!);
    for (const match of text.matchAll(/env\[['"]([A-Z][A-Z0-9_]+)['"]\]/g)) names.add(match[1]!);
  }
  return names;
}

describe('deploy/kubernetes', () => {
  let runtime: Runtime;
  let app: FastifyInstance;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'logicode-deploy-'));
    const config = loadApiConfig({ JWT_SECRET: 'deploy-test-secret-deploy-test-secret', DATA_DIR: dir, LOG_LEVEL: 'silent' });
    runtime = await createRuntime({
      db: { ...config.db, url: `sqlite:${join(dir, 'db.sqlite')}` }, redisUrl: null, redisPrefix: 'x:', core: config.core, migrate: true,
      validateProblems: false, log: () => undefined,
    });
    app = await buildApp({ config, runtime, gateway: false, logger: false });
  });
  after(async () => {
    await app.close();
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('parses into the expected objects', () => {
    const kinds = docs.map((d) => `${d.kind}/${d.metadata.name}`).sort();
    assert.deepEqual(kinds, [
      'ConfigMap/logicode-config', 'Deployment/logicode-api', 'Deployment/logicode-worker',
      'HorizontalPodAutoscaler/logicode-api', 'Secret/logicode-secrets', 'Service/logicode-api',
    ]);
  });

  it('exposes the api on the port its config defaults to, and the Service targets it', () => {
    const port = loadApiConfig({ JWT_SECRET: 'x'.repeat(40), DATA_DIR: dir }).port;
    const api = ofKind('Deployment').find((d) => d.metadata.name === 'logicode-api')!;
    const container = api.spec.template.spec.containers[0];
    assert.deepEqual(container.ports, [{ name: 'http', containerPort: port }]);
    assert.equal(ofKind('ConfigMap')[0]!.data.PORT, String(port));
    const service = ofKind('Service')[0]!;
    assert.deepEqual(service.spec.selector, api.spec.selector.matchLabels);
    assert.equal(service.spec.ports[0].targetPort, 'http');
    assert.match(readFileSync(join(ROOT, 'deploy/Containerfile'), 'utf8'), new RegExp(`EXPOSE ${port}\\b`));
  });

  it('probes routes that exist and answer 200: readiness /readyz, liveness /healthz', async () => {
    const api = ofKind('Deployment').find((d) => d.metadata.name === 'logicode-api')!;
    const container = api.spec.template.spec.containers[0];
    assert.equal(container.readinessProbe.httpGet.path, '/readyz');
    assert.equal(container.livenessProbe.httpGet.path, '/healthz');
    for (const probe of [container.readinessProbe, container.livenessProbe]) {
      const response = await app.inject({ method: 'GET', url: probe.httpGet.path });
      assert.equal(response.statusCode, 200, `${probe.httpGet.path}: ${response.body}`);
    }
    const scrape = api.spec.template.metadata.annotations['prometheus.io/path'];
    assert.equal((await app.inject({ method: 'GET', url: scrape })).statusCode, 200);
  });

  it('worker: probes and the scrape path on the port WORKER_METRICS_PORT sets, answering 200', async (t) => {
    const worker = ofKind('Deployment').find((d) => d.metadata.name === 'logicode-worker')!;
    const container = worker.spec.template.spec.containers[0];
    const port = Number(container.env.find((e: Doc) => e.name === 'WORKER_METRICS_PORT').value);
    assert.deepEqual(container.ports, [{ name: 'metrics', containerPort: port }]);
    assert.equal(worker.spec.template.metadata.annotations['prometheus.io/port'], String(port));
    assert.equal(container.readinessProbe.httpGet.port, 'metrics');
    assert.equal(container.livenessProbe.httpGet.port, 'metrics');
    // The same routes on a real worker (no roles, any free port).
    const handle = await startWorker(runtime, loadWorkerConfig({ WORKER_ROLES: '', WORKER_METRICS_PORT: '0' }), () => undefined);
    t.after(() => handle.stop());
    const paths = [container.readinessProbe.httpGet.path, container.livenessProbe.httpGet.path, worker.spec.template.metadata.annotations['prometheus.io/path']];
    assert.deepEqual(paths, ['/readyz', '/healthz', '/metrics']);
    for (const path of paths) {
      const response = await fetch(`http://127.0.0.1:${handle.httpPort}${path}`);
      assert.equal(response.status, 200, `${path}: ${await response.text()}`);
    }
  });

  it('sets only variables the config modules read, from a defined ConfigMap and Secret keys', () => {
    const known = configVariables();
    assert.ok(known.has('DATABASE_URL') && known.has('WORKER_ROLES') && known.has('SEED_DEMO'), 'the scan finds the schemas');
    const configMap = ofKind('ConfigMap')[0]!;
    const secret = ofKind('Secret')[0]!;
    const used = [...Object.keys(configMap.data), ...Object.keys(secret.stringData)];
    for (const container of containers) {
      for (const env of container.env ?? []) {
        used.push(env.name);
        const ref = env.valueFrom?.secretKeyRef;
        if (ref) {
          assert.equal(ref.name, secret.metadata.name);
          assert.ok(ref.key in secret.stringData, `secret key ${ref.key}`);
        }
      }
      for (const from of container.envFrom ?? []) assert.equal(from.configMapRef.name, configMap.metadata.name);
    }
    const unknown = [...new Set(used)].filter((name) => !known.has(name));
    assert.deepEqual(unknown, [], `variables no config module reads: ${unknown.join(', ')}`);
    const containerEnv = /^ENV (.*)$/m.exec(readFileSync(join(ROOT, 'deploy/Containerfile'), 'utf8'))![1]!;
    for (const [, name] of containerEnv.matchAll(/([A-Z_]+)=/g)) assert.ok(known.has(name!), `Containerfile ENV ${name}`);
  });

  it('applying the directory ships no Secret, and the example\'s placeholders are refused at start', () => {
    assert.deepEqual(applied.filter((d) => d.kind === 'Secret'), [], 'kubectl apply -f deploy/kubernetes/ creates no Secret');
    const secret = ofKind('Secret')[0]!;
    for (const key of ['JWT_SECRET', 'METRICS_TOKEN'] as const) {
      assert.throws(() => loadApiConfig({ DATA_DIR: dir, [key]: secret.stringData[key] }), new RegExp(key), `${key} placeholder`);
    }
    // The placeholder shipped before this change passed the length check.
    assert.throws(() => loadApiConfig({ DATA_DIR: dir, JWT_SECRET: 'change-me-to-at-least-32-random-characters' }), /JWT_SECRET/);
  });

  it('both roles get the shard URLs; the worker pod may create the sandbox\'s namespaces', () => {
    for (const name of ['logicode-api', 'logicode-worker']) {
      const container = ofKind('Deployment').find((d) => d.metadata.name === name)!.spec.template.spec.containers[0];
      assert.ok(container.env.some((e: Doc) => e.name === 'DATABASE_SHARD_URLS'), `${name}: DATABASE_SHARD_URLS`);
    }
    const worker = ofKind('Deployment').find((d) => d.metadata.name === 'logicode-worker')!.spec.template.spec;
    assert.equal(worker.hostUsers, false);
    assert.deepEqual(worker.containers[0].securityContext, {
      procMount: 'Unmasked', seccompProfile: { type: 'Unconfined' }, appArmorProfile: { type: 'Unconfined' },
    });
  });

  it('autoscales the api on CPU 70 %, 3 to 20 replicas; every container has requests and limits', () => {
    const hpa = ofKind('HorizontalPodAutoscaler')[0]!;
    assert.equal(hpa.spec.scaleTargetRef.name, 'logicode-api');
    assert.equal(hpa.spec.minReplicas, 3);
    assert.equal(hpa.spec.maxReplicas, 20);
    assert.deepEqual(hpa.spec.metrics[0].resource, { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } });
    for (const container of containers) {
      for (const key of ['requests', 'limits']) assert.ok(container.resources[key].cpu && container.resources[key].memory, `${container.name} ${key}`);
      assert.equal(container.image, 'logicode:latest');
    }
    assert.deepEqual(containers.map((c) => c.args[0]).sort(), ['api', 'worker'], 'commands the CLI knows');
  });
});

describe('deploy/nginx.conf', () => {
  it('is accepted by nginx -t (paths rewritten as local-cluster.sh does)', (t) => {
    const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => spawnSync('test', ['-x', p]).status === 0);
    assert.ok(nginx, 'nginx is installed (apt-get install -y nginx)');
    const dir = mkdtempSync(join(tmpdir(), 'logicode-nginx-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const conf = readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8')
      .replace(/^pid .*$/m, `pid ${dir}/nginx.pid;`)
      .replace(/^error_log .*$/m, `error_log ${dir}/error.log warn;`)
      .replaceAll('/tmp/nginx-logicode-', `${dir}/tmp-`);
    writeFileSync(join(dir, 'nginx.conf'), conf);
    const result = spawnSync(nginx!, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.match(conf, /least_conn;/);
    assert.match(conf, /keepalive \d+;/);
    assert.match(conf, /location \/socket\.io\/[\s\S]*Upgrade \$http_upgrade/);
    assert.match(conf, /location \/assets\/[\s\S]*max-age=31536000, immutable/);
  });
});
