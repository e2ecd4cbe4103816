import { describe, expect, it } from 'vitest';
import { parseQuery } from '../query';
import type { IndexRow } from './everything.repo';
import { buildPart, transferablesOf } from './kind-build';
import { KindIndex } from './kind-index';
import { letterKeysOf } from './letter-number';

const row = (id: number, text: string, extra: Partial<IndexRow> = {}): IndexRow => ({
  id,
  visible: true,
  text,
  date: '2021-04-10',
  speaker: 'حسین فیروزی',
  unitCode: 'prov-tehran',
  letterNumber: null,
  ...extra,
});
const ids = (index: KindIndex, q: string, filters = {}) => index.search(parseQuery(q), letterKeysOf(q), { limit: 10, offset: 0, filters }).hits.map((h) => h.session.id);

describe('KindIndex', () => {
  it('replaces a row by its newer version and removes one that may no longer be read', () => {
    const index = new KindIndex();
    index.apply([row(1, 'فروش املاک مازاد'), row(2, 'گزارش بودجه')], false);
    expect(ids(index, 'املاک')).toEqual([1]);
    index.apply([row(1, 'اجاره ساختمان')]);
    expect(ids(index, 'املاک')).toEqual([]);
    expect(ids(index, 'ساختمان')).toEqual([1]);
    index.apply([row(2, 'گزارش بودجه', { visible: false })]);
    expect(ids(index, 'بودجه')).toEqual([]);
    expect(index.deltas).toBe(2);
    expect(index.seen.size).toBe(2);
  });

  it('keeps a unit apart through the engine’s filter, and the date and speaker filters', () => {
    const index = new KindIndex();
    index.apply([row(1, 'مزایده انبار'), row(2, 'مزایده انبار', { unitCode: 'prov-fars', date: '2021-05-01', speaker: 'مریم احمدی' })], false);
    expect(ids(index, 'انبار', { kind: 'prov-fars' })).toEqual([2]);
    expect(ids(index, 'انبار', { from: '2021-04-20' })).toEqual([2]);
    expect(ids(index, 'انبار', { speakerNames: ['احمدی'] })).toEqual([2]);
  });

  it('finds a letter number in any digits, only within the filters, and forgets a changed one', () => {
    const index = new KindIndex();
    index.apply([row(7, 'نامه ارسال شد ۱۲۳/۴۵/د', { letterNumber: '۱۲۳/۴۵/د' }), row(8, 'نامه', { letterNumber: '۱۲۳/۴۵/د', unitCode: 'prov-fars' })], false);
    const letters = (q: string, filters = {}) => index.search(parseQuery(q), letterKeysOf(q), { limit: 10, offset: 0, filters }).letters;
    expect(letters('123-45-د').sort()).toEqual([7, 8]);
    expect(letters('123/45/د', { kind: 'prov-tehran' })).toEqual([7]);
    index.apply([row(7, 'نامه', { letterNumber: '999/1' })]);
    expect(letters('123/45/د', { kind: 'prov-tehran' })).toEqual([]);
  });

  it('takes a part built elsewhere and cloned across threads as if it had built the rows itself', () => {
    const rows = [row(1, 'فروش املاک مازاد'), row(2, 'نامه ارسال شد', { letterNumber: '۱۲۳/۴۵/د', unitCode: 'prov-fars' }), row(3, 'پیش‌نویس', { visible: false })];
    const here = new KindIndex();
    here.apply(rows, false);
    const part = buildPart(rows);
    // What a worker's postMessage does to it: a structured clone, the typed arrays moved.
    const moved = structuredClone(part, { transfer: transferablesOf(part) });
    expect(part.segment.postingDocs.length).toBe(0);
    const there = new KindIndex();
    there.addPart(moved);
    for (const q of ['املاک', 'نامه', 'پیش‌نویس']) expect(ids(there, q)).toEqual(ids(here, q));
    expect(there.search(parseQuery('نامه'), letterKeysOf('123/45/د'), { limit: 10, offset: 0, filters: { kind: 'prov-fars' } }).letters).toEqual([2]);
    expect(there.seen.size).toBe(3);
    expect(there.deltas).toBe(0);
  });
});
