/**
 * @module The minimal units list used when no units file is available: headquarters, the
 * all-provinces group and the Plan and Budget Organisation.
 */
import type { UnitRef } from './units';

export const DEFAULT_UNITS: readonly UnitRef[] = [
  { code: 'hq', name: 'ستاد سازمان آموزش فنی و حرفه‌ای کشور', kind: 'headquarters', aliases: ['سازمان آموزش فنی و حرفه‌ای کشور', 'ستاد سازمان'] },
  { code: 'all-provinces', name: 'همه استان‌ها', kind: 'group', aliases: ['استان‌ها', 'مدیران کل استان‌ها', 'ادارات کل استان‌ها', 'کلیه استان‌ها'] },
  { code: 'pbo', name: 'سازمان برنامه و بودجه کشور', kind: 'external', aliases: ['سازمان برنامه و بودجه'] },
];
