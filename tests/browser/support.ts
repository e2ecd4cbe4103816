/**
 * @module Browser-test harness: the real server in-process (real database, real ingest of
 * content/, the built web app), Debian's Chromium through playwright-core, an axe-core
 * accessibility check, and screenshots under test-output/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import axe from 'axe-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { createApp } from '../../server/app';
import type { AppDeps } from '../../server/app-deps';
import { systemClock } from '../../server/clock';
import { openDatabase, type Database } from '../../server/db/client';
import type { ScryptParams } from '../../server/auth/password';
import { describeFailure, ingestPaths } from '../../server/ingest/ingest';
import { createUsersRepo } from '../../server/users/users.repo';
import { createUsersService } from '../../server/users/users.service';
import { DEFAULT_DIRECTOR_UNIT, type TestUser, type TestUserSpec } from '../support/test-app';

const ROOT = resolve(import.meta.dirname, '../..');
const WEB_DIST = join(ROOT, 'dist/web');
export const OUTPUT_DIR = join(ROOT, 'test-output');

export interface StartServerOptions {
  /** Paths ingested before the server answers; default `content/`. Empty for an empty database. */
  content?: string[];
  /** Runs on the migrated, ingested database before the server answers (create users, sessions…). */
  setup?: (database: Database) => Promise<void> | void;
  /** Replaces parts of the app's dependencies (a fixed clock, a public URL…). */
  deps?: Partial<Omit<AppDeps, 'database' | 'webDist'>>;
}

export interface TestServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  database: Database;
  /** Create a user (a director defaults to prov-east-azarbaijan); the password is in the result. */
  createUser(spec: TestUserSpec): Promise<TestUser>;
  /**
   * Sign the page's browser context in (creating the user first unless `spec.password` names an
   * existing one's), through `POST /api/auth/login` as the sign-in page does; the cookie stays in the context.
   */
  signIn(page: Page, spec: TestUserSpec): Promise<TestUser>;
  /** Stop serving, close the database and delete its files. */
  close(): Promise<void>;
}

/** Far cheaper than production hashing, so signing in stays fast in tests. */
const TEST_SCRYPT: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

/**
 * Start the real app on a free port with a fresh database holding `content/`.
 *
 * @example
 * const server = await startServer({ setup: async (db) => { … } });
 * await server.signIn(page, { role: 'manager' });
 * await page.goto(`${server.url}/`);
 * await server.close();
 */
export async function startServer(options: StartServerOptions = {}): Promise<TestServer> {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error(`The web app is not built (${WEB_DIST}/index.html is missing): run \`npx vite build\` first (\`npm test\` does).`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'neshast-browser-'));
  const database = await openDatabase(`file:${join(dir, 'neshast.db')}`);
  try {
    const content = options.content ?? [join(ROOT, 'content')];
    if (content.length > 0) {
      const summary = await ingestPaths(database.client, content, { clock: systemClock });
      if (summary.failures.length > 0) throw new Error(`Ingest failed:\n${summary.failures.map(describeFailure).join('\n')}`);
    }
    await options.setup?.(database);
  } catch (error) {
    database.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  const clock = options.deps?.clock ?? systemClock;
  const scrypt = options.deps?.scrypt ?? TEST_SCRYPT;
  const app = createApp({ clock, scrypt, ...options.deps, database, webDist: WEB_DIST });
  const users = createUsersService({ db: database.db, repo: createUsersRepo(database.db), clock, scrypt });
  let counter = 0;

  async function createUser(spec: TestUserSpec): Promise<TestUser> {
    counter++;
    const unitCode = spec.unitCode === undefined ? (spec.role === 'director' ? DEFAULT_DIRECTOR_UNIT : null) : spec.unitCode;
    const username = spec.username ?? `${spec.role}-${counter}`;
    const password = spec.password ?? `browser-test-${counter}-${Math.random().toString(36).slice(2)}`;
    const { user } = await users.create({ username, role: spec.role, unitCode, password, displayName: spec.displayName }, null);
    return { id: user.id, username: user.username, password, role: user.role, unitCode: user.unitCode };
  }

  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((done) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => done({ server: started, port: info.port }));
  });

  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    database,
    createUser,
    async signIn(page, spec) {
      const existing = spec.username && spec.password ? await users.byUsername(spec.username) : undefined;
      const user = existing
        ? { id: existing.id, username: existing.username, password: spec.password ?? '', role: existing.role, unitCode: existing.unitCode }
        : await createUser(spec);
      const response = await page.context().request.post(`${url}/api/auth/login`, {
        data: { username: user.username, password: user.password },
        headers: { Origin: url },
      });
      if (response.status() !== 200) throw new Error(`signIn failed for ${user.username}: ${response.status()} ${await response.text()}`);
      return user;
    },
    async close() {
      await new Promise<void>((done) => server.close(() => done()));
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium; `CHROMIUM_PATH` points elsewhere if needed. Never a downloaded browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BrowserApp {
  readonly server: TestServer;
  readonly browser: Browser;
}

/**
 * The real server and Chromium for one test file: started together before its tests, closed after.
 * `options` runs inside the before-hook, so a file may write its content first.
 *
 * @example
 * const app = useBrowserApp();
 * it('…', async () => { const page = await openPage(app.browser); await page.goto(`${app.server.url}/`); });
 */
export function useBrowserApp(options: () => StartServerOptions = () => ({})): BrowserApp {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(options()), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useBrowserApp: the server and browser start in beforeAll');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
  };
}

/**
 * Launch headless Chromium; fails (never skips) with how to install it when it is missing.
 *
 * @example
 * const browser = await launchBrowser();
 * const page = await browser.newPage();
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM_PATH}. The browser tests need it: install Debian's package with ` +
        '`apt-get install -y chromium` (or set CHROMIUM_PATH to a Chromium binary).',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
  });
}

/** A desktop and a phone viewport (390 px is a common phone width; the pages hold down to 360). */
export const viewports = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

/**
 * A new page in its own context (own cookies), Persian locale, Tehran time zone.
 *
 * @example
 * const page = await openPage(browser, { viewport: viewports.phone, isMobile: true });
 */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: viewports.desktop,
    locale: 'fa-IR',
    timezoneId: 'Asia/Tehran',
    reducedMotion: 'reduce',
    ...options,
  });
  return context.newPage();
}

/**
 * The API as the signed-in page's user, for a test's setup: JSON in and out, with the page's origin
 * (the same-origin check on writes); a failed call fails the test with the server's answer.
 *
 * @example
 * const api = pageApi(page, app.server.url);
 * const draft = await api<{ slug: string }>('/imports', 'POST', { text, heldOn: '1399-11-01' });
 */
export function pageApi(page: Page, serverUrl: string) {
  return async <T,>(path: string, method: string, data?: unknown): Promise<T> => {
    const response = await page.request.fetch(`${serverUrl}/api${path}`, { method, data, headers: { origin: serverUrl } });
    expect(response.status(), await response.text()).toBeLessThan(300);
    return (await response.json()) as T;
  };
}

/**
 * Collect what goes wrong in a page: script errors, console errors (CSP violations show up
 * there) and failed requests. Check `problems` at the end of a test.
 *
 * @example
 * const problems = watchPage(page);
 * // … use the page …
 * expect(problems).toEqual([]);
 */
export function watchPage(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => {
    // Navigating away aborts pending requests; that is not a failure of the page.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
  });
  return problems;
}

/**
 * The messages of every dialog the page opens, each dismissed: hostile markup that ran a script
 * (`alert(…)`) shows up here.
 *
 * @example
 * const dialogs = watchDialogs(page);
 * // … render user text …
 * expect(dialogs).toEqual([]);
 */
export function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

/** An axe-core rule violation, as much as a failure message needs. */
export interface A11yViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/**
 * Run axe-core (WCAG 2.x A and AA, plus best practices) on the page as it is now and fail
 * on serious or critical violations, listing them. Returns every violation found (minor and
 * moderate ones too) for tests that want to look closer.
 *
 * @example
 * await checkA11y(page);
 */
export async function checkA11y(page: Page, options: { exclude?: string[] } = {}): Promise<A11yViolation[]> {
  // Evaluated through the DevTools protocol, which the page's CSP (script-src 'self') does not govern.
  const loaded = await page.evaluate('typeof window.axe === "object"');
  if (loaded !== true) await page.evaluate(axe.source);
  const runOptions = JSON.stringify({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
  const context = JSON.stringify({ exclude: options.exclude ?? [] });
  const result = await page.evaluate<unknown>(
    `axe.run(${context}, ${runOptions}).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) })))`,
  );
  const violations = readViolations(result);
  const blocking = violations.filter((v) => v.impact !== null && BLOCKING_IMPACTS.has(v.impact));
  if (blocking.length > 0) {
    const lines = blocking.map((v) => `- [${v.impact}] ${v.id}: ${v.help}\n    ${v.targets.slice(0, 5).join('\n    ')}`);
    throw new Error(`Accessibility check failed on ${page.url()}:\n${lines.join('\n')}`);
  }
  return violations;
}

function readViolations(value: unknown): A11yViolation[] {
  if (!Array.isArray(value)) throw new Error('axe-core returned no result');
  return value.map((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) throw new Error('axe-core returned an unexpected result');
    const id = 'id' in entry ? String(entry.id) : '';
    const impact = 'impact' in entry && typeof entry.impact === 'string' ? entry.impact : null;
    const help = 'help' in entry ? String(entry.help) : '';
    const targets = 'targets' in entry && Array.isArray(entry.targets) ? entry.targets.map(String) : [];
    return { id, impact, help, targets };
  });
}

/**
 * Save a full-page screenshot as `test-output/screenshots/<name>.png` and return its path.
 *
 * @example
 * await screenshot(page, 'session-phone');
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  const dir = join(OUTPUT_DIR, 'screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? true });
  return path;
}

/**
 * How many CSS pixels the page is wider than the window (0 when nothing overflows sideways,
 * the test that a phone layout holds: no clipped text, no sideways scrolling).
 *
 * @example
 * expect(await horizontalOverflow(page)).toBe(0);
 */
export async function horizontalOverflow(page: Page): Promise<number> {
  const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  return typeof overflow === 'number' ? overflow : Number.NaN;
}

/** The search page's box, cleared, typed into as a person types, and Enter: resolves once the URL holds the query. */
export async function submitSearch(page: Page, q: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'عبارت جست‌وجو' });
  await box.fill('');
  await box.focus();
  await page.keyboard.type(q);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === q);
}
