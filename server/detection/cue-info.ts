/**
 * @module What a stored cue id means: the label and weight of every cue the detector can fire — the
 * text rules, the derived cues, and the structural gate's reasons (which explain and weigh nothing).
 */
import { CUE_RULES, DERIVED_CUES } from './cues';
import { GATE_REASONS } from './gate';

export interface CueInfo {
  id: string;
  label: string;
  weight: number;
}

const DETECTOR_CUES = new Map<string, CueInfo>([
  ...[...CUE_RULES, ...Object.values(DERIVED_CUES)].map((c): [string, CueInfo] => [c.id, { id: c.id, label: c.label, weight: c.weight }]),
  ...Object.values(GATE_REASONS).map((r): [string, CueInfo] => [r.id, { id: r.id, label: r.label, weight: 0 }]),
]);

/**
 * The label and weight of a cue id the detector fires, or undefined for any other id.
 *
 * @example
 * detectorCue('obliged')?.label // 'موظف / مکلف / ملزم'
 */
export function detectorCue(id: string): CueInfo | undefined {
  return DETECTOR_CUES.get(id);
}
