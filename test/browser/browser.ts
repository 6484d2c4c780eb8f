import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * Real headless Chromium for the browser tests: Debian's `chromium` package (installed by .ci/run and the README's
 * setup), driven by playwright-core. CHROMIUM_PATH points elsewhere if needed.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Only a developer's machine without Chromium skips the browser tests, and says so; in CI (CI set) they always run,
 * so a missing browser fails there instead of passing unseen.
 */
export const skipBrowserTests = !existsSync(CHROMIUM_PATH) && !process.env.CI;
if (skipBrowserTests) {
  console.warn(`browser tests SKIPPED: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
}

export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // The tests run as root in CI, where Chromium's sandbox cannot start; HTTPS upgrades would first try https://
    // on the test's plain-HTTP origins.
    args: ['--no-sandbox', '--disable-features=HttpsUpgrades', ...extraArgs],
  });
}

export interface GuardedPage {
  page: Page;
  context: BrowserContext;
  /** Every request the page tried towards a host it may not reach (each one was refused). */
  blocked: string[];
  /** Console errors and uncaught exceptions of the page, CSP violations included. */
  errors: string[];
  /** Console messages of every kind, for tests that look for the browser's own explanation. */
  console: string[];
  close(): Promise<void>;
}

/**
 * A fresh page (own cookies and storage) that can reach only the given hosts, 127.0.0.1 and localhost by default:
 * every other request is aborted before it leaves and recorded, so "no network beyond the server" is checked, not
 * assumed.
 */
export async function guardedPage(browser: Browser, allowedHosts: string[] = ['127.0.0.1', 'localhost']): Promise<GuardedPage> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const blocked: string[] = [];
  const errors: string[] = [];
  const messages: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (allowedHosts.includes(url.hostname)) return route.continue();
    blocked.push(url.href);
    return route.abort('blockedbyclient');
  });
  page.on('console', (message) => {
    messages.push(message.text());
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return { page, context, blocked, errors, console: messages, close: () => context.close() };
}
