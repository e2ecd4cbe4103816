/**
 * @module User-written markdown (a session's editor notes) to HTML that is safe to show:
 * rehype-sanitize runs last, so scripts, event handlers, raw HTML and javascript: links
 * never reach a page.
 */
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeSanitize).use(rehypeStringify);

/**
 * Render markdown to sanitised HTML.
 *
 * @example
 * renderMarkdown('- **یک**') // '<ul>\n<li><strong>یک</strong></li>\n</ul>'
 */
export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}
