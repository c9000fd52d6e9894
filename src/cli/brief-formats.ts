import { briefDocx } from '../documents/brief-docx.js';
import { briefXlsx } from '../documents/brief-xlsx.js';
import type { Brief } from '../domain/brief.js';
import type { Language } from '../domain/types.js';
import { narrativesMarkdown } from '../views/brief-markdown.js';
import type { Narrative } from '../views/brief-narrative.js';

/** One update in one language: the data and its narrative (`--lang both` gives English, then Spanish). */
export interface BriefEdition {
  lang: Language;
  brief: Brief;
  narrative: Narrative;
}

/**
 * A file format of `npm run brief` (and of the files the co-chairs send): how the updates asked for (every plan
 * the period covers, in every language asked, in that order) become the file. Text formats may go to stdout;
 * binary ones (`Uint8Array`) need `--out`.
 */
export interface BriefFormat {
  /** The file's extension, without the dot. */
  ext: string;
  /** What it is, for the usage line and errors. */
  name: string;
  render(editions: readonly BriefEdition[]): string | Uint8Array | Promise<string | Uint8Array>;
}

/** The formats `--format` accepts, by name. Adding one (docx, xlsx) is one entry here. */
export const briefFormats: Record<string, BriefFormat> = {
  md: { ext: 'md', name: 'Markdown', render: (editions) => narrativesMarkdown(editions.map((e) => e.narrative)) },
  // The Word document and the workbook (src/documents/): a part, or a set of sheets, per update asked for.
  docx: { ext: 'docx', name: 'Word document', render: (editions) => briefDocx(editions.map((e) => e.brief)) },
  xlsx: { ext: 'xlsx', name: 'Excel workbook', render: (editions) => briefXlsx(editions.map((e) => e.brief)) },
};
