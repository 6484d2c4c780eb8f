/**
 * `pnpm schema`: prints each subgraph's SDL to schema/<name>.graphql and composes schema/supergraph.graphql.
 * `pnpm schema --check`: fails when a committed file differs from what the code produces, or composition fails.
 * Each subgraph is printed in its own process: type-graphql keeps one global registry of classes, and two
 * subgraphs may both declare a class for the same federated type (Organization).
 */
import { composeServices } from '@apollo/composition';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SUBGRAPHS = [
  { name: 'organizations', url: 'http://organizations.invalid/graphql' },
  { name: 'reform-index', url: 'http://reform-index.invalid/graphql' },
  { name: 'evaluations', url: 'http://evaluations.invalid/graphql' },
];

export function printSubgraph(name: string): string {
  return execFileSync(process.execPath, ['--import', 'tsx', path.join(here, 'print-subgraph.ts'), name], {
    encoding: 'utf8', cwd: path.join(here, '..'), maxBuffer: 32 * 1024 * 1024,
  });
}

export function produce(): Map<string, string> {
  const files = new Map<string, string>();
  const sdls = SUBGRAPHS.map((s) => ({ ...s, sdl: printSubgraph(s.name) }));
  for (const s of sdls) files.set(`${s.name}.graphql`, s.sdl);
  const result = composeServices(sdls.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors?.length) {
    throw new Error(`composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  files.set('supergraph.graphql', `${result.supergraphSdl!.trim()}\n`);
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const check = process.argv.includes('--check');
  const dirIndex = process.argv.indexOf('--dir');
  const dir = dirIndex > 0 ? path.resolve(process.argv[dirIndex + 1]!) : here;
  let files: Map<string, string>;
  try {
    files = produce();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const stale: string[] = [];
  for (const [file, content] of files) {
    const target = path.join(dir, file);
    const current = existsSync(target) ? readFileSync(target, 'utf8') : null;
    if (current === content) continue;
    if (check) stale.push(file);
    else writeFileSync(target, content);
  }
  if (check && stale.length) {
    console.error(`schema --check: stale committed schema: ${stale.join(', ')} (run pnpm schema and commit)`);
    process.exit(1);
  }
  console.log(check ? 'schema --check: committed schema matches the code and composes' : `schema: wrote ${[...files.keys()].join(', ')}`);
}
