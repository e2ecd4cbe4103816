import { describe, expect, it } from 'vitest';
import { sessionKindFromTitle } from './session-kind';
import { transcriptTitle } from '../ingest/readers/transcript';

describe('the kind of an imported session, from its title', () => {
  it('reads a webinar, a meeting or an announcement, with Arabic ي/ك too', () => {
    expect(sessionKindFromTitle('نخستین وبینار واگذاری امور به بخش غیر دولتی سازمان برگزار شد')).toBe('webinar');
    expect(sessionKindFromTitle('وبينار آموزشي مديران')).toBe('webinar');
    expect(sessionKindFromTitle('جلسه شورای معاونان')).toBe('meeting');
    expect(sessionKindFromTitle('اطلاعیه ثبت‌نام دوره‌ها')).toBe('announcement');
    expect(sessionKindFromTitle('افزایش بودجه آموزش مهارت')).toBeNull();
  });
});

describe('a transcript’s title', () => {
  it('takes the WebVTT header, else Persian words of the file name, never the first cue', () => {
    expect(transcriptTitle('a.vtt', 'WEBVTT - وبینار بودجه\n\n00:00:01.000 --> 00:00:02.000\nسلام', 'vtt')).toBe('وبینار بودجه');
    expect(transcriptTitle('a.vtt', 'WEBVTT\nTitle: نشست استان‌ها\n\n00:00:01.000 --> 00:00:02.000\nسلام', 'vtt')).toBe('نشست استان‌ها');
    expect(transcriptTitle('1400-02-20-نشست شمال غرب.srt', '1\n00:00:01,000 --> 00:00:02,000\nسلام', 'srt')).toBe('نشست شمال غرب');
    expect(transcriptTitle('1399-11-01-webinar.vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nهمکاران عزیز، سلام.', 'vtt')).toBe('رونوشت بی‌عنوان (1399-11-01-webinar.vtt)');
  });
});
