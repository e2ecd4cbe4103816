import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corporaDir, DEFAULT_CORPORA, missingCorpora, missingCorporaMessage } from './corpora-dir';

const here = mkdtempSync(join(tmpdir(), 'neshast-corpora-'));
mkdirSync(join(here, 'hamshahri'));
afterAll(() => rmSync(here, { recursive: true, force: true }));

describe('corporaDir: where the eval and bench scripts look for corpora', () => {
  // Only the path is compared: nothing beside the repository is read, so a bare clone passes.
  it('defaults to DEFAULT_CORPORA resolved from the repository root', () => {
    const repositoryRoot = resolve(import.meta.dirname, '..', '..');
    expect(corporaDir({})).toBe(resolve(repositoryRoot, DEFAULT_CORPORA));
  });

  it('follows NESHAST_CORPORA and names what is missing there and how to point elsewhere', () => {
    const env = { NESHAST_CORPORA: here };
    expect(corporaDir(env)).toBe(here);
    expect(missingCorpora(['hamshahri', 'farsnews'], env)).toEqual(['farsnews']);
    const message = missingCorporaMessage('bench', ['farsnews'], env);
    expect(message).toContain('farsnews/');
    expect(message).toContain(here);
    expect(message).toContain('NESHAST_CORPORA');
  });
});
