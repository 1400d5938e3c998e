/**
 * Turns generated analyses back into scraped-page text in the digest's printed layout (byline,
 * week, topic, title, verdict, title again, paragraphs, bullet items), for the importer's
 * throughput benchmark. Pure.
 */
import { parseMarkdownSource, parseYamlSource } from '../../src/content-reader/parse.ts';
import { formatPeriod } from '../../src/lib/dates.ts';
import type { CorpusFile } from './corpus.ts';

/** Field shapes read from generated frontmatter. */
interface GeneratedFrontmatter {
  title?: string;
  kind?: string;
  period?: { start: string; end: string };
  topic?: string;
  trend?: 'worse' | 'unchanged' | 'better';
}

const VERDICTS = { worse: 'The situation got worse', unchanged: 'The situation has not changed', better: 'The situation has gotten better' } as const;

/** Yields scraped-text pages for the English weekly analyses among `files` (taxonomy first). */
export function* scrapedPages(files: Iterable<CorpusFile>, limit: number): Generator<{ name: string; text: string }> {
  const topicNames = new Map<string, string>();
  let made = 0;
  for (const file of files) {
    if (made >= limit) return;
    if (file.path.startsWith('topics/')) {
      const data = parseYamlSource(file.path, file.text).data as { name?: { en?: string } } | undefined;
      topicNames.set(file.path.slice('topics/'.length).replace(/\.yaml$/, ''), data?.name?.en ?? '');
      continue;
    }
    if (!file.path.startsWith('analyses/en/')) continue;
    const source = parseMarkdownSource(file.path, file.text);
    const fm = source.data as GeneratedFrontmatter;
    if (fm.kind !== 'weekly' || !fm.period || !fm.trend || !fm.title || !fm.topic) continue;
    const body = source.body
      .split('\n\n')
      .filter((block) => !block.startsWith('[^'))
      .map((block) => block.replace(/^## /, '').replace(/^- /gm, '  • ').replace(/\[\^\d+\]/g, ''))
      .join('\n\n');
    const text = ['by', formatPeriod(fm.period, 'en-US'), topicNames.get(fm.topic) ?? fm.topic, '', fm.title, '', VERDICTS[fm.trend], fm.title, '', body].join('\n');
    yield { name: file.path.slice('analyses/en/'.length).replace(/\.md$/, '.txt'), text };
    made += 1;
  }
}
