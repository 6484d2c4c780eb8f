import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';

/** One file of the explorer, ready to send: named by its content, so a browser may keep it for good. */
export interface ExplorerAsset {
  name: string;
  contentType: string;
  body: Buffer;
  /** The same bytes compressed once here, so no request pays for compressing a megabyte of script again. */
  encoded: { br: Buffer; gzip: Buffer };
  etag: string;
}

export interface ExplorerBundle {
  script: ExplorerAsset;
  style: ExplorerAsset;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The browser entry, from source: next to this file when the gateway runs from source, under the gateway's src/
 * when it runs from the single file `pnpm build` writes to gateway/dist/.
 */
function browserEntry(): string {
  const candidates = [
    path.join(here, 'browser', 'explorer-app.ts'),
    path.join(here, '..', 'src', 'explorer', 'browser', 'explorer-app.ts'),
  ];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`explorer: its browser entry is missing (looked for ${candidates.join(', ')})`);
  return found;
}

let built: Promise<ExplorerBundle> | undefined;

/**
 * React, GraphiQL and the page's script as one minified script and one stylesheet (GraphiQL's fonts inlined),
 * made once per process with esbuild (about a second) and kept in memory (about 1.6 MB, plus its compressed forms).
 * A failed build is forgotten so the next request tries again.
 */
export function explorerBundle(): Promise<ExplorerBundle> {
  built ??= build().catch((error) => {
    built = undefined;
    throw error;
  });
  return built;
}

async function build(): Promise<ExplorerBundle> {
  // Imported here, not at the top: a gateway without the explorer never loads esbuild.
  const { build: esbuild } = await import('esbuild');
  const result = await esbuild({
    // React and GraphiQL are the gateway's own dependencies, found from the entry in the gateway's node_modules.
    entryPoints: [browserEntry()],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl' },
    legalComments: 'none',
    write: false,
    outdir: path.join(here, 'out'),
    logLevel: 'silent',
  });
  const script = result.outputFiles.find((file) => file.path.endsWith('.js'));
  const style = result.outputFiles.find((file) => file.path.endsWith('.css'));
  if (!script || !style) throw new Error('explorer: the bundle lacks its script or its stylesheet');
  return {
    script: await asset('explorer', 'js', 'text/javascript; charset=utf-8', Buffer.from(script.contents)),
    style: await asset('explorer', 'css', 'text/css; charset=utf-8', Buffer.from(style.contents)),
  };
}

async function asset(stem: string, extension: string, contentType: string, body: Buffer): Promise<ExplorerAsset> {
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 16);
  const [br, gz] = await Promise.all([
    // Quality 9 is within a few per cent of 11 on these files and takes a fraction of its time.
    promisify(brotliCompress)(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    promisify(gzip)(body, { level: 9 }),
  ]);
  return { name: `${stem}.${hash}.${extension}`, contentType, body, encoded: { br, gzip: gz }, etag: `"${hash}"` };
}
