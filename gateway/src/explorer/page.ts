import type { ExplorerBundle } from './bundle.js';
import type { ExplorerExample } from './examples.js';

/**
 * What the explorer page may do: run the gateway's own script and style, talk to the gateway only, be framed by
 * nobody. GraphiQL and React set styles through the DOM (allowed); fonts and icons are data: URLs in the stylesheet.
 */
export const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Text for an HTML attribute value in double quotes (the settings are JSON, user-visible example text included). */
function attribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function explorerPage(bundle: ExplorerBundle, options: { graphqlPath: string; assetPath: string; examples: ExplorerExample[] }): string {
  const config = attribute(JSON.stringify({ graphqlPath: options.graphqlPath, examples: options.examples }));
  const asset = (name: string) => attribute(`${options.assetPath}${name}`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GraphQL explorer · Hải Phòng administrative reform</title>
<link rel="stylesheet" href="${asset(bundle.style.name)}">
</head>
<body>
<div id="explorer" data-config="${config}">Loading the explorer…</div>
<noscript>The explorer needs JavaScript. The API itself answers any HTTP client: POST JSON to ${attribute(options.graphqlPath)}.</noscript>
<script src="${asset(bundle.script.name)}" defer></script>
</body>
</html>
`;
}
