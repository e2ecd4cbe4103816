/**
 * @module Keeps every published session's search material (material.ts) current in the database,
 * in the background: sessions with none, or with material of an older content hash or analyser, are
 * prepared a few at a time, each slice a few ms of work followed by a rest as long, so requests go
 * on meanwhile; material of sessions no longer published is dropped. Run after a start (existing
 * databases fill in once), after each indexing (imports, corrections, withdrawals) and when another
 * process's writes show (search.service.ts). A search never waits
 * for it: a session without current material is read and analysed as before.
 */
import { ANALYSIS_FINGERPRINT, encodeMaterial } from './material';
import { nextTurn } from './next-turn';
import type { SearchRepo } from './search.repo';

/** Sessions asked for at a time. */
const BATCH = 50;
/** Sessions whose paragraphs one statement reads. */
const READ = 10;
/** Work per slice before a rest, ms (a request never waits behind more than this). */
export const MATERIAL_SLICE_MS = 4;

export interface MaterialPass {
  written: number;
  dropped: number;
  ms: number;
}

export interface MaterialKeeper {
  /** Start a pass (or one more after the running pass); resolves when no pass is due. */
  nudge(): Promise<MaterialPass>;
  /** Wait for the running pass, if any. */
  idle(): Promise<void>;
}

const rest = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * @example
 * const keeper = createMaterialKeeper(repo); keeper.nudge().then(({ written }) => log(written));
 */
export function createMaterialKeeper(repo: Pick<SearchRepo, 'sessionsWithoutMaterial' | 'paragraphsOf' | 'writeMaterial' | 'dropUnpublishedMaterial'>, options: { sliceMs?: number; analysis?: string } = {}): MaterialKeeper {
  const sliceMs = options.sliceMs ?? MATERIAL_SLICE_MS;
  const analysis = options.analysis ?? ANALYSIS_FINGERPRINT;
  let running: Promise<MaterialPass> | null = null;
  let again = false;

  async function pass(): Promise<MaterialPass> {
    const started = performance.now();
    const dropped = await repo.dropUnpublishedMaterial();
    let written = 0;
    // A session tried in this pass is not tried again (its write found it changed: the next pass takes it).
    const tried = new Set<string>();
    for (;;) {
      const due = (await repo.sessionsWithoutMaterial(analysis, BATCH + tried.size)).filter((s) => !tried.has(`${s.id}:${s.contentHash}`));
      if (due.length === 0) break;
      for (let i = 0; i < due.length; i += READ) {
        const chunk = due.slice(i, i + READ);
        for (const s of chunk) tried.add(`${s.id}:${s.contentHash}`);
        const bySession = new Map<number, Array<{ ordinal: number; text: string; speaker: string | null }>>();
        for (const r of await repo.paragraphsOf(chunk.map((s) => s.id))) {
          const list = bySession.get(r.sessionId) ?? [];
          list.push({ ordinal: r.ordinal, text: r.text, speaker: r.speaker });
          bySession.set(r.sessionId, list);
        }
        let sliceStart = performance.now();
        let rows: Parameters<typeof repo.writeMaterial>[0] = [];
        for (const s of chunk) {
          rows.push({ sessionId: s.id, contentHash: s.contentHash, analysis, material: encodeMaterial(bySession.get(s.id) ?? []) });
          const worked = performance.now() - sliceStart;
          if (worked >= sliceMs) {
            await repo.writeMaterial(rows);
            written += rows.length;
            rows = [];
            // Rest as long as the slice worked: at most half of the loop's time goes here.
            await rest(Math.min(50, Math.max(1, worked)));
            sliceStart = performance.now();
          }
        }
        await repo.writeMaterial(rows);
        written += rows.length;
        await nextTurn();
      }
    }
    return { written, dropped, ms: Math.round(performance.now() - started) };
  }

  async function passes(): Promise<MaterialPass> {
    const total: MaterialPass = { written: 0, dropped: 0, ms: 0 };
    // A nudge during a pass asks for one more (what it was nudged for may have been read before it changed).
    do {
      again = false;
      const one = await pass();
      total.written += one.written;
      total.dropped += one.dropped;
      total.ms += one.ms;
    } while (again);
    return total;
  }

  function start(): Promise<MaterialPass> {
    const run = passes().finally(() => {
      running = null;
    });
    running = run;
    return run;
  }

  return {
    nudge() {
      if (running) {
        again = true;
        return running;
      }
      return start();
    },
    async idle() {
      await running?.catch(() => undefined);
    },
  };
}
