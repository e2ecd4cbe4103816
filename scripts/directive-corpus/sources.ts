/**
 * @module The real documents of the directive corpus, read in place from the shared corpora
 * (`NESHAST_CORPORA`, default ../shared/corpora): Fars News articles and Hamshahri reports, each
 * with an id in the form of reserved.txt and its Jalali date. Reserved articles are never returned.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corporaDir, requireCorpora as requireNamedCorpora } from '../eval/corpora-dir';

export interface SourceDocument {
  /** `farsnews/fars-news-1.json#12` or `hamshahri/HamshahriData/HamshahriCorpus/2003/HAM2-….ham`. */
  id: string;
  /** Jalali date of publication, `1387-07-06`, read from the link or file name. */
  date: string;
  /** Title, blank line, paragraphs separated by blank lines: the text stored and labelled. */
  text: string;
}

/** The corpora root, or exit 2 naming what is missing and where to put it. */
export function requireCorpora(what: string): string {
  requireNamedCorpora(what, ['farsnews', 'hamshahri']);
  return corporaDir();
}

export function reservedIds(root: string): Set<string> {
  const file = join(root, 'reserved.txt');
  if (!existsSync(file)) return new Set();
  return new Set(
    readFileSync(file, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#')),
  );
}

function farsDate(link: string): string | null {
  const m = /\/(\d{2})(\d{2})(\d{2})\d+$/.exec(link);
  return m ? `13${m[1]}-${m[2]}-${m[3]}` : null;
}

function hamshahriDate(file: string): string | null {
  const m = /HAM2-(\d{2})(\d{2})(\d{2})-/.exec(file);
  return m ? `13${m[1]}-${m[2]}-${m[3]}` : null;
}

/** Every non-reserved document, in a stable order. */
export function* readSourceDocuments(root: string): Generator<SourceDocument> {
  const reserved = reservedIds(root);
  for (let f = 1; f <= 5; f++) {
    const name = `fars-news-${f}.json`;
    const file = join(root, 'farsnews', name);
    if (!existsSync(file)) continue;
    const articles = JSON.parse(readFileSync(file, 'utf8')) as { title: string; paragraphs: string[]; link: string }[];
    for (let i = 0; i < articles.length; i++) {
      const id = `farsnews/${name}#${i}`;
      const a = articles[i]!;
      const date = farsDate(a.link);
      if (reserved.has(id) || !date) continue;
      const text = [a.title.trim(), ...a.paragraphs.map((p) => p.trim())].filter(Boolean).join('\n\n');
      yield { id, date, text };
    }
  }
  const corpus = join(root, 'hamshahri/HamshahriData/HamshahriCorpus');
  for (const year of readdirSync(corpus).sort()) {
    for (const file of readdirSync(join(corpus, year)).sort()) {
      if (!file.endsWith('.ham')) continue;
      const id = `hamshahri/HamshahriData/HamshahriCorpus/${year}/${file}`;
      const date = hamshahriDate(file);
      if (reserved.has(id) || !date) continue;
      const raw = readFileSync(join(corpus, year, file), 'utf8');
      const text = raw
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
        .join('\n\n');
      yield { id, date, text };
    }
  }
}

/** One document by id (for training and evaluation); null when reserved or missing. */
export function readSourceIndex(root: string): Map<string, SourceDocument> {
  const out = new Map<string, SourceDocument>();
  for (const d of readSourceDocuments(root)) out.set(d.id, d);
  return out;
}
