/**
 * `pnpm build`: one file per deployable service, `services/<name>/dist/main.js` and `gateway/dist/main.js`, runnable
 * with plain `node` (how each service deploys on its own). Workspace code is bundled; npm packages stay external
 * and are resolved from node_modules. Every decorator carries its type explicitly, so no decorator metadata is needed.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { ROOT } from './platform.js';

const WORKSPACE = new Set(['subgraph-kit', 'shared-rules', 'organizations', 'reform-index', 'evaluations', 'gateway']);
const targets = [
  'services/organizations/src/main.ts',
  'services/reform-index/src/main.ts',
  'services/evaluations/src/main.ts',
  'gateway/src/main.ts',
];

for (const entry of targets) {
  const outfile = path.join(ROOT, entry.replace('/src/main.ts', '/dist/main.js'));
  await build({
    entryPoints: [path.join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    tsconfig: path.join(ROOT, 'tsconfig.base.json'),
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    plugins: [{
      name: 'externals',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => {
          const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0]!;
          return WORKSPACE.has(name) ? undefined : { path: args.path, external: true };
        });
      },
    }],
    logLevel: 'warning',
  });
  console.log(`built ${path.relative(ROOT, outfile)}`);
}
