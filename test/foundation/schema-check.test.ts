import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const check = (dir?: string) => spawnSync(process.execPath, ['--import', 'tsx', 'schema/compose.ts', '--check', ...(dir ? ['--dir', dir] : [])], { cwd: root, encoding: 'utf8' });

describe('pnpm schema --check', () => {
  it('passes on the committed schema, and fails once a committed file goes stale', () => {
    const committed = check();
    expect(committed.stderr).toBe('');
    expect(committed.status).toBe(0);

    const dir = mkdtempSync(path.join(os.tmpdir(), 'schema-check-'));
    try {
      cpSync(path.join(root, 'schema'), dir, { recursive: true, filter: (p) => !p.includes('node_modules') });
      const file = path.join(dir, 'organizations.graphql');
      writeFileSync(file, readFileSync(file, 'utf8').replace('code: String!', 'code: String'));
      const stale = check(dir);
      expect(stale.status).toBe(1);
      expect(stale.stderr).toMatch(/organizations\.graphql/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

