/**
 * @module The directive model at run time: loads the committed artefact once, gives a sentence's
 * probability of being a directive, and names in Persian the features that carried it. Pure apart
 * from reading the artefact bundled with the code.
 */
import { detectorCue } from '../cue-info';
import artefactJson from './directive-model.json';
import type { ModelArtefact } from './artefact';
import { unpackWeights } from './artefact';
import { featureHash, hashFeatures, sentenceFeatures, type NamedFeatures, type SentenceWindow } from './features';
import { dot, sigmoid } from './logistic';

const artefact = artefactJson as ModelArtefact;
let weights: Float32Array | null = null;

function loaded(): Float32Array {
  weights ??= unpackWeights(artefact);
  return weights;
}

/** The probability at or above which a sentence is suggested (the best F1 out of fold, see train:directives). */
export const MODEL_THRESHOLD = artefact.threshold;
export const MODEL_VERSION = `${artefact.version}-${artefact.dataHash.slice(0, 8)}`;

export interface Contribution {
  feature: string;
  label: string;
  weight: number;
}

export interface ModelScore {
  probability: number;
  features: NamedFeatures;
}

export function scoreWindow(window: SentenceWindow): ModelScore {
  const features = sentenceFeatures(window);
  return { probability: sigmoid(dot(loaded(), hashFeatures(features))), features };
}

const cueLabel = (id: string): string => detectorCue(id)?.label ?? id;

const KIND_LABELS: Record<string, string> = { action: 'اقدام', instruction: 'دستور', policy: 'سیاست', exhortation: 'اندرز' };

/** A feature's name as a manager reads it, or null for features that explain nothing (bias, length). */
export function describeFeature(name: string): string | null {
  const colon = name.indexOf(':');
  const kind = colon < 0 ? name : name.slice(0, colon);
  const rest = colon < 0 ? '' : name.slice(colon + 1);
  switch (kind) {
    case 'cue':
      return cueLabel(rest);
    case 'w':
      return `واژهٔ «${rest}»`;
    case 'w2':
      return `عبارت «${rest}»`;
    case 'c':
      return rest.trim().length >= 3 ? `پارهٔ «${rest.trim()}»` : null;
    case 'last':
      return `پایان جمله با «${rest}»`;
    case 'prev':
    case 'next': {
      const side = kind === 'prev' ? 'جملهٔ پیش' : 'جملهٔ پس';
      if (rest.startsWith('cue:')) return `${side}: ${cueLabel(rest.slice(4))}`;
      if (rest === 'rule:suggested') return `${side} هم رهنمود به نظر می‌رسد`;
      return null;
    }
    case 'rule':
      if (rest === 'suggested') return 'نشانه‌ها و ساختار رهنمود (قاعده‌ها)';
      if (rest === 'gate-passed') return 'ساختار رهنمود: مسئول، تکلیف و فعل کار';
      if (rest === 'score') return 'وزن نشانه‌های رهنمود';
      return null;
    case 'kind':
      return KIND_LABELS[rest] ? `گونهٔ ${KIND_LABELS[rest]}` : null;
    default:
      return null;
  }
}

/** The features that raised the score most, with a Persian label each (at most `count`). */
export function topContributions(features: NamedFeatures, count: number): Contribution[] {
  const w = loaded();
  const out: Contribution[] = [];
  for (const [feature, value] of features) {
    const contribution = (w[featureHash(feature)] ?? 0) * value;
    if (contribution <= 0) continue;
    const label = describeFeature(feature);
    if (label) out.push({ feature, label, weight: contribution });
  }
  out.sort((a, b) => b.weight - a.weight);
  // Several n-grams of one word say the same thing: keep the first label of each.
  const seen = new Set<string>();
  return out.filter((c) => (seen.has(c.label) ? false : (seen.add(c.label), true))).slice(0, count);
}
