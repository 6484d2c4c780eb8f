import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, platform, sql, token, viaGateway } from '../support/client.js';
import { guardedPage, launchBrowser, skipBrowserTests, type GuardedPage } from './browser.js';

/**
 * The explorer in real headless Chromium, served by the running platform's gateway (development mode): a browser
 * opening /graphql gets the page, its assets come from /explorer/, and its queries go to /graphql. The page may
 * reach 127.0.0.1 and localhost only: any other request is refused and recorded.
 */
let base: string;
let browser: Browser;

/** The README's public example asks for STC: found, or made once (the test platform starts without demo data). */
async function financeDepartment(): Promise<string> {
  const found = ok(await viaGateway<{ organizationByCode: { name: string } | null }>('{ organizationByCode(code: "STC") { name } }')).organizationByCode;
  if (found) return found.name;
  const created = ok(await viaGateway<{ createOrganization: { name: string } }>(
    'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { name } }',
    { input: { code: 'STC', name: 'Sở Tài chính', kind: 'DEPARTMENT', validFrom: '2000-01-01' } },
    await token('HOME_AFFAIRS'),
  ));
  return created.createOrganization.name;
}

/** The text of GraphiQL's result pane once it holds `expected`. */
async function resultContaining(guarded: GuardedPage, expected: string): Promise<string> {
  const pane = guarded.page.locator('.graphiql-response');
  await expect.poll(async () => pane.innerText(), { timeout: 20_000 }).toContain(expected);
  return pane.innerText();
}

/** Replaces the visible headers editor's text as a person would: click, select all, paste. */
async function typeHeaders(guarded: GuardedPage, json: string) {
  const editor = guarded.page.locator('.graphiql-editor-tool .graphiql-editor:visible .CodeMirror');
  await editor.click();
  await guarded.page.keyboard.press('Control+A');
  await guarded.page.keyboard.insertText(json);
}

async function screenshot(guarded: GuardedPage, name: string) {
  if (process.env.SCREENSHOT_DIR) await guarded.page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png` });
}

describe.skipIf(skipBrowserTests)('the explorer works offline in a real browser', () => {
  beforeAll(async () => {
    base = platform().gatewayUrl.replace(/\/graphql$/, '');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the guard refuses and records a request to any other host (so an empty record means something)', async () => {
    const guarded = await guardedPage(browser);
    try {
      await guarded.page.goto(`${base}/explorer/`);
      const outcome = await guarded.page.evaluate(() => fetch('http://cdn.example.net/graphiql.js').then(() => 'fetched', () => 'refused'));
      expect(outcome).toBe('refused');
      expect(guarded.blocked).toEqual(['http://cdn.example.net/graphiql.js']);
    } finally {
      await guarded.close();
    }
  });

  it('loads from its server alone under its strict policy, with the README examples as tabs and the headers pane open', async () => {
    const guarded = await guardedPage(browser);
    try {
      const response = await guarded.page.goto(`${base}/graphql`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      expect(response?.headers()['content-security-policy']).toContain("connect-src 'self'");
      await guarded.page.locator('.graphiql-container').waitFor({ timeout: 20_000 });
      const tabs = guarded.page.locator('.graphiql-tab');
      await expect.poll(() => tabs.count()).toBe(3);
      expect(await tabs.allInnerTexts()).toEqual(['PublicOrganization', 'CreatePerson', 'Ranking']);
      await expect.poll(() => guarded.page.locator('.graphiql-query-editor').innerText()).toContain('organizationByCode(code: "STC")');
      // The headers pane is the one shown.
      expect(await guarded.page.locator('.graphiql-editor-tools button', { hasText: 'Headers' }).getAttribute('class')).toContain('active');
      expect(await guarded.page.locator('.graphiql-editor-tool .graphiql-editor:visible').count()).toBe(1);

      // Everything it loaded came from its own server.
      const loaded = await guarded.page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
      expect(loaded.length).toBeGreaterThanOrEqual(2);
      expect(loaded.filter((name) => !name.startsWith(`${base}/`))).toEqual([]);
      await screenshot(guarded, 'explorer-loaded');
      expect(guarded.blocked).toEqual([]);
      expect(guarded.errors).toEqual([]);
    } finally {
      await guarded.close();
    }
  });

  it('runs the README public query with a JSON POST and shows the organization in the result pane', async () => {
    const name = await financeDepartment();
    const guarded = await guardedPage(browser);
    try {
      const posts: { contentType: string | undefined }[] = [];
      guarded.page.on('request', (request) => {
        if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql') posts.push({ contentType: request.headers()['content-type'] });
      });
      await guarded.page.goto(`${base}/graphql`);
      await guarded.page.locator('.graphiql-execute-button').click();
      const result = await resultContaining(guarded, name);
      expect(result).toContain('"reformIndex"');
      expect(result).not.toContain('"errors"');
      // The schema request and the query: every one a JSON POST, as the API's CSRF guard requires.
      expect(posts.length).toBeGreaterThanOrEqual(2);
      expect(posts.every((post) => post.contentType === 'application/json')).toBe(true);
      await screenshot(guarded, 'explorer-public-query');
      expect(guarded.blocked).toEqual([]);
      expect(guarded.errors).toEqual([]);
    } finally {
      await guarded.close();
    }
  });

  it('sends the bearer token pasted in the headers pane, and keeps it out of storage', async () => {
    const guarded = await guardedPage(browser);
    try {
      await guarded.page.goto(`${base}/graphql`);
      await guarded.page.locator('.graphiql-tab', { hasText: 'CreatePerson' }).click();
      await expect.poll(() => guarded.page.locator('.graphiql-query-editor').innerText()).toContain('createPerson');

      // The tab's placeholder is sent as it is and refused: the pane decides what the request carries.
      // Run from the keyboard this time, as a person at the query editor would.
      await guarded.page.locator('.graphiql-query-editor .CodeMirror').click();
      await guarded.page.keyboard.press('Control+Enter');
      await resultContaining(guarded, 'UNAUTHENTICATED');

      const homeAffairs = await token('HOME_AFFAIRS');
      await typeHeaders(guarded, JSON.stringify({ authorization: `Bearer ${homeAffairs}` }));
      await guarded.page.locator('.graphiql-execute-button').click();
      const result = await resultContaining(guarded, '"createPerson"');
      const id = /"id":\s*"([0-9a-f-]{36})"/.exec(result)?.[1];
      expect(id).toBeDefined();
      const rows = await sql('organizations', 'select full_name from person where id = $1', [id]);
      expect(rows).toEqual([{ full_name: 'Nguyễn Văn A' }]);
      await screenshot(guarded, 'explorer-token');

      // Its history of run operations is stored, without the token.
      const stored = await guarded.page.evaluate(() => JSON.stringify({ ...localStorage }));
      expect(stored).toContain('createPerson');
      expect(stored).not.toContain(homeAffairs);
      expect(guarded.blocked).toEqual([]);
    } finally {
      await guarded.close();
    }
  });
});
