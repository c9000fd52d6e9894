import type { AnswerError } from '../domain/answers.js';
import { buildReports, parseReportPeriod, type ProgressReport } from '../domain/report.js';
import { messages } from '../i18n/messages.js';
import { errorReply } from '../views/message-view.js';
import { reportsMarkdown, reportsMessage } from '../views/report-view.js';
import { askedFileWords, fileAudience, splitShare, type FileAudience } from './asked-file.js';
import type { SlashCommand } from './use-case.js';

type Result = { ok: true; reports: ProgressReport[]; to: FileAudience } | { ok: false; error: AnswerError };

/**
 * `/gcm report [FROM TO] [share]` (`informe`): the co-chairs' progress report for a period (default: the last
 * full quarter); the summary to the asker, the full report as a Markdown file: in the channel when a co-chair
 * asks (or with `share`), else in the asker's direct messages.
 */
export const report: SlashCommand<Result> = {
  name: 'report',
  keywords: { en: ['report'], es: ['informe'] },
  help: {
    en: [{ usage: 'report 2024-04-01 2024-06-30', text: 'the progress report for a period (alone: the last full quarter), the full report as a file' }],
    es: [
      {
        usage: 'informe 2024-04-01 2024-06-30',
        text: 'el informe de avance de un período (solo: el último trimestre completo), el informe completo en un archivo',
      },
    ],
  },
  guard: 'anyone',
  reply: 'later',
  run: async (typed, uc) => {
    const ctx = uc.domain;
    const { arg, share } = splitShare(typed);
    const [from, to, extra] = arg.split(/\s+/).filter(Boolean);
    if (extra !== undefined || (from && !to)) return { ok: false, error: { code: 'report_dates', given: typed } };
    const period = parseReportPeriod(from, to, ctx.now);
    if (!period.ok) return period;
    // Every plan the period overlaps, a section each (or the one `plan:ID` named).
    const built = buildReports(ctx, period.from, period.to, uc.lang);
    return built.ok ? { ...built, to: await fileAudience(uc, share) } : built;
  },
  view: (r, uc) => {
    const m = messages(uc.lang);
    if (!r.ok) return { kind: 'message', message: errorReply(r.error, uc.lang) };
    const summary = (note?: string) => reportsMessage(r.reports, uc.lang, uc.directory, note);
    const { from, to } = r.reports[0]!;
    const title = summary().text;
    const words = askedFileWords(uc, r.to, title);
    return {
      kind: 'file',
      file: { filename: `gcm-report-${from}-${to}.md`, content: reportsMarkdown(r.reports, uc.lang, uc.directory), title },
      to: r.to,
      comment: words.comment,
      message: (attached) => summary(attached ? [m.report.file, words.answer].filter(Boolean).join(' ') : m.report.fileFailed),
    };
  },
};
