import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeInitdbPasswordFile } from '../src/database/embedded-postgres.js';

/** The superuser password handed to initdb is never readable by another local user, whatever the umask. */
const dir = mkdtempSync(path.join(os.tmpdir(), 'par-pwfile-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the initdb password file', () => {
  it('is owner-only (0600) even under a permissive umask, and holds the password', () => {
    const previous = process.umask(0o000);
    try {
      const file = writeInitdbPasswordFile('s3cret-password', {}, dir);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, 'utf8')).toBe('s3cret-password\n');
    } finally {
      process.umask(previous);
    }
  });

  it.runIf(process.getuid?.() === 0)('belongs to the user initdb runs as when started as root', () => {
    const file = writeInitdbPasswordFile('s3cret-password', { uid: 65534, gid: 65534 }, dir);
    const stat = statSync(file);
    expect({ uid: stat.uid, gid: stat.gid, mode: stat.mode & 0o777 }).toEqual({ uid: 65534, gid: 65534, mode: 0o600 });
  });

});
