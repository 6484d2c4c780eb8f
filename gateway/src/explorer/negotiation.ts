/** The parts of HTTP content negotiation the explorer needs: which media type and which encoding a client prefers. */

function weights(header: string | undefined): Map<string, number> {
  const result = new Map<string, number>();
  for (const part of (header ?? '').split(',').slice(0, 64)) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    result.set(name, Number.isFinite(weight) ? weight : 0);
  }
  return result;
}

/**
 * A browser opening the URL (it names text/html), not a GraphQL client (which names JSON, or nothing, or `*\/*`):
 * HTML must be asked for by name and liked at least as much as JSON.
 */
export function prefersHtml(accept: string | undefined): boolean {
  const w = weights(accept);
  const html = w.get('text/html') ?? 0;
  const json = Math.max(w.get('application/json') ?? 0, w.get('application/graphql-response+json') ?? 0);
  return html > 0 && html >= json;
}

/** br, then gzip, when the client accepts them; otherwise the bytes as they are. */
export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | 'identity' {
  const w = weights(acceptEncoding);
  const wildcard = w.get('*') ?? 0;
  if ((w.get('br') ?? wildcard) > 0) return 'br';
  if ((w.get('gzip') ?? wildcard) > 0) return 'gzip';
  return 'identity';
}
