/**
 * @module Ingest files and folders: catalogue first (units, people), then each session
 * file on its own — a bad file is reported with its line and writes nothing, the
 * others go on — then the search index takes in what changed.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative } from 'node:path';
import type { Client } from '@libsql/client';
import type { Clock } from '../clock';
import { loadCatalogue, peopleStatements, readPeopleYaml, readUnitsYaml, unitStatements } from './catalogue-files';
import { IngestError } from './ingest-error';
import { decodeText } from './decode';
import { ingestReaders, type SessionReader } from './formats';
import { storeSessions } from './session-store';

/** Whatever keeps the search index in step with stored sessions. */
export interface SessionIndexer {
  indexSessions(sessionIds: number[]): Promise<void>;
}

export type { SessionReader };

/** The readers by extension, from the format registry (formats.ts). */
export const defaultReaders: Record<string, SessionReader> = ingestReaders();

export interface IngestFailure {
  file: string;
  line?: number;
  code: string;
  message: string;
}

export interface IngestSummary {
  files: number;
  added: number;
  updated: number;
  unchanged: number;
  failures: IngestFailure[];
  changedIds: number[];
}

export interface IngestOptions {
  clock: Clock;
  indexer?: SessionIndexer;
  readers?: Record<string, SessionReader>;
  /** Progress over sessions written (for terminals). */
  onProgress?: (done: number, total: number, file: string) => void;
}

const CATALOGUE_FILES = ['units.yaml', 'people.yaml'];
/** Documentation beside content, not sessions. */
const SKIPPED_FILES = ['readme.md'];

async function expand(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((e) => !e.name.startsWith('.') && e.name !== 'node_modules')
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((e) => expand(join(path, e.name))),
  );
  return nested.flat();
}

function failureOf(file: string, error: unknown): IngestFailure {
  if (error instanceof IngestError) return { file, line: error.line, code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { file, code: 'ingest_failed', message };
}

async function ingestCatalogue(client: Client, files: string[], failures: IngestFailure[]): Promise<void> {
  const unitsFile = files.find((f) => basename(f) === 'units.yaml');
  const peopleFile = files.find((f) => basename(f) === 'people.yaml');
  const current = await loadCatalogue(client);
  let unitCodes = current.unitCodes;
  if (unitsFile) {
    try {
      const units = readUnitsYaml(await readFile(unitsFile, 'utf8'));
      await client.batch(unitStatements(units), 'write');
      unitCodes = new Set([...unitCodes, ...units.map((u) => u.code)]);
    } catch (error) {
      failures.push(failureOf(unitsFile, error));
    }
  }
  if (peopleFile) {
    try {
      await client.batch(peopleStatements(readPeopleYaml(await readFile(peopleFile, 'utf8'), unitCodes)), 'write');
    } catch (error) {
      failures.push(failureOf(peopleFile, error));
    }
  }
}

/**
 * Ingest paths (files or folders, recursively).
 *
 * @example
 * const summary = await ingestPaths(client, ['content'], { clock: systemClock, indexer: search });
 */
export async function ingestPaths(client: Client, paths: string[], options: IngestOptions): Promise<IngestSummary> {
  const readers = options.readers ?? defaultReaders;
  const files = (await Promise.all(paths.map(expand))).flat();
  const summary: IngestSummary = { files: 0, added: 0, updated: 0, unchanged: 0, failures: [], changedIds: [] };

  await ingestCatalogue(client, files, summary.failures);
  const catalogue = await loadCatalogue(client);

  for (const file of files) {
    if (CATALOGUE_FILES.includes(basename(file)) || SKIPPED_FILES.includes(basename(file).toLowerCase())) continue;
    const reader = readers[extname(file).toLowerCase()];
    if (!reader) continue;
    summary.files++;
    const name = relative(process.cwd(), file) || file;
    try {
      const sessions = reader(decodeText(await readFile(file), name), name, catalogue);
      const result = await storeSessions(client, sessions, options.clock.now(), (done, total) => options.onProgress?.(done, total, name));
      summary.added += result.added;
      summary.updated += result.updated;
      summary.unchanged += result.unchanged;
      summary.changedIds.push(...result.changedIds);
    } catch (error) {
      summary.failures.push(failureOf(name, error));
    }
  }
  if (options.indexer && summary.changedIds.length > 0) await options.indexer.indexSessions(summary.changedIds);
  return summary;
}

/** One line for a terminal. */
export function describeSummary(summary: IngestSummary, seconds: number): string {
  return (
    `ingest: ${summary.files} files, ${summary.added} sessions added, ${summary.updated} updated, ` +
    `${summary.unchanged} unchanged, ${summary.failures.length} failed (${seconds.toFixed(1)} s)`
  );
}

export function describeFailure(failure: IngestFailure): string {
  const where = failure.line === undefined ? failure.file : `${failure.file}:${failure.line}`;
  return `${where}: ${failure.message} [${failure.code}]`;
}
