/**
 * @module A PDF written object by object (no compression, so what a test writes is what a reader
 * meets): the header, numbered objects, the cross-reference table and the trailer.
 */

/**
 * @param objects bodies of objects 1…n (object 1 is the catalogue)
 * @param trailer more entries of the trailer dictionary («/Encrypt 6 0 R …»)
 * @example
 * assemblePdf(['<< /Type /Catalog /Pages 2 0 R >>', …]).toString('latin1').startsWith('%PDF-1.4') // true
 */
export function assemblePdf(objects: readonly string[], trailer = ''): Buffer {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
