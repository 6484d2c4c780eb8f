import { explorerBundle, type ExplorerAsset, type ExplorerBundle } from './bundle.js';
import { README_EXAMPLES, type ExplorerExample } from './examples.js';
import { chooseEncoding, prefersHtml } from './negotiation.js';
import { EXPLORER_CSP, explorerPage } from './page.js';

export { README_EXAMPLES, TOKEN_PLACEHOLDER, type ExplorerExample } from './examples.js';
export { EXPLORER_CSP } from './page.js';
export type { ExplorerAsset } from './bundle.js';

/**
 * An offline GraphiQL served by the gateway: the page, its one script and one stylesheet, all from memory.
 * Nothing is fetched from any other host (no CDN): it works without the internet and under a strict policy.
 *
 * Wiring (framework-neutral): for each request call `respond({ method, path, headers })`; an answer is sent as it
 * is (status, headers, body), `undefined` means the request is not the explorer's. It answers a GET or HEAD of
 * `graphqlPath` that prefers HTML (a browser opening the URL), and of `assetPath` + an asset name.
 * Its answers are already compressed where the client accepts it: a compression layer must leave them alone
 * (they carry `content-encoding`).
 */
export interface ExplorerOptions {
  /** Where GraphQL answers, e.g. `/graphql`: the page is served there to browsers and sends its requests there. */
  graphqlPath: string;
  /** Where the script and stylesheet are served, ending in `/` (default `/explorer/`). */
  assetPath?: string;
  /** The tabs the page opens with (default: the README's queries). */
  examples?: ExplorerExample[];
}

export interface ExplorerRequest {
  method: string;
  /** The path without its query string. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface ExplorerResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface Explorer {
  /** The HTML page (send with `pageHeaders`). */
  page(): string;
  pageHeaders: Record<string, string>;
  /** A script or stylesheet by the name the page uses. */
  asset(name: string): ExplorerAsset | undefined;
  /** The Content-Security-Policy header value of the page. */
  contentSecurityPolicy: string;
  respond(request: ExplorerRequest): ExplorerResponse | undefined;
}

/** In development always; in production only when asked for with `GRAPHIQL=on`. */
export function explorerEnabled(options: { development: boolean; env?: NodeJS.ProcessEnv }): boolean {
  return options.development || (options.env ?? process.env).GRAPHIQL === 'on';
}

/** Builds the explorer's bundle (once per process, about a second) and answers from memory afterwards. */
export async function createExplorer(options: ExplorerOptions): Promise<Explorer> {
  return explorerFrom(await explorerBundle(), options);
}

/**
 * The same, built on the first request that wants it: a gateway starts no slower for having an explorer nobody
 * opens. Requests that are not the explorer's are told so without building anything.
 */
export function lazyExplorer(options: ExplorerOptions): { respond(request: ExplorerRequest): Promise<ExplorerResponse | undefined> } {
  const assetPath = normalizedAssetPath(options);
  return {
    async respond(request) {
      if (!isExplorerRequest(request, options.graphqlPath, assetPath)) return undefined;
      return (await createExplorer(options)).respond(request);
    },
  };
}

function normalizedAssetPath(options: ExplorerOptions): string {
  const assetPath = options.assetPath ?? '/explorer/';
  if (!assetPath.startsWith('/') || !assetPath.endsWith('/')) throw new Error(`explorer: assetPath must start and end with "/" (got ${assetPath})`);
  return assetPath;
}

function header(headers: ExplorerRequest['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function isExplorerRequest(request: ExplorerRequest, graphqlPath: string, assetPath: string): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (request.path === graphqlPath) return prefersHtml(header(request.headers, 'accept'));
  return request.path.startsWith(assetPath);
}

const COMMON_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

function explorerFrom(bundle: ExplorerBundle, options: ExplorerOptions): Explorer {
  const assetPath = normalizedAssetPath(options);
  const html = explorerPage(bundle, { graphqlPath: options.graphqlPath, assetPath, examples: options.examples ?? README_EXAMPLES });
  const htmlBody = Buffer.from(html);
  // Two assets, fixed at build time: looked up by exact name, so a stranger's path never becomes a key.
  const assets = new Map<string, ExplorerAsset>([[bundle.script.name, bundle.script], [bundle.style.name, bundle.style]]);
  const pageHeaders = {
    ...COMMON_HEADERS,
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': EXPLORER_CSP,
    'x-frame-options': 'DENY',
    // The page names its assets by content: it is asked again each time, they are not.
    'cache-control': 'no-cache',
    // The same URL answers GraphQL clients with JSON.
    vary: 'Accept',
  };

  const respondAsset = (request: ExplorerRequest): ExplorerResponse => {
    const found = assets.get(request.path.slice(assetPath.length));
    if (!found) return { status: 404, headers: { ...COMMON_HEADERS, 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from('Not found\n') };
    const headers: Record<string, string> = {
      ...COMMON_HEADERS,
      'content-type': found.contentType,
      'cache-control': 'public, max-age=31536000, immutable',
      etag: found.etag,
      vary: 'Accept-Encoding',
    };
    const ifNoneMatch = header(request.headers, 'if-none-match');
    if (ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === found.etag)) {
      return { status: 304, headers, body: Buffer.alloc(0) };
    }
    const encoding = chooseEncoding(header(request.headers, 'accept-encoding'));
    const body = encoding === 'identity' ? found.body : found.encoded[encoding];
    if (encoding !== 'identity') headers['content-encoding'] = encoding;
    headers['content-length'] = String(body.length);
    return { status: 200, headers, body };
  };

  return {
    page: () => html,
    pageHeaders,
    asset: (name) => assets.get(name),
    contentSecurityPolicy: EXPLORER_CSP,
    respond(request) {
      if (!isExplorerRequest(request, options.graphqlPath, assetPath)) return undefined;
      if (request.path !== options.graphqlPath) return respondAsset(request);
      return { status: 200, headers: { ...pageHeaders, 'content-length': String(htmlBody.length) }, body: htmlBody };
    },
  };
}
