import { describe, expect, it } from 'vitest';
import { IngestError } from '../ingest-error';
import { readSrtSession, readVttSession } from './transcript';

const vtt = `WEBVTT

NOTE نشست نمونه

1
00:00:01.000 --> 00:00:04.500
<v حسین فیروزی>سلام به همه مدیران کل استان‌ها.

00:00:05.000 --> 00:00:09.000
<v حسین فیروزی>استان‌ها موظفند ظرف دو هفته برنامه را ارسال کنند.

00:00:12.000 --> 00:00:15.000
<v مریم احمدی>برنامه‌ها را &amp; گزارش‌ها را <i>بررسی</i> می‌کنیم.
`;

const srt = `1
00:00:01,000 --> 00:00:03,000
فیروزی: جلسه را آغاز می‌کنیم

2
00:00:03,500 --> 00:00:06,000
و گزارش‌ها تا پایان خرداد برسد.

3
00:01:00,000 --> 00:01:02,000
احمدی: حتما.
`;

describe('WebVTT reader', () => {
  it('reads speakers from <v> tags and keeps cue times per paragraph in ms', () => {
    const s = readVttSession('1399-11-01-webinar.vtt', vtt);
    expect(s.sourceKind).toBe('vtt');
    expect(s.heldOn).toBe('2021-01-20');
    expect(s.slug).toBe('1399-11-01-webinar');
    expect(s.paragraphs).toEqual([
      { text: 'سلام به همه مدیران کل استان‌ها. استان‌ها موظفند ظرف دو هفته برنامه را ارسال کنند.', speaker: 'حسین فیروزی', mediaStartMs: 1000, mediaEndMs: 9000 },
      { text: 'برنامه‌ها را & گزارش‌ها را بررسی می‌کنیم.', speaker: 'مریم احمدی', mediaStartMs: 12000, mediaEndMs: 15000 },
    ]);
    expect(s.sourceText).toBe(vtt);
  });
  it('names the line of a broken cue', () => {
    const broken = vtt.replace('00:00:05.000 --> 00:00:09.000', '00:00:05.000 -> 00:00:09');
    expect(() => readVttSession('a.vtt', broken)).toThrow(IngestError);
    try {
      readVttSession('a.vtt', broken);
    } catch (err) {
      expect(err).toMatchObject({ code: 'broken_cue', line: 9, file: 'a.vtt' });
    }
  });
  it('rejects an end time before the start time, and a missing header', () => {
    expect(() => readVttSession('a.vtt', vtt.replace('00:00:04.500', '00:00:00.500'))).toThrow(/پایان سرنویس/);
    expect(() => readVttSession('a.vtt', vtt.replace('WEBVTT', 'WEBVTX'))).toThrow(/WEBVTT/);
  });
});

describe('SRT reader', () => {
  it('reads «Name:» speakers, carries them over unlabelled cues, and splits on pauses', () => {
    const s = readSrtSession('meeting.srt', srt);
    expect(s.sourceKind).toBe('srt');
    expect(s.paragraphs.map((p) => [p.speaker, p.text, p.mediaStartMs, p.mediaEndMs])).toEqual([
      ['فیروزی', 'جلسه را آغاز می‌کنیم و گزارش‌ها تا پایان خرداد برسد.', 1000, 6000],
      ['احمدی', 'حتما.', 60000, 62000],
    ]);
  });
  it('names the line of a cue with a bad time', () => {
    try {
      readSrtSession('m.srt', srt.replace('00:00:03,500', '00:00:3,500'));
      expect.unreachable();
    } catch (err) {
      expect(err).toMatchObject({ code: 'broken_cue', line: 6 });
    }
  });
});
