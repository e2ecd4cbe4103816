/**
 * `npm run search -- [--db URL] [--limit N] [--json] QUERY` and
 * `npm run search -- [--db URL] [--limit N] --batch FILE.jsonl` (lines {"id","q"} →
 * {"id","hits":[{"session","paragraph","score"}]}, best first, one hit per session).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { openDatabase } from '../server/db/client';
import { readEnv } from '../server/env';
import { createSearchService, SearchInputError, type SearchPage } from '../server/search/search.service';
import { argValue, positionalArgs } from './cli';

const USAGE = 'usage: npm run search -- [--db URL] [--limit N] [--json] QUERY | --batch FILE.jsonl';
const argv = process.argv.slice(2);
const batchFile = argValue(argv, '--batch');
const json = argv.includes('--json');
const limitArg = argValue(argv, '--limit');
const limit = limitArg === undefined ? 10 : Number(limitArg);
const query = positionalArgs(argv, ['--db', '--limit', '--batch'], ['--json']).join(' ');
if (!Number.isInteger(limit) || limit < 1 || (!batchFile && !query.trim())) {
  console.error(USAGE);
  process.exit(2);
}

/** The batch line for one page: the best paragraph of each session. */
function batchHits(page: SearchPage) {
  return page.hits.map((h) => ({ session: h.session.slug, paragraph: h.paragraphs[0]?.ordinal ?? 0, score: h.score }));
}

/** A snippet for a terminal: marks in bold (or **…** when piped), entities decoded. */
function terminalSnippet(html: string): string {
  const bold = process.stdout.isTTY ? ['\x1b[1m', '\x1b[0m'] : ['**', '**'];
  return html
    .replace(/<mark>/g, bold[0] ?? '')
    .replace(/<\/mark>/g, bold[1] ?? '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

const database = await openDatabase(argValue(argv, '--db') ?? readEnv().DATABASE_URL);
const search = createSearchService(database, { autoMerge: false });
let exitCode = 0;
try {
  if (batchFile) {
    const lines = createInterface({ input: createReadStream(batchFile, 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line.trim()) continue;
      let id: unknown = null;
      try {
        const row: unknown = JSON.parse(line);
        if (typeof row !== 'object' || row === null || !('q' in row)) throw new SearchInputError('query_empty', 'line has no "q"');
        id = 'id' in row ? row.id : null;
        const page = await search.search({ q: String(row.q), limit, prefix: false, paragraphs: 1 });
        process.stdout.write(`${JSON.stringify({ id, hits: batchHits(page) })}\n`);
      } catch (error) {
        const code = error instanceof SearchInputError ? error.code : 'bad_line';
        const message = error instanceof Error ? error.message : String(error);
        process.stdout.write(`${JSON.stringify({ id, hits: [], error: { code, message } })}\n`);
      }
    }
  } else {
    const page = await search.search({ q: query, limit, prefix: false });
    if (json) console.log(JSON.stringify(page));
    else {
      console.log(`${page.total} نشست`);
      page.hits.forEach((h, i) => {
        console.log(`${i + 1}. ${h.session.title}  (${h.session.slug}${h.session.heldOn ? `, ${h.session.heldOn}` : ''})  ${h.score}`);
        for (const p of h.paragraphs) console.log(`   #p-${p.ordinal}: ${terminalSnippet(p.snippet)}`);
      });
    }
  }
} catch (error) {
  if (error instanceof SearchInputError) {
    console.error(`${error.code}: ${error.message}`);
    exitCode = 1;
  } else throw error;
} finally {
  await search.idle();
  database.close();
}
process.exit(exitCode);
