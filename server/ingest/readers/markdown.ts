/**
 * @module Reads a session written as markdown: YAML front matter, paragraphs, and
 * `:::directive{…}` container blocks whose text is a verbatim directive.
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkDirective from 'remark-directive';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { directiveKinds, type DirectiveKind } from '../../domain';
import { resolveDeadline } from '../../detection/deadline';
import { parseDate } from '../../persian/jalali';
import { normalizePersian } from '../../persian/normalize';
import { IngestError } from '../ingest-error';
import type { ErrorCode } from '../../errors';
import { FrontMatterSchema, isDateOutOfRange } from '../front-matter';
import { deadlineProblem } from '../../dates/plausible-dates';
import { composeBody } from '../../session-body';
import type { DirectiveInput, ParagraphInput, SessionInput } from '../session-input';

/** A directive as written in the file: unit and speaker still as codes/keys, plus its line. */
export interface MarkedDirective extends Omit<DirectiveInput, 'start' | 'end'> {
  paragraphFrom: number;
  paragraphTo: number;
  line: number;
}

/** What the markdown reader yields before codes are checked against units and people. */
export interface MarkdownSession {
  input: SessionInput;
  /** Speaker keys and unit codes to resolve, with lines for errors. */
  speakerKeys: string[];
  organiser: { code: string; line: number } | null;
  directives: Array<MarkedDirective & { speakerKey: string | null; explicitDue: string | null }>;
}

interface Position {
  start: { line: number; offset?: number };
  end: { line: number; offset?: number };
}
interface MdNode {
  type: string;
  name?: string;
  value?: string;
  attributes?: Record<string, string | null | undefined> | null;
  children?: MdNode[];
  position?: Position;
}

/**
 * Inline constructs the reader never looks at (it quotes each block's source by offsets).
 * micromark's emphasis and link resolution is quadratic on runs like `*a*a*a…` (40,000 of
 * them took 28 s), so they are turned off: the block structure is all that is read.
 */
const UNUSED_INLINE = ['attention', 'autolink', 'codeText', 'htmlText', 'labelEnd', 'labelStartImage', 'labelStartLink'];

function blockStructureOnly(this: Processor): void {
  const data = this.data();
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), { disable: { null: UNUSED_INLINE } }];
}

const processor = unified().use(remarkParse).use(blockStructureOnly).use(remarkFrontmatter, ['yaml']).use(remarkDirective);

function fail(code: ErrorCode, message: string, line?: number): never {
  throw new IngestError({ code, message, line });
}

function rawText(source: string, node: MdNode): string {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  let text = source.slice(start, end);
  if (node.type === 'heading') text = text.replace(/^#{1,6}\s+/, '').replace(/\s+#+\s*$/, '');
  // Soft line breaks inside a paragraph are spaces in the session text.
  return text.replace(/[ \t]*\r?\n[ \t]*/g, ' ').trim();
}

function readFrontMatter(tree: MdNode) {
  const yamlNode = tree.children?.find((n) => n.type === 'yaml');
  if (!yamlNode || yamlNode.value === undefined) fail('front_matter_missing', 'سرآغاز YAML (بین دو خط ---) در ابتدای پرونده نیست.', 1);
  let data: unknown;
  try {
    data = parseYaml(yamlNode.value);
  } catch (error) {
    const line = error instanceof YAMLParseError ? (error.linePos?.[0]?.line ?? 0) + 1 : 1;
    fail('front_matter_yaml', `سرآغاز YAML خوانا نیست: ${error instanceof Error ? error.message.split('\n')[0] : ''}`, line);
  }
  const parsed = FrontMatterSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    // The media link answers with the same code wherever it comes from (the import's JSON field too).
    const code = field === 'mediaUrl' ? 'invalid_media_url' : isDateOutOfRange(issue) ? 'date_out_of_range' : 'front_matter_invalid';
    fail(code, `سرآغاز نامعتبر است${field ? ` (فیلد ${field})` : ''}: ${issue?.message ?? ''}`, fieldLine(yamlNode.value, field));
  }
  return { front: parsed.data, yamlText: yamlNode.value };
}

/** The file line of a top-level front-matter field (the YAML starts on line 2). */
function fieldLine(yamlText: string, field: string): number {
  const key = field.split('.')[0];
  const index = key ? yamlText.split('\n').findIndex((l) => l.startsWith(`${key}:`)) : -1;
  return index >= 0 ? index + 2 : 1;
}

/** `due` written as a date, in any digit script: three numbers with - / . between them. */
const DATE_SHAPED = /^\p{Nd}+\s*[-/.]\s*\p{Nd}+\s*[-/.]\s*\p{Nd}+$/u;

/**
 * The deadline the `due` attribute names: a date (ISO, or Jalali in any digits) is the deadline
 * itself; a phrase is resolved against the session date. A date that is not a real date, or a
 * phrase no deadline can be read from (when the session has a date to read it against), is refused.
 */
function dueOfAttribute(due: string, heldOn: string | undefined, line: number): string | null {
  const value = due.trim();
  if (DATE_SHAPED.test(value)) {
    const iso = parseDate(value);
    if (!iso) fail('directive_due', `تاریخ مهلت «${due}» تاریخ درستی نیست؛ آن را به شکل ۱۴۰۰-۰۳-۳۱ (شمسی) یا 2021-06-21 بنویسید.`, line);
    return iso;
  }
  if (!heldOn) return null;
  const resolved = resolveDeadline(normalizePersian(value), heldOn)?.due ?? null;
  if (!resolved) {
    fail('directive_due', `از مهلت «${due}» تاریخی خوانده نشد؛ عبارت مهلت را از متن رهنمود بیاورید (مانند «ظرف دو هفته») یا تاریخ بنویسید (۱۴۰۰-۰۳-۳۱).`, line);
  }
  return resolved;
}

function directiveAttributes(node: MdNode, line: number) {
  const attrs = node.attributes ?? {};
  const kind = attrs.kind ?? 'instruction';
  if (!(directiveKinds as readonly string[]).includes(kind)) {
    fail('directive_kind', `نوع رهنمود «${kind}» شناخته نیست (action، instruction، policy، exhortation).`, line);
  }
  const refs = (attrs.refs ?? '')
    .split(/[,،]/)
    .map((r) => r.trim())
    .filter(Boolean);
  const explicitDue = attrs.dueOn ? parseDate(attrs.dueOn) : null;
  if (attrs.dueOn && !explicitDue) fail('directive_due', `تاریخ مهلت «${attrs.dueOn}» معتبر نیست.`, line);
  return {
    explicitDue,
    anchor: attrs.id ?? undefined,
    kind: kind as DirectiveKind,
    refs,
    assigneeCode: attrs.assignee ?? null,
    recipientCode: attrs.recipient ?? null,
    dueRule: attrs.due ?? null,
    speakerKey: attrs.speaker ?? null,
  };
}

/**
 * Parse one markdown session.
 *
 * @example
 * const { input } = readMarkdownSession(text);
 */
export function readMarkdownSession(source: string): MarkdownSession {
  const tree = processor.parse(source) as MdNode;
  const { front, yamlText } = readFrontMatter(tree);
  const paragraphs: ParagraphInput[] = [];
  const marked: MarkdownSession['directives'] = [];

  for (const node of tree.children ?? []) {
    const line = node.position?.start.line ?? 1;
    if (node.type === 'yaml' || node.type === 'html' || node.type === 'thematicBreak') continue;
    if (node.type === 'containerDirective') {
      if (node.name !== 'directive') fail('directive_unknown', `بلوک «:::${node.name ?? ''}» شناخته نیست؛ فقط :::directive.`, line);
      const endOffset = node.position?.end.offset ?? 0;
      if (!source.slice(0, endOffset).trimEnd().endsWith(':::')) fail('directive_unclosed', 'بلوک :::directive بسته نشده است (::: پایانی نیست).', line);
      const from = paragraphs.length;
      for (const child of node.children ?? []) {
        if (child.type === 'paragraph' && child.children?.[0]?.type === 'directiveLabel') continue;
        const text = rawText(source, child);
        if (text) paragraphs.push({ text });
      }
      if (paragraphs.length === from) fail('directive_empty', 'بلوک :::directive متنی ندارد.', line);
      marked.push({ ...directiveAttributes(node, line), paragraphFrom: from, paragraphTo: paragraphs.length - 1, line, status: 'published' });
      continue;
    }
    if (node.type === 'leafDirective') fail('directive_unknown', `«::${node.name ?? ''}» پشتیبانی نمی‌شود؛ از :::directive استفاده کنید.`, line);
    const text = rawText(source, node);
    if (text) paragraphs.push({ text });
  }
  if (paragraphs.length === 0) fail('session_empty', 'نشست متنی ندارد.', 1);

  const { spans } = composeBody(paragraphs);
  /** The deadline: an explicit dueOn, else the `due` attribute (a date, or a phrase resolved against the session date). */
  const dueOf = (d: MarkdownSession['directives'][number]): string | null => {
    const due = d.explicitDue ?? (d.dueRule ? dueOfAttribute(d.dueRule, front.heldOn, d.line) : null);
    // Only a date written out is held to the bounds: a phrase resolved from the session date is within them.
    const written = d.explicitDue !== null || DATE_SHAPED.test((d.dueRule ?? '').trim());
    const problem = due && written ? deadlineProblem(due, front.heldOn ?? null) : null;
    if (problem) fail('date_out_of_range', problem, d.line);
    return due;
  };
  const directives: DirectiveInput[] = marked.map((d) => ({
    start: spans[d.paragraphFrom]?.[0] ?? 0,
    end: spans[d.paragraphTo]?.[1] ?? 0,
    anchor: d.anchor,
    kind: d.kind,
    refs: d.refs,
    assigneeCode: d.assigneeCode,
    recipientCode: d.recipientCode,
    dueRule: d.dueRule,
    dueOn: dueOf(d),
    speaker: d.speakerKey,
    status: 'published',
  }));

  return {
    input: {
      slug: front.slug,
      title: front.title,
      kind: front.kind,
      heldOn: front.heldOn ?? null,
      series: front.series ?? null,
      organiser: front.organiser ?? null,
      sourceKind: 'markdown',
      sourceText: source,
      mediaUrl: front.mediaUrl ?? null,
      tags: front.tags,
      notes: front.notes ?? null,
      paragraphs,
      directives,
    },
    speakerKeys: front.speakers,
    organiser: front.organiser ? { code: front.organiser, line: fieldLine(yamlText, 'organiser') } : null,
    directives: marked,
  };
}
