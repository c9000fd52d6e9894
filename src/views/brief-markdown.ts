import type { Narrative, NarrativeParagraph, NarrativeRun, NarrativeTable } from './brief-narrative.js';
import { translationNote } from './labels.js';

/**
 * Text in Markdown as written: every character that would format, link or break a line is escaped, and `&`,
 * `<`, `>` become entities (so `<!channel>` or `<@U123>` pasted into Slack from the file is text, never a ping).
 */
export const mdText = (t: string): string =>
  t
    .replace(/[\\`*_[\]~|#]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s*\n\s*/g, ' ');

/** A web address inside `(…)` of a Markdown link: what would end it or break it percent-encoded. */
const mdUrl = (url: string) => url.replace(/[()<>\s\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

function mdRun(r: NarrativeRun): string {
  if (r.kind === 'link') return `[${mdText(r.text)}](${mdUrl(r.url)})`;
  const t = mdText(r.text);
  // Bold around the words only: Markdown ignores `** x**`.
  return r.strong && t.trim() ? t.replace(/^(\s*)(.*?)(\s*)$/, '$1**$2**$3') : t;
}

const mdParagraph = (p: NarrativeParagraph) => `${p.bullet ? '- ' : ''}${p.runs.map(mdRun).join('')}`;

/** A table in Markdown: its caption in bold, then the rows, every cell escaped. */
const mdTable = (t: NarrativeTable): string[] => [
  '',
  `**${mdText(t.caption)}**`,
  '',
  `| ${t.header.map(mdText).join(' | ')} |`,
  `|${t.header.map(() => ' --- |').join('')}`,
  ...t.rows.map((r) => `| ${r.map(mdText).join(' | ')} |`),
];

/** The narrative as Markdown: `#` title, `##`/`###` sections, bullets grouped in lists; ends with a newline. */
export function narrativeMarkdown(n: Narrative): string {
  const out = [`# ${mdText(n.title)}`];
  for (const s of n.sections) {
    out.push('', `${'#'.repeat(s.level)} ${mdText(s.heading)}`);
    let inList = false;
    for (const p of s.paragraphs) {
      // A blank line between paragraphs and around a list; none between its items.
      if (!(p.bullet && inList)) out.push('');
      out.push(mdParagraph(p));
      inList = Boolean(p.bullet);
    }
    if (s.table) out.push(...mdTable(s.table));
  }
  const note = translationNote(n.lang, null);
  if (note) out.push('', `_${mdText(note)}_`);
  return `${out.join('\n')}\n`;
}

/** Several narratives in one file (`--lang both`): each in full, separated by a rule. */
export function narrativesMarkdown(ns: readonly Narrative[]): string {
  return ns.map(narrativeMarkdown).join('\n---\n\n');
}

/** The file's name for a period: `gcm-update-2024-04-01-2024-06-30.md` (`-es` for Spanish alone). */
export const briefFilename = (from: string, to: string, ext: string, lang?: string): string => `gcm-update-${from}-${to}${lang ? `-${lang}` : ''}.${ext}`;
