/** @module Reading sessions for people: rows become API shapes (a directive as directives/directives.presenter.ts shows it). */
import { presentDirective } from '../directives/directives.presenter';
import type { Role } from '../db/schema';
import { NotFoundError } from '../errors';
import { presentKnownUnit } from '../units/units.presenter';
import { renderMarkdown } from './render-markdown';
import type { SessionRow, SessionsRepo, UnitRow } from './sessions.repo';
import type { SessionDetail, SessionSummary } from './sessions.schemas';

function presentSummary(row: SessionRow, units: Map<string, UnitRow>, directiveCount: number): SessionSummary {
  return {
    slug: row.slug,
    title: row.title,
    kind: row.kind,
    heldOn: row.heldOn,
    series: row.series,
    organiser: presentKnownUnit(units, row.organiser),
    speakers: row.speakers,
    directiveCount,
    status: row.status === 'withdrawn' ? 'withdrawn' : 'published',
    version: row.version,
    correctedAt: row.correctedAt,
    withdrawal: row.status === 'withdrawn' ? { at: row.withdrawnAt ?? row.updatedAt, reason: row.withdrawnReason ?? '' } : null,
  };
}

/** Who reads: managers and admins also see withdrawn sessions (marked), others do not. */
export interface SessionViewer {
  role: Role;
}

const seesWithdrawn = (viewer?: SessionViewer) => viewer?.role === 'manager' || viewer?.role === 'admin';

export function createSessionsService(repo: SessionsRepo) {
  return {
    async list(limit: number, offset: number, viewer?: SessionViewer) {
      const { rows, total } = await repo.list(limit, offset, seesWithdrawn(viewer));
      const [counts, units] = await Promise.all([
        repo.publishedDirectiveCounts(rows.map((r) => r.id)),
        repo.unitsByCode(rows.map((r) => r.organiser)),
      ]);
      return { items: rows.map((r) => presentSummary(r, units, counts.get(r.id) ?? 0)), total, limit, offset };
    },

    async detail(slug: string, viewer?: SessionViewer): Promise<SessionDetail> {
      const row = await repo.bySlug(slug, seesWithdrawn(viewer));
      if (!row) throw NotFoundError('نشست');
      const [paragraphRows, directiveRows] = await Promise.all([repo.paragraphsOf(row.id), repo.publishedDirectivesOf(row.id)]);
      const units = await repo.unitsByCode([
        row.organiser,
        ...directiveRows.flatMap((d) => [d.assigneeCode, d.recipientCode]),
      ]);
      return {
        ...presentSummary(row, units, directiveRows.length),
        body: row.body,
        mediaUrl: row.mediaUrl,
        tags: row.tags,
        notes: row.notes,
        notesHtml: row.notes === null ? null : renderMarkdown(row.notes),
        paragraphs: paragraphRows.map((p) => ({
          ordinal: p.ordinal,
          text: p.text,
          start: p.start,
          end: p.end,
          speaker: p.speaker,
          mediaStartMs: p.mediaStartMs,
        })),
        directives: directiveRows.map((d) => presentDirective(d, units)),
      };
    },
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
