// Preload (NODE_OPTIONS=--import) that records a V8 CPU profile of the whole process and writes it to
// $BENCH_CPU_PROF/<pid>.cpuprofile at exit: node refuses --cpu-prof in NODE_OPTIONS, and the api is spawned
// through tsx. The in-thread inspector session answers synchronously, so the profile is written in 'exit'.
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 1000 });
session.post('Profiler.start');
process.on('exit', () => {
  session.post('Profiler.stop', (error, result) => {
    if (!error) writeFileSync(join(process.env.BENCH_CPU_PROF ?? '.', `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
  });
});
