/// <reference lib="dom" />
/**
 * The explorer page's script, bundled by ../bundle.ts with React and GraphiQL into one file served by the gateway
 * itself: the page loads nothing from any other host, so it works offline and under a `script-src 'self'` policy.
 * Its settings come from the page's `data-config` attribute (data, not code: no inline script is needed).
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import './explorer.css';

interface Config {
  graphqlPath: string;
  examples: { title: string; query: string; variables?: Record<string, unknown>; headers?: Record<string, string> }[];
}

const root = document.getElementById('explorer');
if (!root) throw new Error('explorer: the page has no #explorer element');
const config = JSON.parse(root.dataset.config ?? '{}') as Config;

/**
 * Every request is a JSON POST: the API refuses other content types (and header-less GETs) as possible CSRF, and
 * a JSON POST is what every client the README names sends too. The headers pane's JSON is added as it is.
 */
async function fetcher(params: unknown, options?: { headers?: Record<string, unknown> }) {
  const headers = new Headers({ accept: 'application/json', 'content-type': 'application/json' });
  for (const [name, value] of Object.entries(options?.headers ?? {})) {
    if (typeof value === 'string') headers.set(name, value);
  }
  const response = await fetch(config.graphqlPath, { method: 'POST', headers, body: JSON.stringify(params) });
  const text = await response.text();
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    // A non-GraphQL answer (a proxy's error page, a 502) is shown as it came instead of a parse error.
    return { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 2_000)}` }] };
  }
}

/**
 * GraphiQL keeps its history and favourites of run operations with their headers even when told not to persist
 * headers: a pasted bearer token would outlive the tab in localStorage, readable by anything on this origin.
 * Whatever it stores here loses its headers first.
 */
function withoutHeaders(key: string, value: string): string | null {
  if (/(^|:)headers$/.test(key)) return null;
  try {
    return JSON.stringify(JSON.parse(value), (name, item: unknown) => (name === 'headers' && typeof item === 'string' ? undefined : item));
  } catch {
    return value;
  }
}

const storage: Storage = {
  getItem: (key) => localStorage.getItem(key),
  setItem: (key, value) => {
    const kept = withoutHeaders(key, value);
    if (kept === null) localStorage.removeItem(key);
    else localStorage.setItem(key, kept);
  },
  removeItem: (key) => localStorage.removeItem(key),
  clear: () => localStorage.clear(),
  key: (index) => localStorage.key(index),
  get length() {
    return localStorage.length;
  },
};

createRoot(root).render(createElement(GraphiQL, {
  fetcher,
  // GraphiQL names a tab after its operation; the comment line says what the example shows.
  defaultTabs: config.examples.map((example) => ({
    query: `# ${example.title}\n${example.query}`,
    variables: example.variables ? JSON.stringify(example.variables, null, 2) : undefined,
    headers: example.headers ? JSON.stringify(example.headers, null, 2) : undefined,
  })),
  // Open on the headers pane: that is where the bearer token goes.
  defaultEditorToolsVisibility: 'headers',
  isHeadersEditorEnabled: true,
  // A pasted token stays in this tab's memory: it is never written to localStorage.
  shouldPersistHeaders: false,
  storage,
}));
