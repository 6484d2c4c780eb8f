/**
 * Which web pages on other origins may call the gateway from a browser. Only the gateway answers any: subgraphs
 * are for the gateway and partners' servers, and give no CORS header at all. Credentials stay off (requests carry
 * a bearer token, never a cookie), so an allowed origin gains only what its own users' tokens allow.
 */
export interface CorsSettings {
  /** Exact origins (`https://app.example.gov.vn`), as a browser sends them in `Origin`. */
  origins: string[];
  /** Any `http://localhost:<port>` or `http://127.0.0.1:<port>` page (development: a web app's dev server). */
  allowLocalhost: boolean;
}

export const CORS_ALLOWED_HEADERS = ['authorization', 'content-type', 'apollo-require-preflight', 'x-request-id'];
export const CORS_EXPOSED_HEADERS = ['x-request-id'];

const LOCAL_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?$/;

/** `CORS_ORIGINS`: a comma-separated list of origins; in development localhost pages are allowed too. */
export function corsFromEnv(env: NodeJS.ProcessEnv, development: boolean): CorsSettings {
  const origins = (env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim().replace(/\/+$/, '')).filter(Boolean);
  for (const origin of origins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) throw new Error(`CORS_ORIGINS: "${origin}" is not an origin (scheme://host[:port])`);
  }
  return { origins, allowLocalhost: development };
}

export function corsAllows(settings: CorsSettings, origin: string | undefined): boolean {
  if (!origin) return false;
  if (settings.origins.includes(origin)) return true;
  return settings.allowLocalhost && LOCAL_ORIGIN.test(origin);
}
