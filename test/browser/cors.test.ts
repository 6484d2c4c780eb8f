import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, platform, token, unique, viaGateway } from '../support/client.js';
import { guardedPage, launchBrowser, skipBrowserTests } from './browser.js';

/**
 * A web app on another origin calls the gateway from real headless Chromium. The gateway's CORS contract: the
 * origins of CORS_ORIGINS and, in development (as the test platform runs), any http://localhost:* or
 * http://127.0.0.1:* origin; preflight answered; credentials off; allowed request headers authorization,
 * content-type, apollo-require-preflight and x-request-id. Any other origin is refused.
 *
 * The app is a page served by a server of this test on its own port (another origin than the gateway's). A host
 * name outside the development origins, evil.example, is mapped to 127.0.0.1 inside the browser, so the same page
 * is served from an origin the gateway must refuse.
 */
const EVIL_HOST = 'evil.example';
let app: Server;
let appPort: number;
let browser: Browser;
let code: string;
let homeAffairs: string;

/** The app: both requests sent as any web app would, each answer (or the browser's refusal) rendered on the page. */
function appPage(gatewayUrl: string, organizationCode: string, bearer: string): string {
  const settings = JSON.stringify({ gatewayUrl, organizationCode, bearer }).replace(/</g, '\\u003c');
  return `<!doctype html><html><head><meta charset="utf-8"><title>app</title></head><body>
<h1>Organization</h1>
<pre id="public">loading</pre>
<pre id="private">loading</pre>
<script>
const settings = ${settings};
async function ask(query, headers) {
  try {
    const response = await fetch(settings.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables: { code: settings.organizationCode } }),
    });
    return 'answered ' + response.status + ' ' + JSON.stringify(await response.json());
  } catch (error) {
    return 'refused: ' + error.message;
  }
}
(async () => {
  const [open, closed] = await Promise.all([
    ask('query($code: String!) { organizationByCode(code: $code) { name } }', {}),
    ask('query($code: String!) { organizationByCode(code: $code) { name auditTrail { action } } }', { authorization: 'Bearer ' + settings.bearer }),
  ]);
  document.getElementById('public').textContent = open;
  document.getElementById('private').textContent = closed;
  document.body.dataset.done = 'yes';
})();
</script></body></html>`;
}

async function openApp(origin: string) {
  const guarded = await guardedPage(browser, ['127.0.0.1', 'localhost', EVIL_HOST]);
  await guarded.page.goto(`${origin}/`);
  await guarded.page.locator('body[data-done="yes"]').waitFor({ timeout: 20_000 });
  return {
    guarded,
    open: await guarded.page.locator('#public').innerText(),
    closed: await guarded.page.locator('#private').innerText(),
  };
}

/** A preflight as the browser sends it, to read the gateway's answer header by header. */
function preflight(origin: string) {
  return fetch(platform().gatewayUrl, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type,apollo-require-preflight,x-request-id',
    },
  });
}

describe.skipIf(skipBrowserTests)('a web app on another origin calls the gateway from a real browser (CORS)', () => {
  beforeAll(async () => {
    homeAffairs = await token('HOME_AFFAIRS');
    code = unique('CORS');
    ok(await viaGateway('mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
      { input: { code, name: 'Sở Thử nghiệm Trình duyệt', kind: 'DEPARTMENT', validFrom: '2020-01-01' } }, homeAffairs));
    const page = appPage(platform().gatewayUrl, code, homeAffairs);
    app = createServer((_request, response) => { response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page); });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    appPort = (app.address() as AddressInfo).port;
    browser = await launchBrowser([`--host-resolver-rules=MAP ${EVIL_HOST} 127.0.0.1`]);
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => app?.close(resolve));
  });

  for (const host of ['127.0.0.1', 'localhost']) {
    it(`a page from http://${host}:<another port> gets the public answer and the one its bearer token allows`, async () => {
      const origin = `http://${host}:${appPort}`;
      expect(new URL(platform().gatewayUrl).origin).not.toBe(origin);
      const { guarded, open, closed } = await openApp(origin);
      try {
        expect(open).toContain('answered 200');
        expect(open).toContain('Sở Thử nghiệm Trình duyệt');
        expect(closed).toContain('answered 200');
        expect(closed).toContain('"action":"createOrganization"');
        expect(guarded.blocked).toEqual([]);
      } finally {
        await guarded.close();
      }
    });
  }

  it('the preflight names the allowed headers for an allowed origin, and never allows credentials', async () => {
    const origin = `http://127.0.0.1:${appPort}`;
    const response = await preflight(origin);
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/\s*,\s*/);
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'apollo-require-preflight', 'x-request-id']));
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it(`a page from http://${EVIL_HOST} is refused by the browser: neither answer can be read`, async () => {
    const { guarded, open, closed } = await openApp(`http://${EVIL_HOST}:${appPort}`);
    try {
      expect(open).toMatch(/^refused: /);
      expect(closed).toMatch(/^refused: /);
      // Refused because of CORS, not for want of a network: the browser says so.
      expect(guarded.console.some((line) => line.includes('blocked by CORS policy'))).toBe(true);
      expect(guarded.blocked).toEqual([]);
    } finally {
      await guarded.close();
    }
    const response = await preflight(`http://${EVIL_HOST}:${appPort}`);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
