import { afterEach, describe, expect, it } from 'vitest';
import { createExtractionRunner, DEFAULT_EXTRACTION_LIMITS, type ExtractionRunner } from './extraction-runner';
import type { ImportContext } from './import-source';

const context: ImportContext = { units: [], people: [], catalogue: { unitCodes: new Set(), people: new Map() } };
const fresh = async () => false;
let runner: ExtractionRunner | undefined;

afterEach(async () => {
  await runner?.close();
  runner = undefined;
});

describe('the extraction worker', () => {
  it('is started and warmed by warm(), off the request path; the next import runs in the same worker', async () => {
    runner = createExtractionRunner();
    expect(runner.starts()).toBe(0);
    expect(await runner.warm()).toBeGreaterThanOrEqual(0);
    expect(runner.starts()).toBe(1);
    const source = { text: 'استان‌ها باید برنامه را ظرف دو هفته ارسال کنند.', format: 'text' as const, fileName: 'after-warm.txt', heldOn: '2021-01-20' };
    const outcome = await runner.prepare(source, context, fresh);
    expect(outcome.duplicate).toBe(false);
    if (!outcome.duplicate) expect(outcome.prepared.input.directives[0]?.dueOn).toBe('2021-02-03');
    expect(runner.starts()).toBe(1);
  }, 60_000);

  it('answers a source that needs more heap than its bound with import_too_large, then reads the next import in a new worker', async () => {
    runner = createExtractionRunner({ ...DEFAULT_EXTRACTION_LIMITS, heapMb: 96 });
    // 1.4 M characters whose every line holds an entity: 260,000 repairs, ~180 MB of heap at its peak.
    const huge = { text: '&nbsp;باید\n'.repeat(130_000), format: 'text' as const, fileName: 'huge.txt', heldOn: '2021-01-20' };
    await expect(runner.prepare(huge, context, fresh)).rejects.toMatchObject({ code: 'import_too_large', status: 422, message: expect.stringMatching(/بیش از حد بزرگ/) });

    const small = { text: 'استان‌ها باید برنامه را ظرف دو هفته ارسال کنند.', format: 'text' as const, fileName: 'small.txt', heldOn: '2021-01-20' };
    const outcome = await runner.prepare(small, context, fresh);
    expect(outcome.duplicate).toBe(false);
    if (!outcome.duplicate) expect(outcome.prepared.input.directives.length).toBeGreaterThan(0);
  }, 180_000);
});
