/**
 * @module The worker-thread side of an import: reads and repairs a source, waits for the
 * duplicate check, then extracts its directives, so none of it runs on the server's thread.
 * Started by createExtractionRunner (extraction-runner.ts); not imported by the main thread.
 */
import { parentPort } from 'node:worker_threads';
import { IngestError } from '../ingest/ingest-error';
import { finishImport, readImport, repairsInBody, type ImportContext, type ReadImport } from './import-source';
import { warmUpImport } from './warm-up-import';
import { summariseRepairs } from './repair-summary';
import { isToWorker, type FromWorker, type ToWorker } from './extraction-protocol';

const port = parentPort;
if (!port) throw new Error('extraction-worker: not started as a worker thread');

/** Sources read and waiting for the duplicate check, by request id. */
const waiting = new Map<number, { reading: ReadImport; context: ImportContext }>();

function reply(message: FromWorker): void {
  port?.postMessage(message);
}

function failure(id: number, error: unknown): FromWorker {
  if (error instanceof IngestError) return { id, type: 'ingest-error', error: { code: error.code, message: error.message, file: error.file, line: error.line } };
  return { id, type: 'error', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

function handle(message: ToWorker): void {
  const { id } = message;
  try {
    if (message.type === 'read') {
      const reading = readImport(message.source, message.context);
      waiting.set(id, { reading, context: message.context });
      reply({ id, type: 'read', slug: reading.slug });
    } else if (message.type === 'finish') {
      const held = waiting.get(id);
      waiting.delete(id);
      if (!held) throw new Error(`extraction-worker: no source read for request ${id}`);
      reply({ id, type: 'prepared', prepared: finishImport(held.reading, held.context) });
    } else if (message.type === 'drop') {
      waiting.delete(id);
    } else if (message.type === 'drop-with-repairs') {
      const held = waiting.get(id);
      waiting.delete(id);
      if (!held) throw new Error(`extraction-worker: no source read for request ${id}`);
      const { source, body, repaired } = held.reading;
      reply({ id, type: 'repairs', repairs: summariseRepairs(repairsInBody(source.text, source.format, body, repaired)) });
    } else if (message.type === 'warm') {
      reply({ id, type: 'warm', ms: warmUpImport() });
    } else {
      reply({ id, type: 'repairs', repairs: summariseRepairs(repairsInBody(message.text, message.format, message.body)) });
    }
  } catch (error) {
    waiting.delete(id);
    reply(failure(id, error));
  }
}

port.on('message', (message: unknown) => {
  if (isToWorker(message)) handle(message);
});
