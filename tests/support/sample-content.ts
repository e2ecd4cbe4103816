/**
 * @module What API and browser tests share of their inputs: the seed webinar that `content/`
 * gives every test database, and a short transcript to import.
 */

/** The seed webinar in `content/` (ingested by the browser harness and by `t.ingestContent()`). */
export const SEED_SESSION = {
  slug: 'tvto-outsourcing-webinar-1',
  title: 'نخستین وبینار واگذاری امور به بخش غیر دولتی سازمان',
} as const;

/**
 * A two-cue WebVTT transcript with a speaker and one directive in the second cue
 * (12.5 s in), for imports that must keep times and the media link.
 */
export const WEBINAR_VTT = [
  'WEBVTT',
  '',
  '00:00:01.000 --> 00:00:05.000',
  '<v حسین فیروزی>همکاران عزیز، سلام.',
  '',
  '00:00:12.500 --> 00:00:19.000',
  '<v حسین فیروزی>استان ها موظفند ظرف دو هفته برنامه عملیاتی را تهیه و به سازمان برنامه و بودجه ارسال کنند.',
  '',
].join('\n');
