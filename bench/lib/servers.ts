import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The app (its compiled main.js) and the baseline as child processes on 127.0.0.1, with their RSS sampled. */
export const BUILD_DIR = join(__dirname, '..', '..');
export const APP_MAIN = join(BUILD_DIR, 'src', 'main.js');
export const BASELINE_MAIN = join(BUILD_DIR, 'bench', 'baseline-server.js');

export interface Server {
  name: string;
  port: number;
  proc: ChildProcess;
  log: string[];
}

export function startServer(name: string, script: string, port: number, env: Record<string, string>, nodeArgs: string[] = []): Server {
  const proc = spawn(process.execPath, [...nodeArgs, script], {
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const keep = (b: Buffer) => {
    log.push(b.toString());
    if (log.length > 200) log.shift();
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  return { name, port, proc, log };
}

export async function waitReady(server: Server, path: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.proc.exitCode !== null) throw new Error(`${server.name} exited (${server.proc.exitCode}):\n${server.log.join('')}`);
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}${path}`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${server.name} did not become ready in ${timeoutMs} ms:\n${server.log.join('')}`);
}

export async function stopServer(server: Server): Promise<void> {
  if (server.proc.exitCode !== null) return;
  const exited = new Promise((r) => server.proc.once('exit', r));
  server.proc.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  if (server.proc.exitCode === null) server.proc.kill('SIGKILL');
}

/** Resident set size of a process, in MB (Linux /proc). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** Samples RSS every 200 ms until stopped; returns the peak. */
export function sampleRss(pid: number): () => number {
  let peak = rssMb(pid);
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssMb(pid));
    } catch {
      // process gone
    }
  }, 200);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc, 100 ticks per second). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
