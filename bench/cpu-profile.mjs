// Preloaded by `pnpm bench --profile` (NODE_OPTIONS=--import; Node 20 refuses --cpu-prof there): SIGUSR2 starts
// profiling this process's CPU, the next SIGUSR2 (or exit) writes <service>-<n>.cpuprofile into CPU_PROFILE_DIR.
import { Session } from 'node:inspector';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.env.CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  const parts = (process.argv[1] ?? 'node').split(path.sep);
  const name = parts.includes('services') ? parts[parts.indexOf('services') + 1] : parts.includes('gateway') ? 'gateway' : path.basename(parts.at(-1), '.ts');
  let running = false;
  let count = 0;
  // The same-thread inspector answers synchronously, so stopping completes even inside the exit handler.
  const stop = () => {
    if (!running) return;
    running = false;
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `${name}-${++count}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  process.on('SIGUSR2', () => {
    if (running) return stop();
    session.post('Profiler.enable');
    session.post('Profiler.setSamplingInterval', { interval: 500 });
    session.post('Profiler.start');
    running = true;
  });
  process.once('exit', stop);
}
