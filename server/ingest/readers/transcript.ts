/**
 * @module Reads WebVTT and SRT transcripts: cues with times, speakers from `<v Name>` or a
 * «Name:» prefix, merged into paragraphs per speaker turn with the first and last cue
 * times (ms). A malformed cue is an IngestError naming its line.
 */
import { endsWithSentenceEnd } from '../../persian/sentences';
import { decodeEntities, normalizeForDisplay } from '../../repair/characters';
import { IngestError } from '../ingest-error';
import type { ParagraphInput, SessionInput } from '../session-input';
import { fileSession } from './file-session';

export interface Cue {
  startMs: number;
  endMs: number;
  speaker: string | null;
  text: string;
  /** 1-based line of the cue's timing line. */
  line: number;
}

const TIMING = /^\s*(\S+)\s+-->\s+(\S+)(?:\s+.*)?$/;

function parseTimestamp(value: string, format: 'vtt' | 'srt'): number | null {
  const re = format === 'vtt' ? /^(?:(\d{1,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/ : /^(\d{1,}):([0-5]\d):([0-5]\d)[,.](\d{3})$/;
  const m = re.exec(value);
  if (!m) return null;
  const [h, min, s, ms] = [Number(m[1] ?? 0), Number(m[2]), Number(m[3]), Number(m[4])];
  return ((h * 60 + min) * 60 + s) * 1000 + ms;
}

function cleanText(text: string): string {
  const decoded = decodeEntities(text.replace(/<\/?(?:c|i|b|u|lang|ruby|rt)(?:\.[^>\s]*)?(?:\s[^>]*)?>|<\d[\d:.]*>/g, '')).text;
  return normalizeForDisplay(decoded).text.replace(/\s+/g, ' ').trim();
}

/** «فیروزی: …» or «حسین فیروزی: …» at the start of a cue names its speaker. */
const PREFIX_SPEAKER = /^([\p{L}\u200C]+(?: [\p{L}\u200C]+){0,3})\s*[:：]\s+(.+)$/su;

function speakerOf(raw: string): { speaker: string | null; text: string } {
  const voice = /^<v(?:\.[^\s>]*)?\s+([^>]+)>([\s\S]*)$/u.exec(raw.trim());
  if (voice) return { speaker: cleanText(voice[1] ?? ''), text: (voice[2] ?? '').replace(/<\/v>/g, '') };
  const prefix = PREFIX_SPEAKER.exec(raw.trim());
  if (prefix) return { speaker: cleanText(prefix[1] ?? ''), text: prefix[2] ?? '' };
  return { speaker: null, text: raw };
}

function broken(fileName: string, line: number, message: string): IngestError {
  return new IngestError({ code: 'broken_cue', message, line, file: fileName });
}

/**
 * Parse the cues of a WebVTT or SRT file.
 *
 * @example
 * parseCues('a.vtt', 'WEBVTT\n\n00:00.000 --> 00:02.000\n<v حسین فیروزی>سلام', 'vtt')
 * // [{ startMs: 0, endMs: 2000, speaker: 'حسین فیروزی', text: 'سلام', line: 3 }]
 */
export function parseCues(fileName: string, source: string, format: 'vtt' | 'srt'): Cue[] {
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let i = 0;
  if (format === 'vtt') {
    if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
      throw broken(fileName, 1, 'پرونده WebVTT باید با «WEBVTT» آغاز شود.');
    }
    while (i < lines.length && (lines[i] ?? '').trim() !== '') i++;
  }
  const cues: Cue[] = [];
  while (i < lines.length) {
    while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
    if (i >= lines.length) break;
    const blockStart = i;
    const block: string[] = [];
    while (i < lines.length && (lines[i] ?? '').trim() !== '') block.push(lines[i++] ?? '');
    const head = block[0] ?? '';
    if (format === 'vtt' && /^(?:NOTE|STYLE|REGION)(?:\s|$)/.test(head)) continue;
    // The timing line is the first line, or the second after a cue id / SRT index.
    const timingIndex = TIMING.test(head) ? 0 : TIMING.test(block[1] ?? '') ? 1 : -1;
    if (timingIndex < 0) {
      // Point at the line that tried to be a timing line, else at the block's first line.
      const guess = block.findIndex((l) => /-->|->|\d{1,2}:\d{2}/.test(l));
      const at = blockStart + (guess >= 0 ? guess : 0) + 1;
      throw broken(fileName, at, `زمان‌بندی سرنویس در سطر ${at} پیدا نشد یا نادرست است (نمونه‌ی درست: 00:00:01${format === 'vtt' ? '.' : ','}000 --> 00:00:04${format === 'vtt' ? '.' : ','}000).`);
    }
    if (format === 'srt' && timingIndex === 1 && !/^\d+$/.test(head.trim())) {
      throw broken(fileName, blockStart + 1, `شماره‌ی سرنویس در سطر ${blockStart + 1} باید عدد باشد.`);
    }
    const line = blockStart + timingIndex + 1;
    const timing = TIMING.exec(block[timingIndex] ?? '');
    const startMs = parseTimestamp(timing?.[1] ?? '', format);
    const endMs = parseTimestamp(timing?.[2] ?? '', format);
    if (startMs === null || endMs === null) {
      throw broken(fileName, line, `زمان سرنویس در سطر ${line} نادرست است: «${(block[timingIndex] ?? '').trim()}».`);
    }
    if (endMs < startMs) throw broken(fileName, line, `در سطر ${line} پایان سرنویس پیش از آغاز آن است.`);
    const raw = block.slice(timingIndex + 1).join('\n');
    if (raw.trim() === '') throw broken(fileName, line, `سرنویس سطر ${line} متنی ندارد.`);
    const { speaker, text } = speakerOf(raw);
    const clean = cleanText(text);
    if (clean !== '') cues.push({ startMs, endMs, speaker, text: clean, line });
  }
  if (cues.length === 0) throw new IngestError({ code: 'empty_file', message: 'هیچ سرنویسی در پرونده نیست.', file: fileName });
  return cues;
}


/**
 * Merge cues into paragraphs: a new paragraph at each change of speaker, and after a
 * sentence end followed by a pause of two seconds or more, or once a turn grows long.
 *
 * @example
 * cuesToParagraphs(cues)[0] // { text, speaker, mediaStartMs, mediaEndMs }
 */
export function cuesToParagraphs(cues: readonly Cue[]): ParagraphInput[] {
  const out: ParagraphInput[] = [];
  let current: { text: string; speaker: string | null; start: number; end: number } | null = null;
  let lastSpeaker: string | null = null;
  for (const cue of cues) {
    // A cue without a label continues the last speaker's turn.
    const speaker: string | null = cue.speaker ?? lastSpeaker;
    lastSpeaker = speaker;
    const breakHere =
      current === null ||
      current.speaker !== speaker ||
      (endsWithSentenceEnd(current.text) && (cue.startMs - current.end >= 2000 || current.text.length > 600));
    if (current === null || breakHere) {
      if (current) out.push({ text: current.text, speaker: current.speaker, mediaStartMs: current.start, mediaEndMs: current.end });
      current = { text: cue.text, speaker, start: cue.startMs, end: cue.endMs };
    } else {
      current.text += ` ${cue.text}`;
      current.end = Math.max(current.end, cue.endMs);
    }
  }
  if (current) out.push({ text: current.text, speaker: current.speaker, mediaStartMs: current.start, mediaEndMs: current.end });
  return out;
}

/**
 * A transcript's title: the WebVTT header's text (`WEBVTT - وبینار …` or a `Title:` line), else
 * the file name when it is Persian words, else a plain «untitled» the reviewer replaces. Never the
 * first cue: that is a greeting («همکاران عزیز، سلام»), not a title.
 *
 * @example
 * transcriptTitle('a.vtt', 'WEBVTT - وبینار بودجه\n\n…', 'vtt') // 'وبینار بودجه'
 * transcriptTitle('1399-11-01-webinar.vtt', 'WEBVTT\n\n…', 'vtt') // 'رونوشت بی‌عنوان (1399-11-01-webinar.vtt)'
 */
export function transcriptTitle(fileName: string, source: string, format: 'vtt' | 'srt'): string {
  if (format === 'vtt') {
    const header: string[] = [];
    for (const line of source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
      if (line.trim() === '') break;
      header.push(line);
    }
    const inline = /^WEBVTT[ \t]+(?:-[ \t]*)?(.+)$/.exec(header[0] ?? '')?.[1]?.trim();
    if (inline) return inline.slice(0, 300);
    const titled = header.slice(1).map((line) => /^(?:title|عنوان)\s*[:：]\s*(.+)$/i.exec(line.trim())?.[1]?.trim()).find(Boolean);
    if (titled) return titled.slice(0, 300);
  }
  const base = (fileName.split(/[\\/]/).pop() ?? '').replace(/\.[^.]+$/, '').replace(/^\d{4}-\d{2}-\d{2}[-_ ]?/, '').replace(/[-_]+/g, ' ').trim();
  if (/\p{Script=Arabic}/u.test(base)) return base;
  return `رونوشت بی‌عنوان (${fileName})`;
}

function readTranscript(fileName: string, source: string, format: 'vtt' | 'srt', typedHeldOn?: string | null): SessionInput {
  if (source.trim() === '') throw new IngestError({ code: 'empty_file', message: 'پرونده خالی است.', file: fileName });
  const paragraphs = cuesToParagraphs(parseCues(fileName, source, format));
  const { slug, heldOn } = fileSession(fileName, source, typedHeldOn);
  return {
    slug,
    title: transcriptTitle(fileName, source, format),
    kind: 'meeting',
    heldOn,
    sourceKind: format,
    sourceText: source,
    tags: [],
    paragraphs,
    directives: [],
  };
}

/**
 * Read a WebVTT transcript into a session (paragraphs carry speaker and times).
 *
 * @example
 * readVttSession('1399-11-01-webinar.vtt', source).paragraphs[0].speaker // 'حسین فیروزی'
 */
export function readVttSession(fileName: string, source: string, typedHeldOn?: string | null): SessionInput {
  return readTranscript(fileName, source, 'vtt', typedHeldOn);
}

/**
 * Read an SRT transcript into a session (paragraphs carry speaker and times).
 *
 * @example
 * readSrtSession('meeting.srt', source).paragraphs[0].mediaStartMs // 1000
 */
export function readSrtSession(fileName: string, source: string, typedHeldOn?: string | null): SessionInput {
  return readTranscript(fileName, source, 'srt', typedHeldOn);
}
