/**
 * @module What a cue id stored on a directive means, for the review: the detector's cues, the
 * model's reasons («model:<feature>») and the review's own cue ids (marked by a reviewer or in the
 * source, or a candidate under the threshold).
 */
import { detectorCue, type CueInfo } from './cue-info';
import { describeFeature } from './model/model';

/** Extra cue ids, for directives that no text rule suggested. */
export const REVIEW_CUES = {
  reviewerMarked: { id: 'reviewer-marked', label: 'علامت‌گذاری به دست بازبین', weight: 0 },
  sourceMarked: { id: 'source-marked', label: 'در متن منبع به‌عنوان رهنمود علامت خورده بود', weight: 0 },
  candidate: { id: 'model-candidate', label: 'رهنمود احتمالی: امتیازش کمتر از آستانهٔ پیشنهاد است', weight: 0 },
} as const;

const REVIEW_CUE_INFO = new Map<string, CueInfo>(Object.values(REVIEW_CUES).map((c) => [c.id, { id: c.id, label: c.label, weight: c.weight }]));

/**
 * The label and weight of a stored cue id (unknown ids are shown as they are, weight 0).
 *
 * @example
 * describeCue('obliged') // { id: 'obliged', label: 'موظف / مکلف / ملزم', weight: 2.5 }
 */
export function describeCue(id: string): CueInfo {
  const known = detectorCue(id) ?? REVIEW_CUE_INFO.get(id);
  if (known) return known;
  // The model's reasons are stored as «model:<feature>» and described from the feature's name.
  if (id.startsWith('model:')) return { id, label: describeFeature(id.slice('model:'.length)) ?? id, weight: 0 };
  return { id, label: id, weight: 0 };
}
