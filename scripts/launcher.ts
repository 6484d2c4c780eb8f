import { execFileSync } from 'node:child_process';

/**
 * The processes between this one and the `pnpm` (or `npm`) that launched it: pnpm runs a script through a shell
 * and tsx, and when pnpm itself gets SIGTERM it does not pass the signal on — the platform would keep running,
 * orphaned, holding its ports. Found once with `ps` (any POSIX system); empty when not launched by a package manager.
 */
function launcherChain(): number[] {
  const chain: number[] = [];
  let pid = process.ppid;
  try {
    for (let depth = 0; depth < 6 && pid > 1; depth++) {
      chain.push(pid);
      const [ppid, ...args] = execFileSync('ps', ['-o', 'ppid=,args=', '-p', String(pid)], { encoding: 'utf8' }).trim().split(/\s+/);
      if (/(^|\/)p?npm(\.c?js)?$/.test(args[0] ?? '') || /(^|\/)p?npm(\.c?js)?$/.test(args[1] ?? '')) return chain;
      pid = Number(ppid);
    }
  } catch {
    // No `ps` (or the process is gone already): watch the direct parent only.
  }
  return chain.slice(0, 1);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Calls `onGone` once when any process between here and the launcher is gone (checked every second). */
export function watchLauncher(onGone: () => void) {
  const chain = launcherChain();
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent || chain.some((pid) => !alive(pid))) {
      clearInterval(timer);
      onGone();
    }
  }, 1_000);
  timer.unref();
}
