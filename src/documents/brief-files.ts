import type { Brief } from '../domain/brief.js';
import { formatDate, messages } from '../i18n/messages.js';
import { briefFilename } from '../views/brief-markdown.js';
import type { BriefIntro } from '../views/brief-narrative.js';
import type { Language } from '../domain/types.js';
import { briefDocx } from './brief-docx.js';
import { briefXlsx } from './brief-xlsx.js';

/** A file's bytes with its name and title. */
export interface MadeFile {
  filename: string;
  title: string;
  content: Uint8Array;
}

/**
 * The update's Word document and workbook for `briefs` (each plan the period covers, in the order given, in
 * their language), named as the Markdown file is (`gcm-update-FROM-TO.docx`, `.xlsx`).
 */
export async function briefFiles(briefs: readonly Brief[], intros: Partial<Record<Language, BriefIntro>> = {}): Promise<MadeFile[]> {
  const last = briefs.at(-1);
  if (!last) return [];
  const title = messages(last.lang).brief.title(formatDate(last.from, last.lang), formatDate(last.to, last.lang));
  return [
    { filename: briefFilename(last.from, last.to, 'docx'), title, content: await briefDocx(briefs, intros) },
    { filename: briefFilename(last.from, last.to, 'xlsx'), title, content: await briefXlsx(briefs) },
  ];
}
