import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { transformFileSync } from '@swc/core';
import { freePort } from '../../src/database/embedded-postgres';
import { sleep } from './load';

/**
 * The real app as a separate OS process (`node …/src/main.js`), for tests that need a real signal
 * or real process isolation. `npm run build` (tsc + the web app) takes far too long for a test, so
 * src/ and migrations/ are transpiled with SWC — the same compiler and options jest uses — into a
 * folder under node_modules/.cache (so that `require` finds node_modules), removed afterwards.
 * Only the @nestjs/swagger compile-time plugin is missing, which the API's behaviour does not need.
 */
const ROOT = join(__dirname, '..', '..');
const SWC = {
  jsc: {
    parser: { syntax: 'typescript' as const, decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    keepClassNames: true,
    target: 'es2022' as const,
  },
  module: { type: 'commonjs' as const },
  sourceMaps: 'inline' as const,
};

export interface CompiledApp {
  main: string;
  remove(): void;
}

export function compileApp(): CompiledApp {
  const out = join(ROOT, 'node_modules', '.cache', 'hero-test-app', `${process.pid}-${randomBytes(4).toString('hex')}`);
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (path.endsWith('.ts') && !path.endsWith('.spec.ts') && !path.endsWith('.d.ts')) {
        const target = join(out, relative(ROOT, path)).replace(/\.ts$/, '.js');
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, transformFileSync(path, { ...SWC, filename: path }).code);
      }
    }
  };
  walk(join(ROOT, 'src'));
  walk(join(ROOT, 'migrations'));
  return { main: join(out, 'src', 'main.js'), remove: () => rmSync(out, { recursive: true, force: true }) };
}

export interface AppProcess {
  proc: ChildProcess;
  pid: number;
  port: number;
  /** http://127.0.0.1:<port> */
  base: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
  /** SIGKILL if still running (cleanup). */
  kill(): void;
}

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const p of running) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
});

/**
 * Starts `node main.js` with a minimal environment (no inherited secrets) and waits for /health/ready.
 * The port is free when picked but may be taken by another test's process before the app listens
 * (parallel jest workers): an app that exits on EADDRINUSE is started again on another port.
 */
export async function spawnApp(app: CompiledApp, env: Record<string, string>, readyTimeoutMs = 45_000): Promise<AppProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await spawnOnce(app, env, readyTimeoutMs);
    } catch (error) {
      if (attempt >= 3 || !(error instanceof PortTaken)) throw error;
    }
  }
}

class PortTaken extends Error {}

async function spawnOnce(app: CompiledApp, env: Record<string, string>, readyTimeoutMs: number): Promise<AppProcess> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--enable-source-maps', app.main], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: ROOT,
  });
  running.add(proc);
  const chunks: string[] = [];
  const keep = (b: Buffer): void => {
    chunks.push(b.toString());
    if (chunks.length > 500) chunks.shift();
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => {
      running.delete(proc);
      resolve({ code, signal });
    }),
  );
  const child: AppProcess = {
    proc,
    pid: proc.pid!,
    port,
    base: `http://127.0.0.1:${port}`,
    exited,
    output: () => chunks.join(''),
    kill: () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    },
  };
  const until = Date.now() + readyTimeoutMs;
  while (Date.now() < until) {
    if (proc.exitCode !== null || proc.signalCode !== null) {
      const output = child.output();
      throw output.includes('EADDRINUSE') ? new PortTaken(output) : new Error(`app exited before ready:\n${output}`);
    }
    try {
      if ((await fetch(`${child.base}/health/ready`, { signal: AbortSignal.timeout(2_000) })).status === 200) return child;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  child.kill();
  throw new Error(`app not ready within ${readyTimeoutMs} ms:\n${child.output()}`);
}
