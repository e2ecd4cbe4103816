import { describe, expect, it } from 'vitest';
import { CooccurrenceModel, SvdEmbedding, ibmModel1, symmetricEigen } from './term-associations';

const options = { window: 2, minCount: 1, contexts: 50, alpha: 0.75 };

describe('CooccurrenceModel', () => {
  // حیوان and جانور are never side by side but keep the same company; خودرو keeps other company.
  const text = [
    ['حیوان', 'وحش', 'شکار', 'جنگل'],
    ['جانور', 'وحش', 'شکار', 'جنگل'],
    ['شکار', 'حیوان', 'زیستگاه'],
    ['شکار', 'جانور', 'زیستگاه'],
    ['خودرو', 'جاده', 'سوخت', 'ترافیک'],
    ['سوخت', 'خودرو', 'بنزین'],
  ];
  const model = new CooccurrenceModel(text, options);

  it('finds a word of the same company as its nearest second-order neighbour, though never beside it', () => {
    const near = model.neighbours('حیوان', 3);
    expect(near[0]?.term).toBe('جانور');
    expect(near.map((a) => a.term)).not.toContain('خودرو');
    expect(model.partners('حیوان', 10).map((a) => a.term)).not.toContain('جانور');
  });

  it('gives first-order partners from the window only, and nothing for an unknown word', () => {
    expect(model.partners('خودرو', 10).map((a) => a.term).sort()).toEqual(['بنزین', 'جاده', 'سوخت'].sort());
    expect(model.neighbours('هواپیما', 3)).toEqual([]);
  });

  it('leaves out what the filter refuses', () => {
    expect(model.neighbours('حیوان', 3, (t) => t !== 'جانور').map((a) => a.term)).not.toContain('جانور');
  });
});

describe('symmetricEigen and SvdEmbedding', () => {
  it('diagonalises a symmetric matrix', () => {
    const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 0, 1, 2, 0, 0, 0, 5]), 3);
    expect([...values].sort((a, b) => a - b).map((v) => Number(v.toFixed(6)))).toEqual([1, 3, 5]);
    // A v = λ v for each column.
    const a = [2, 1, 0, 1, 2, 0, 0, 0, 5];
    for (let k = 0; k < 3; k++) {
      for (let i = 0; i < 3; i++) {
        let av = 0;
        for (let j = 0; j < 3; j++) av += (a[i * 3 + j] ?? 0) * (vectors[j * 3 + k] ?? 0);
        expect(av).toBeCloseTo((values[k] ?? 0) * (vectors[i * 3 + k] ?? 0), 6);
      }
    }
  });

  it('keeps words of the same company nearest in the reduced space', () => {
    const text = [
      ['حیوان', 'وحش', 'شکار', 'جنگل'],
      ['جانور', 'وحش', 'شکار', 'جنگل'],
      ['شکار', 'حیوان', 'زیستگاه'],
      ['شکار', 'جانور', 'زیستگاه'],
      ['خودرو', 'جاده', 'سوخت', 'ترافیک'],
      ['سوخت', 'خودرو', 'بنزین'],
      ['ماشین', 'جاده', 'سوخت', 'ترافیک'],
    ];
    const svd = new SvdEmbedding(new CooccurrenceModel(text, options), 3, 0.5);
    expect(svd.neighbours('حیوان', 1)[0]?.term).toBe('جانور');
    expect(svd.neighbours('خودرو', 2).map((a) => a.term)).toContain('ماشین');
  });
});

describe('ibmModel1', () => {
  it('learns which passage word a question word stands for from the pairs alone', () => {
    const pairs = [
      { source: ['پاسپورت', 'تمدید'], target: ['گذرنامه', 'تمدید', 'اداره'] },
      { source: ['پاسپورت', 'قیمت'], target: ['گذرنامه', 'هزینه', 'ریال'] },
      { source: ['پاسپورت'], target: ['گذرنامه', 'مسافر'] },
      { source: ['قیمت', 'نان'], target: ['نان', 'هزینه', 'نانوا'] },
    ];
    const table = ibmModel1(pairs, 10);
    const row = [...(table.get('پاسپورت') ?? new Map<string, number>())].sort((a, b) => b[1] - a[1]);
    expect(row[0]?.[0]).toBe('گذرنامه');
    const sum = row.reduce((s, [, p]) => s + p, 0);
    expect(sum).toBeCloseTo(1, 6);
  });
});
