// The hostile programs that apply to Python, Java and JavaScript: environment, network, stray children,
// writing outside, fork bombs, file floods. Same rule: the right verdict, and the host untouched.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LanguageId } from '@logicode/contracts';
import { job, testJudge } from '../helpers.js';
import { listener, outsideFilesOnHost, processesWith, SECRETS } from './host-checks.js';

Object.assign(process.env, SECRETS);

const custom = { tests: [{ id: 'custom', input: '', expectedOutput: null, weight: 1 }] };

async function output(language: LanguageId, source: string): Promise<string> {
  const r = await (await testJudge()).run(job(language, source, custom));
  assert.equal(r.verdict, 'AC', r.compileOutput ?? JSON.stringify(r.tests));
  return r.tests[0]?.output ?? '';
}

describe('hostile Python, Java and JavaScript programs', () => {
  let net: Awaited<ReturnType<typeof listener>>;
  before(async () => {
    net = await listener();
  });
  after(async () => {
    await net.close();
  });

  const envPrograms: Record<'python' | 'java' | 'javascript', string> = {
    python: 'import os\nprint(sorted(os.environ.items()))\n',
    java: 'public class Main { public static void main(String[] a) { System.out.println(new java.util.TreeMap<>(System.getenv())); } }\n',
    javascript: 'console.log(JSON.stringify(process.env));\n',
  };
  for (const [language, src] of Object.entries(envPrograms)) {
    it(`${language}: the environment holds no secret of the parent`, async () => {
      const out = await output(language as LanguageId, src);
      assert.match(out, /PATH/);
      assert.doesNotMatch(out, /secret|DATABASE_URL|TOKEN|NODE_|npm_/);
    });
  }

  it('python, java, javascript: no connection to a host listener on 127.0.0.1', async () => {
    const port = net.port;
    const outs = await Promise.all([
      output('python', `import socket\ntry:\n    socket.create_connection(("127.0.0.1", ${port}), timeout=2)\n    print("connected")\nexcept OSError as e:\n    print("blocked", e.errno)\n`),
      output('java', `public class Main { public static void main(String[] a) { try { new java.net.Socket("127.0.0.1", ${port}); System.out.println("connected"); } catch (Exception e) { System.out.println("blocked"); } } }\n`),
      output('javascript', `const s = require('net').connect(${port}, '127.0.0.1', () => { console.log('connected'); s.destroy(); });\ns.on('error', () => console.log('blocked'));\n`),
    ]);
    for (const out of outs) assert.match(out, /^blocked/);
    assert.equal(net.connections(), 0);
  });

  it('python, java, javascript: a detached background process is gone after the run', async () => {
    await Promise.all([
      output('python', 'import subprocess\nsubprocess.Popen(["/bin/sleep", "987.602"], start_new_session=True)\nprint("bye")\n'),
      output('java', 'public class Main { public static void main(String[] a) throws Exception { new ProcessBuilder("/bin/sleep", "987.603").start(); System.out.println("bye"); } }\n'),
      output('javascript', "require('child_process').spawn('/bin/sleep', ['987.604'], { detached: true, stdio: 'ignore' }).unref();\nconsole.log('bye');\n"),
    ]);
    assert.deepEqual(processesWith('987.60'), []);
  });

  it('python and javascript: writing outside the work dir fails', async () => {
    const py = await output('python', 'ok = 0\nfor p in ["/etc/logicode-pwned", "/usr/logicode-pwned", "/logicode-pwned", "/prog/x"]:\n    try:\n        open(p, "w").write("x")\n        ok += 1\n    except OSError:\n        pass\nprint(ok)\n');
    const js = await output('javascript', "let ok = 0;\nfor (const p of ['/etc/logicode-pwned', '/usr/logicode-pwned', '/logicode-pwned', '/prog/x']) { try { require('fs').writeFileSync(p, 'x'); ok++; } catch {} }\nconsole.log(ok);\n");
    assert.equal(py, '0\n');
    assert.equal(js, '0\n');
    assert.deepEqual(outsideFilesOnHost(), []);
  });

  it('python fork bomb is stopped (TLE) and leaves nothing behind', async () => {
    const r = await (await testJudge()).run(job('python', 'import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n', custom));
    assert.equal(r.verdict, 'TLE', JSON.stringify(r.tests));
  });

  it('python and javascript: flooding a file is OLE', async () => {
    const [py, js] = await Promise.all([
      (await testJudge()).run(job('python', 'f = open("big.txt", "wb")\nwhile True:\n    f.write(b"x" * 65536)\n', custom)),
      (await testJudge()).run(job('javascript', "const fs = require('fs');\nconst fd = fs.openSync('big.txt', 'w');\nconst b = Buffer.alloc(65536, 1);\nfor (;;) fs.writeSync(fd, b);\n", custom)),
    ]);
    assert.equal(py.verdict, 'OLE', JSON.stringify(py.tests));
    assert.equal(js.verdict, 'OLE', JSON.stringify(js.tests));
  });

  it('java: a thread bomb is capped by the pids cgroup', async () => {
    const src = 'public class Main { public static void main(String[] a) { int n = 0; try { for (; n < 5000; n++) { Thread t = new Thread(() -> { try { Thread.sleep(60000); } catch (Exception e) {} }); t.setDaemon(true); t.start(); } } catch (Throwable e) { } System.out.println(n < 1000 ? "capped" : "uncapped " + n); System.exit(0); } }\n';
    assert.equal(await output('java', src), 'capped\n');
  });
});
