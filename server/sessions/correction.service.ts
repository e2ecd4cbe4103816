/**
 * @module Correcting a published session (its facts and text fixes) and withdrawing it with a
 * reason (issue 14, item 5). The rules, decided here:
 *
 * - A text fix changes paragraphs' text, never their number or order. Every published (or draft)
 *   directive keeps its quote character for character and its offsets move with the text around it;
 *   a fix that cuts into or alters a quote is refused (422 `correction_touches_directive`, naming
 *   the directive): the quote is what was said and may already be assigned, so changing it is not a
 *   typo fix. A rejected suggestion (never shown) is re-anchored instead.
 * - Changing the date re-dates nothing: deadlines of directives and actions stay as they were
 *   (they were resolved and announced); a manager re-dates them on the directive page.
 * - Withdrawal hides the session from lists, search and the register for everyone but managers;
 *   its directives' actions still open are cancelled (each with its own audit entry and the unit's
 *   notification, the reason naming the withdrawal); done actions are kept as done.
 * - Every write names the version it read (409 `version_conflict` when stale), is audited in the
 *   same batch, and search follows at once (a new content hash re-indexes; a withdrawn one drops out).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import type { SessionKind } from '../db/schema';
import { AppError, NotFoundError, UnprocessableError } from '../errors';
import type { AuthUser } from '../http/app-env';
import type { SessionIndexer } from '../ingest/ingest';
import { MEDIA_URL_MESSAGE, parseMediaUrl } from '../ingest/media-url';
import { assertPlausibleRecordDate } from '../dates/plausible-dates';
import { parseDate } from '../persian/jalali';
import { persianLetters } from '../persian/letters';
import { stripBidiControls, stripBidiFromIdentifier } from '../security/bidi';
import { PARAGRAPH_SEPARATOR } from '../session-body';
import { correctBody } from './body-correction';
import type { CorrectableSession, CorrectionRepo, SessionFacts } from './correction.repo';

export interface SessionCorrection {
  version: number;
  title?: string;
  heldOn?: string | null;
  kind?: SessionKind;
  series?: string | null;
  organiser?: string | null;
  speakers?: string[];
  tags?: string[];
  mediaUrl?: string | null;
  notes?: string | null;
  /** New texts of the paragraphs that changed, by ordinal. */
  paragraphs?: Array<{ ordinal: number; text: string }>;
  /** Why, for the audit trail (e.g. «غلط تایپی»). */
  reason?: string;
}

/** What each unit reads on an action its session's withdrawal cancelled. */
export const withdrawalActionReason = (title: string, reason: string | null) => `نشست «${title}» پس گرفته شد${reason ? `: ${reason}` : '.'}`;

/** The signed-in manager (the cancellations of a withdrawal are theirs too). */
export type CorrectionActor = AuthUser;

export interface CorrectionDeps {
  repo: CorrectionRepo;
  clock: Clock;
  indexer?: SessionIndexer;
  /** Statuses of actions that still need work (cancelled on withdrawal, in the same write). */
  openStatuses: readonly string[];
}

const FACT_KEYS = ['title', 'kind', 'heldOn', 'series', 'organiser', 'speakers', 'tags', 'mediaUrl', 'notes'] as const;

const Stale = (current: number) =>
  new AppError(409, 'version_conflict', 'این نشست در این فاصله ویرایش شده است؛ صفحه را تازه کنید و ویرایش را دوباره انجام دهید.', { version: current });
const Withdrawn = () => new AppError(409, 'session_withdrawn', 'این نشست پس گرفته شده است و دیگر ویرایش نمی‌شود.');

function factsOf(row: CorrectableSession): SessionFacts {
  return {
    title: row.title,
    kind: row.kind,
    heldOn: row.heldOn,
    series: row.series,
    organiser: row.organiser,
    speakers: row.speakers,
    tags: row.tags,
    mediaUrl: row.mediaUrl,
    notes: row.notes,
  };
}

// Names typed with Arabic ي/ك are the same names as with Persian ی/ک (a speaker, a series, a tag).
const cleanList = (items: string[]) => [...new Set(items.map((s) => persianLetters(stripBidiControls(s)).trim()).filter((s) => s.length > 0))];
const orNull = (text: string | null) => (text === null || text.trim() === '' ? null : text.trim());

export function createSessionCorrections(deps: CorrectionDeps) {
  const { repo, clock } = deps;

  /** A published session by slug (404 for drafts, as everywhere), or 409 once withdrawn. */
  async function publishedSession(slug: string): Promise<CorrectableSession> {
    const row = await repo.bySlug(slug);
    if (!row || row.status === 'draft') throw NotFoundError('نشست');
    if (row.status === 'withdrawn') throw Withdrawn();
    return row;
  }

  /** Why a write to a published session at `version` lost: withdrawn meanwhile, or written by someone else. */
  async function lostTo(slug: string, version: number): Promise<AppError> {
    const current = await repo.bySlug(slug);
    return current?.status === 'withdrawn' ? Withdrawn() : Stale(current?.version ?? version);
  }

  async function reindex(sessionId: number): Promise<void> {
    // After the write: a search failure must not undo it (the index reconciles and can be rebuilt).
    try {
      await deps.indexer?.indexSessions([sessionId]);
    } catch (error) {
      console.error('sessions: re-indexing the corrected session failed', error);
    }
  }

  async function nextFacts(row: CorrectableSession, input: SessionCorrection): Promise<SessionFacts> {
    const facts = factsOf(row);
    if (input.title !== undefined) {
      const title = stripBidiControls(input.title).trim();
      if (!title) throw UnprocessableError('title_required', 'عنوان نشست نمی‌تواند خالی باشد.');
      facts.title = title;
    }
    if (input.heldOn !== undefined) {
      if (input.heldOn === null || input.heldOn.trim() === '') facts.heldOn = null;
      else {
        const iso = parseDate(input.heldOn);
        if (!iso) throw UnprocessableError('invalid_date', 'تاریخ نشست نامعتبر است؛ آن را به شکل ۱۳۹۹/۱۱/۰۱ (شمسی) بنویسید.');
        assertPlausibleRecordDate(iso, 'تاریخ نشست');
        facts.heldOn = iso;
      }
    }
    if (input.kind !== undefined) facts.kind = input.kind;
    if (input.series !== undefined) facts.series = input.series === null ? null : orNull(persianLetters(stripBidiFromIdentifier(input.series)));
    if (input.organiser !== undefined) {
      const code = input.organiser === null ? null : orNull(input.organiser);
      if (code !== null && !(await repo.unitExists(code))) throw UnprocessableError('unknown_unit', `واحدی با کد «${code}» وجود ندارد.`);
      facts.organiser = code;
    }
    if (input.speakers !== undefined) facts.speakers = cleanList(input.speakers);
    if (input.tags !== undefined) facts.tags = cleanList(input.tags);
    if (input.mediaUrl !== undefined) {
      const url = parseMediaUrl(input.mediaUrl);
      if (url === undefined) throw UnprocessableError('invalid_media_url', MEDIA_URL_MESSAGE);
      facts.mediaUrl = url;
    }
    if (input.notes !== undefined) facts.notes = input.notes === null ? null : orNull(input.notes);
    return facts;
  }

  function checkParagraphs(texts: readonly string[], changes: SessionCorrection['paragraphs']): Map<number, string> {
    const out = new Map<number, string>();
    for (const change of changes ?? []) {
      if (change.ordinal < 0 || change.ordinal >= texts.length) {
        throw UnprocessableError('paragraph_unknown', `بند ${(change.ordinal + 1).toLocaleString('fa-IR')} در این نشست نیست (نشست ${texts.length.toLocaleString('fa-IR')} بند دارد).`, {
          ordinal: change.ordinal,
        });
      }
      const text = stripBidiControls(change.text).replace(/\r\n?/g, '\n').trim();
      const where = `بند ${(change.ordinal + 1).toLocaleString('fa-IR')}`;
      if (!text) throw UnprocessableError('paragraph_empty', `${where} خالی شده است؛ اصلاح متن بند را حذف نمی‌کند.`, { ordinal: change.ordinal });
      if (text.includes(PARAGRAPH_SEPARATOR)) {
        throw UnprocessableError('paragraph_break', `${where} سطر خالی دارد؛ اصلاح متن بندها را جابه‌جا یا دوتا نمی‌کند.`, { ordinal: change.ordinal });
      }
      if (text !== texts[change.ordinal]) out.set(change.ordinal, text);
    }
    return out;
  }

  return {
    /** Correct facts and/or paragraph texts of a published session at `input.version`. */
    async correct(slug: string, actor: CorrectionActor, input: SessionCorrection) {
      const row = await publishedSession(slug);
      if (row.version !== input.version) throw Stale(row.version);
      const facts = await nextFacts(row, input);
      const before = factsOf(row);
      const changedFacts = FACT_KEYS.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(facts[k]));

      const texts = await repo.paragraphTexts(row.id);
      const changes = checkParagraphs(texts, input.paragraphs);
      let text: Parameters<CorrectionRepo['applyCorrection']>[0]['text'];
      let edits: Array<{ ordinal: number; from: string; to: string }> = [];
      let moved = 0;
      if (changes.size > 0) {
        const spans = await repo.directivesOf(row.id);
        const result = correctBody(
          texts,
          changes,
          spans.map((d) => ({ id: d.id, anchor: d.anchor, start: d.start, end: d.end, quote: d.quote, guarded: d.status !== 'rejected' })),
        );
        if (!result.ok) {
          throw UnprocessableError(
            'correction_touches_directive',
            `این اصلاح متنِ رهنمود «${result.span.quote.slice(0, 80)}${result.span.quote.length > 80 ? '…' : ''}» را تغییر می‌دهد؛ متن رهنمود نقل قول است و دست نمی‌خورد. اصلاح را بیرون از آن انجام دهید.`,
            { directiveId: result.span.id, anchor: result.span.anchor, quote: result.span.quote },
          );
        }
        const oldSpans = new Map(spans.map((d) => [d.id, d]));
        const shifted = result.spans.filter((s) => {
          const old = oldSpans.get(s.id);
          return !old || old.start !== s.start || old.end !== s.end || old.quote !== s.quote;
        });
        moved = shifted.length;
        text = {
          body: result.body,
          paragraphs: result.paragraphs.map((p, ordinal) => ({ ordinal, ...p })).filter((p, i) => changes.has(i) || shiftedParagraph(texts, i, changes)),
          directives: shifted,
        };
        edits = [...changes].map(([ordinal, to]) => ({ ordinal, from: texts[ordinal] ?? '', to }));
      }
      if (changedFacts.length === 0 && !text) throw UnprocessableError('correction_empty', 'چیزی تغییر نکرده است.');

      const now = clock.now();
      const version = row.version + 1;
      const contentHash = createHash('sha256')
        .update(JSON.stringify([row.contentHash, 'correction', version, facts, text?.body ?? null]))
        .digest('hex');
      const pick = (f: SessionFacts) => Object.fromEntries(changedFacts.map((k) => [k, f[k]]));
      const outcome = await repo.applyCorrection({
        sessionId: row.id,
        version: row.version,
        facts,
        text,
        contentHash,
        now: now.toISOString(),
        audit: {
          actorId: actor.id,
          event: 'session.correct',
          entity: 'session',
          entityId: row.id,
          before: { version: row.version, ...pick(before), paragraphs: edits.map((e) => ({ ordinal: e.ordinal, text: e.from })) },
          after: { version, ...pick(facts), paragraphs: edits.map((e) => ({ ordinal: e.ordinal, text: e.to })), directivesMoved: moved },
          detail: input.reason ? stripBidiControls(input.reason).trim() || null : null,
          at: now,
        },
      });
      if (outcome === 'stale') throw await lostTo(slug, row.version);
      await reindex(row.id);
      return { slug, version, changed: [...changedFacts, ...(text ? ['text' as const] : [])], paragraphs: edits.length, directivesMoved: moved };
    },

    /** Withdraw a published session with a reason; its open actions are cancelled. */
    async withdraw(slug: string, actor: CorrectionActor, input: { version: number; reason: string }) {
      const row = await publishedSession(slug);
      if (row.version !== input.version) throw Stale(row.version);
      const reason = stripBidiControls(input.reason).trim();
      if (!reason) throw UnprocessableError('reason_required', 'دلیل پس‌گرفتن نشست را بنویسید.');
      const now = clock.now();
      // One write: the session and its open actions' cancellations commit together or not at all.
      const { outcome, cancelled } = await repo.applyWithdrawal({
        sessionId: row.id,
        version: row.version,
        reason,
        actionReason: withdrawalActionReason(row.title, reason),
        openStatuses: deps.openStatuses,
        key: randomUUID(),
        now: now.toISOString(),
        audit: {
          actorId: actor.id,
          event: 'session.withdraw',
          entity: 'session',
          entityId: row.id,
          before: { status: 'published', version: row.version },
          after: { status: 'withdrawn', version: row.version + 1, reason },
          detail: reason,
          at: now,
        },
      });
      if (outcome === 'stale') throw await lostTo(slug, row.version);
      await reindex(row.id);
      return { slug, version: row.version + 1, withdrawnAt: now.toISOString(), reason, cancelledActions: cancelled };
    },

    /**
     * Restore a withdrawn session at `input.version`, with a reason: back in lists, its page, search
     * and the register. The actions its withdrawal cancelled stay cancelled (their deadlines are
     * stale): each directive's page offers to reopen them with a new deadline.
     */
    async restore(slug: string, actor: CorrectionActor, input: { version: number; reason: string }) {
      const row = await repo.bySlug(slug);
      if (!row || row.status === 'draft') throw NotFoundError('نشست');
      if (row.status !== 'withdrawn') throw new AppError(409, 'session_not_withdrawn', 'این نشست پس گرفته نشده است که بازگردانده شود.');
      if (row.version !== input.version) throw Stale(row.version);
      const reason = stripBidiControls(input.reason).trim();
      if (!reason) throw UnprocessableError('reason_required', 'دلیل بازگرداندن نشست را بنویسید.');
      const now = clock.now();
      const version = row.version + 1;
      const outcome = await repo.applyRestore({
        sessionId: row.id,
        version: row.version,
        // A new hash: search takes the session back in at once.
        contentHash: createHash('sha256').update(JSON.stringify([row.contentHash, 'restore', version])).digest('hex'),
        now: now.toISOString(),
        audit: {
          actorId: actor.id,
          event: 'session.restore',
          entity: 'session',
          entityId: row.id,
          before: { status: 'withdrawn', version: row.version, withdrawnAt: row.withdrawnAt, withdrawnReason: row.withdrawnReason },
          after: { status: 'published', version },
          detail: reason,
          at: now,
        },
      });
      if (outcome === 'stale') {
        const current = await repo.bySlug(slug);
        if (current?.status === 'published') throw new AppError(409, 'session_not_withdrawn', 'این نشست در این فاصله بازگردانده شده است.');
        throw Stale(current?.version ?? row.version);
      }
      await reindex(row.id);
      return { slug, version, restoredAt: now.toISOString(), reason, cancelledActions: await repo.withdrawalCancelledCount(row.id) };
    },
  };
}

/** A paragraph after the first changed one moves even when its own text is the same. */
function shiftedParagraph(texts: readonly string[], i: number, changes: ReadonlyMap<number, string>): boolean {
  for (const [ordinal, text] of changes) if (ordinal < i && text.length !== (texts[ordinal] ?? '').length) return true;
  return false;
}

export type SessionCorrections = ReturnType<typeof createSessionCorrections>;
