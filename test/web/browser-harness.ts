import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { seedDemoProjects } from '../../src/database/demo-projects';
import { DEMO_PASSWORD } from '../../src/database/demo-seed';
import { seedActors, type Actors } from '../support/actors';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Real-browser tests: Debian's chromium driven by playwright-core (no browser download), against
 * the real app (API + built web app) on the embedded test database.
 */
const ROOT = join(__dirname, '..', '..');
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENS_DIR = join(ROOT, 'test-results', 'screens');
/** This test file's screenshot name prefix (startBrowserApp sets it). */
let screenPrefix = '';

function run(cmd: string, args: string[], timeoutMs: number): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'pipe', timeout: timeoutMs, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    return true;
  } catch {
    return false;
  }
}

/**
 * Chromium from Debian's package, installed with apt when missing. Returns why the browser tests
 * must be skipped, or undefined when chromium is there.
 */
export function ensureChromium(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  if (!run('sh', ['-c', 'command -v apt-get'], 5_000)) return `${CHROMIUM} is missing and apt-get is not available to install it`;
  const install = ['install', '-y', '-qq', '--no-install-recommends', 'chromium'];
  process.stderr.write('Browser tests: installing chromium with apt-get (once)…\n');
  if (!run('apt-get', install, 300_000)) {
    run('apt-get', ['update', '-qq'], 300_000);
    if (!run('apt-get', install, 300_000))
      return `apt-get could not install chromium (not root, or no package index): run "apt-get install -y --no-install-recommends chromium"`;
  }
  return existsSync(CHROMIUM) ? undefined : `apt-get installed chromium but ${CHROMIUM} is still missing`;
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

const sleep = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function webBuildIsFresh(index: string): boolean {
  const sources = ['web/src', 'web/index.html', 'web/public', 'web/vite.config.mts'].map((p) => newestMtime(join(ROOT, p)));
  return existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources);
}

/**
 * The web app as `npm run build` serves it (dist/web), rebuilt with vite when its sources are newer.
 * Test files run in parallel workers: a lock folder makes one build while the others wait.
 */
export function ensureWebBuild(): void {
  const index = join(ROOT, 'dist', 'web', 'index.html');
  if (webBuildIsFresh(index)) return;
  const lock = join(ROOT, 'dist', '.web-build.lock');
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 180_000) rmSync(lock, { recursive: true, force: true }); // a crashed builder left it
      sleep(200);
    }
  }
  try {
    if (webBuildIsFresh(index)) return;
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.mts', '--logLevel', 'error'],
      {
        cwd: ROOT,
        stdio: 'pipe',
        timeout: 120_000,
      },
    );
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface BrowserApp {
  t: TestApp;
  actors: Actors;
  baseUrl: string;
  browser: Browser;
  /** A signed-in browser tab for a demo account (its own context: its own session storage). */
  signedIn(email: string): Promise<Page>;
  /** A tab in a new context; `locale` (default en-US) sets the browser's language (navigator.languages, Accept-Language). */
  newPage(options?: { locale?: string }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The app with its background workers on (outbox, webhook delivery) and private webhook targets
 * allowed, so a receiver on 127.0.0.1 gets the deliveries the admin's delivery log shows.
 * `screenPrefix` names this file's screenshots (`fr-01-….png`), so test files running side by side
 * each clear only their own.
 */
export async function startBrowserApp(options: { screenPrefix?: string } = {}): Promise<BrowserApp> {
  screenPrefix = options.screenPrefix ?? '';
  ensureWebBuild();
  const defaults = loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused' });
  const overrides: Partial<AppConfig> = {
    workersEnabled: true,
    jobPollIntervalSeconds: 0.5,
    webhook: { ...defaults.webhook, allowPrivateTargets: true, retryBaseMs: 1_000 },
  };
  const t = await startTestApp(overrides);
  const actors = await seedActors(t);
  // The demo projects make the lists and the portfolio look like `npm start`; the story does not need them.
  await seedDemoProjects(t.app).catch((err: unknown) =>
    process.stderr.write(`Browser tests: demo projects not (fully) seeded: ${err instanceof Error ? err.message : String(err)}\n`),
  );
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  const contexts: BrowserContext[] = [];
  mkdirSync(SCREENS_DIR, { recursive: true });
  const mine = new RegExp(`^${screenPrefix}\\d{2}-.*\\.png$`);
  for (const name of readdirSync(SCREENS_DIR)) if (mine.test(name)) rmSync(join(SCREENS_DIR, name), { force: true });

  const newPage = async ({ locale }: { locale?: string } = {}): Promise<Page> => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 860 },
      baseURL: baseUrl,
      reducedMotion: 'reduce',
      // English unless asked: the story's labels must not depend on the machine's language.
      locale: locale ?? 'en-US',
    });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (err) => process.stderr.write(`Browser page error: ${err.message}\n`));
    return page;
  };
  return {
    t,
    actors,
    baseUrl,
    browser,
    newPage,
    signedIn: async (email) => {
      const page = await newPage();
      await page.goto('/');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      return page;
    },
    close: async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await t.close();
    },
  };
}

let shotNumber = 0;
const README_SHOTS = process.env.README_SCREENSHOTS === '1';
const README_DIR = join(ROOT, 'docs', 'screenshots');

/**
 * Saves a full-page screenshot as test-results/screens/NN-name.png (looked at by people, kept by
 * CI). With README_SCREENSHOTS=1, screens given a `readme` name are also saved, as what fits the
 * window, to docs/screenshots/ for the README.
 */
export async function screenshot(page: Page, name: string, readme?: string, scrollTo?: Locator): Promise<void> {
  shotNumber += 1;
  const file = `${screenPrefix}${String(shotNumber).padStart(2, '0')}-${name}.png`;
  await page.screenshot({ path: join(SCREENS_DIR, file), fullPage: true });
  if (README_SHOTS && readme) {
    mkdirSync(README_DIR, { recursive: true });
    // From the given element down, one window high (boundingBox is relative to the viewport).
    const box = scrollTo ? await scrollTo.boundingBox() : null;
    const scrollY = Number(await page.evaluate('window.scrollY'));
    const pageHeight = Number(await page.evaluate('document.documentElement.scrollHeight'));
    const { width, height } = page.viewportSize() ?? { width: 1280, height: 860 };
    const top = Math.max(0, Math.min(box ? box.y + scrollY - 16 : 0, pageHeight - height));
    await page.screenshot({ path: join(README_DIR, `${readme}.png`), fullPage: true, clip: { x: 0, y: top, width, height } });
  }
}

export const isoDay = (offsetDays = 0): string => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
