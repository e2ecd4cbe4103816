/**
 * @module The directive register for one user: reads the filters (Jalali dates, a speaker in any
 * spelling, a unit or group, action states, text through the directive index), pages and sorts,
 * and presents each directive with its per-unit strip. Every role reads the same set: published
 * directives of published sessions (drafts and rejected never), which is everything that reaches
 * a director's unit plus everything published, as on session pages.
 */
import type { Clock } from '../clock';
import { tehranToday } from '../actions/due-dates';
import { BadRequestError, NotFoundError } from '../errors';
import { formatJalali } from '../persian/jalali';
import { parseFilterDate } from '../search/filters';
import { buildDirectiveIndex, type DirectiveIndex } from './directive-index';
import { DIRECTIVE_STATE_LABELS, headlineState, parseStates, stripBucket, type StripBucket } from './directive-states';
import type { RegisterActionRow, RegisterFilter, RegisterOrder, RegisterRepo, RegisterRow } from './register.repo';
import type { RegisterFilterInput, RegisterItem, RegisterListInput } from './register.schemas';
import { canonicalSpeaker, matchingSpeakers, type KnownPerson } from './speaker-match';

const collator = new Intl.Collator('fa');

/** What the text filter, related directives and speaker matching read, for one state of the directives table. */
interface Catalogue {
  mark: string;
  index: DirectiveIndex;
  speakers: string[];
  people: KnownPerson[];
}

function dateOf(value: string | undefined, field: 'from' | 'to'): string | undefined {
  if (!value || !value.trim()) return undefined;
  const iso = parseFilterDate(value);
  if (!iso) throw BadRequestError('invalid_date', `تاریخ «${value}» خوانده نشد؛ مانند ۱۴۰۰/۰۱/۰۱ بنویسید.`, { field });
  return iso;
}

export function createRegisterService(repo: RegisterRepo, clock: Clock) {
  const today = () => tehranToday(clock.now());
  let cache: Catalogue | null = null;
  let loading: Promise<Catalogue> | null = null;

  /** The text index and speaker spellings, rebuilt when the directives table moved. */
  async function catalogue(): Promise<Catalogue> {
    const mark = await repo.directivesMark();
    if (cache && cache.mark === mark) return cache;
    loading ??= (async () => {
      const [rows, speakers, people] = await Promise.all([repo.indexable(), repo.recordedSpeakers(), repo.people()]);
      const built: Catalogue = { mark, index: buildDirectiveIndex(rows), speakers, people };
      cache = built;
      return built;
    })().finally(() => {
      loading = null;
    });
    return loading;
  }

  /** The filters as the repository reads them; `speakerMatches` for the page to show. */
  async function filterOf(input: RegisterFilterInput): Promise<{ filter: RegisterFilter; speakerMatches: string[] | null; textRanked: boolean }> {
    const filter: RegisterFilter = { from: dateOf(input.from, 'from'), to: dateOf(input.to, 'to'), kind: input.kind };
    if (filter.from && filter.to && filter.from > filter.to) throw BadRequestError('invalid_range', 'تاریخ آغاز پس از تاریخ پایان است.');
    if (input.series?.trim()) filter.series = input.series.trim();
    const { states, unknown } = parseStates(input.state);
    if (unknown.length > 0) throw BadRequestError('unknown_state', `وضعیت ناشناخته در پالایه: «${unknown.join('، ')}».`, { unknown });
    if (states.length > 0) filter.states = states;
    if (input.hasDeadline) filter.hasDeadline = input.hasDeadline === 'true';
    if (input.unit?.trim()) Object.assign(filter, await unitFilter(input.unit.trim()));
    let speakerMatches: string[] | null = null;
    let textRanked = false;
    if (input.speaker?.trim() || input.q?.trim()) {
      const known = await catalogue();
      if (input.speaker?.trim()) {
        speakerMatches = matchingSpeakers(input.speaker, known.speakers, known.people);
        filter.speakers = speakerMatches;
      }
      if (input.q?.trim()) {
        const ids = known.index.match(input.q);
        if (ids) {
          filter.ids = ids;
          textRanked = true;
        }
      }
    }
    return { filter, speakerMatches, textRanked };
  }

  async function unitFilter(code: string): Promise<Pick<RegisterFilter, 'assigneeCodes' | 'actionUnitCodes'>> {
    const [units, members] = await Promise.all([repo.units(), repo.groupMembers()]);
    const unit = units.find((u) => u.code === code);
    if (!unit) throw BadRequestError('unknown_unit', `واحدی با کد «${code}» وجود ندارد.`);
    if (unit.kind === 'group') {
      const inGroup = members.filter((m) => m.group === code).map((m) => m.member);
      return { assigneeCodes: [code, ...inGroup], actionUnitCodes: inGroup };
    }
    // A unit is reached by directives given to it, to a group it belongs to, or with an action there.
    return { assigneeCodes: [code, ...members.filter((m) => m.member === code).map((m) => m.group)], actionUnitCodes: [code] };
  }

  async function present(rows: RegisterRow[], day: string, people: KnownPerson[]): Promise<RegisterItem[]> {
    const [actions, units] = await Promise.all([repo.actionsOf(rows.map((r) => r.id)), repo.units()]);
    const unitNames = new Map(units.map((u) => [u.code, u.name]));
    // Persian order of the units once, not per row (a CSV holds thousands of rows of 31 units).
    const unitRank = new Map([...units].sort((a, b) => collator.compare(a.name, b.name)).map((u, i) => [u.code, i]));
    const speakerNames = new Map<string, string>();
    const nameOf = (speaker: string) => {
      let name = speakerNames.get(speaker);
      if (name === undefined) {
        name = canonicalSpeaker(speaker, people);
        speakerNames.set(speaker, name);
      }
      return name;
    };
    const byDirective = new Map<number, RegisterActionRow[]>();
    for (const a of actions) {
      const list = byDirective.get(a.directiveId);
      if (list) list.push(a);
      else byDirective.set(a.directiveId, [a]);
    }
    return rows.map((r) => {
      const own = byDirective.get(r.id) ?? [];
      const strip = own
        .map((a) => ({ code: a.unitCode, name: unitNames.get(a.unitCode) ?? a.unitCode, bucket: stripBucket(a, day) }))
        .filter((u): u is { code: string; name: string; bucket: StripBucket } => u.bucket !== null)
        .sort((a, b) => (unitRank.get(a.code) ?? 1e9) - (unitRank.get(b.code) ?? 1e9) || collator.compare(a.name, b.name));
      const count = (b: StripBucket) => strip.filter((u) => u.bucket === b).length;
      const open = own.filter((a) => a.status !== 'done' && a.status !== 'cancelled');
      const state = headlineState({
        total: own.length,
        open: open.length,
        overdue: count('overdue'),
        awaiting: own.filter((a) => a.status === 'awaiting_verification').length,
        done: count('done'),
        cancelled: own.filter((a) => a.status === 'cancelled').length,
      });
      return {
        id: r.id,
        anchor: r.anchor,
        quote: r.quote,
        kind: r.kind,
        speaker: r.speaker,
        speakerName: r.speaker ? nameOf(r.speaker) : null,
        session: { slug: r.session.slug, title: r.session.title, heldOn: r.session.heldOn, heldOnJalali: r.session.heldOn ? formatJalali(r.session.heldOn) : null, series: r.session.series },
        deadline: r.deadline,
        deadlineJalali: r.deadline ? formatJalali(r.deadline) : null,
        dueRule: r.dueRule,
        state,
        stateLabel: DIRECTIVE_STATE_LABELS[state],
        progress: r.progress,
        counts: {
          total: own.length,
          done: count('done'),
          inProgress: count('in_progress'),
          overdue: count('overdue'),
          noReport: count('no_report'),
          cancelled: own.length - strip.length,
        },
        units: strip,
        followUps: own.reduce((n, a) => n + a.followUps, 0),
        link: `/sessions/${encodeURIComponent(r.session.slug)}#d-${r.anchor}`,
        trackLink: `/directives/${r.id}`,
      };
    });
  }

  function orderOf(input: RegisterListInput, textRanked: boolean): RegisterOrder {
    const sort = input.sort ?? (textRanked ? 'relevance' : 'date');
    if (sort === 'relevance' && !textRanked) throw BadRequestError('relevance_without_query', 'مرتب‌سازی بر پایه ربط فقط همراه با عبارت جست‌وجو معنا دارد.');
    return { sort, desc: (input.order ?? (sort === 'date' ? 'desc' : 'asc')) === 'desc' };
  }

  async function peopleNow(): Promise<KnownPerson[]> {
    return cache?.people ?? (await catalogue()).people;
  }

  const service = {
    today,

    async list(input: RegisterListInput) {
      const day = today();
      const { filter, speakerMatches, textRanked } = await filterOf(input);
      const { rows, total } = await repo.page(filter, orderOf(input, textRanked), day, input.limit, input.offset);
      return { items: await present(rows, day, await peopleNow()), total, limit: input.limit, offset: input.offset, today: day, speakerMatches };
    },

    /** Every directive the filters select (the CSV), at most `max`. */
    async all(input: RegisterListInput, max = 50_000) {
      return service.list({ ...input, limit: max, offset: 0 });
    },

    async summaries(input: RegisterFilterInput & { by: 'speaker' | 'series' }) {
      const day = today();
      const { filter } = await filterOf(input);
      const counts = await repo.summaries(input.by, filter, day);
      const rows =
        input.by === 'series'
          ? counts.map((c) => ({ ...c, label: c.key ?? 'بدون مجموعه' }))
          : mergeSpeakers(counts, await peopleNow());
      rows.sort((a, b) => (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0) || b.given - a.given || collator.compare(a.label, b.label));
      return { by: input.by, rows, today: day };
    },

    /** Directives of other sessions that say nearly the same thing, with their outcome. */
    async related(id: number) {
      const own = await repo.visible(id);
      if (!own) throw NotFoundError('رهنمود');
      const known = await catalogue();
      const hits = known.index.related(id);
      if (hits.length === 0) return { items: [] };
      const day = today();
      const { rows } = await repo.page({ ids: hits.map((h) => h.id) }, { sort: 'relevance', desc: false }, day, hits.length, 0);
      const items = await present(rows, day, known.people);
      const similarity = new Map(hits.map((h) => [h.id, h.similarity]));
      return { items: items.map((item) => ({ ...item, similarity: Math.round((similarity.get(item.id) ?? 0) * 1000) / 1000 })) };
    },
  };
  return service;
}

/** Rows per recorded spelling merged into one per person; the key is the person's name (the speaker filter finds every spelling from it). */
function mergeSpeakers(counts: Awaited<ReturnType<RegisterRepo['summaries']>>, people: KnownPerson[]) {
  const merged = new Map<string, (typeof counts)[number] & { label: string }>();
  for (const c of counts) {
    const name = c.key === null ? null : canonicalSpeaker(c.key, people);
    const k = name ?? '\u0000';
    const prev = merged.get(k);
    if (!prev) {
      merged.set(k, { ...c, key: name, label: name ?? 'گوینده نامشخص' });
      continue;
    }
    for (const f of ['given', 'assigned', 'doneOnTime', 'doneLate', 'open', 'overdue'] as const) prev[f] += c[f];
  }
  return [...merged.values()];
}

export type RegisterService = ReturnType<typeof createRegisterService>;
