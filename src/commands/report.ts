import type { AnswerError } from '../domain/answers.js';
import { buildReport, parseReportPeriod, planForPeriod, type ProgressReport } from '../domain/report.js';
import { messages } from '../i18n/messages.js';
import { errorMessage } from '../views/message-view.js';
import { reportMarkdown, reportMessage } from '../views/report-view.js';
import type { SlashCommand } from './use-case.js';

type Result = { ok: true; report: ProgressReport } | { ok: false; error: AnswerError };

/**
 * `/gcm report [FROM TO]` (`informe`): the co-chairs' progress report for a period (default: the last full
 * quarter); the summary to the asker, the full report as a Markdown file in the channel.
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
  run: (arg, uc) => {
    const ctx = uc.domain;
    const [from, to, extra] = arg.split(/\s+/).filter(Boolean);
    if (extra !== undefined || (from && !to)) return { ok: false, error: { code: 'report_dates', given: arg } };
    const period = parseReportPeriod(from, to, ctx.now);
    if (!period.ok) return period;
    const plan = planForPeriod(ctx, period.from, period.to);
    if (!plan) return { ok: false, error: { code: 'report_outside', from: period.from, to: period.to } };
    return { ok: true, report: buildReport(ctx, plan, period.from, period.to, uc.lang) };
  },
  view: (r, uc) => {
    const m = messages(uc.lang);
    if (!r.ok) return { kind: 'message', message: errorMessage(m.error(r.error)) };
    const summary = (note?: string) => reportMessage(r.report, uc.lang, uc.directory, note);
    return {
      kind: 'file',
      file: { filename: `gcm-report-${r.report.from}-${r.report.to}.md`, content: reportMarkdown(r.report, uc.lang, uc.directory), title: summary().text },
      message: (attached) => summary(attached ? m.report.file : m.report.fileFailed),
    };
  },
};
