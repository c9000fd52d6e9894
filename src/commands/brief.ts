import type { AnswerError } from '../domain/answers.js';
import { briefFiles } from '../documents/brief-files.js';
import { buildBriefs, type Brief } from '../domain/brief.js';
import { parseReportPeriod } from '../domain/report.js';
import type { Language } from '../domain/types.js';
import { messages } from '../i18n/messages.js';
import { esc } from '../views/blocks.js';
import { briefFilename, narrativesMarkdown } from '../views/brief-markdown.js';
import { briefNarrative } from '../views/brief-narrative.js';
import { draftMessage } from '../views/draft-view.js';
import { errorReply } from '../views/message-view.js';
import type { Context } from '../domain/ports.js';
import type { Outcome, SlashCommand, UseCaseContext } from './use-case.js';

type Result = { ok: true; briefs: Brief[] } | { ok: false; error: AnswerError };

/** The keyword a date example names, in the answer's language. */
const keywordOf = (lang: Language) => (lang === 'es' ? 'resumen' : 'brief');

/**
 * The briefs of `FROM TO` (or the last full quarter when none is typed), one per plan the period covers
 * (earliest first), or only the plan `plan:ID` names. Every number is the report's of the same period.
 */
export function briefsFor(typed: string, ctx: Context, lang: Language): Result {
  const [from, to, extra] = typed.split(/\s+/).filter(Boolean);
  if (extra !== undefined || (from && !to)) return { ok: false, error: { code: 'report_dates', given: typed, keyword: keywordOf(lang) } };
  const period = parseReportPeriod(from, to, ctx.now);
  if (!period.ok) return period.error.code === 'report_dates' ? { ok: false, error: { ...period.error, keyword: keywordOf(lang) } } : period;
  return buildBriefs(ctx, period.from, period.to, lang);
}

/** The answer: the latest plan's brief drawn in Slack, every plan's narrative in the Markdown file to the co-chair's direct messages. */
function briefOutcome(briefs: Brief[], uc: UseCaseContext): Outcome {
  const b = messages(uc.lang).brief;
  // A draft (issue 23.5): the co-chairs' words saved with Edit on top, and Edit and Publish on the answer.
  const drafts = briefs.map((brief) => uc.briefs.draft({ planId: brief.planId, from: brief.from, to: brief.to }));
  const narratives = briefs.map((brief, i) => briefNarrative(brief, uc.lang, drafts[i]!.intro[uc.lang]));
  const shown = briefs.at(-1)!;
  const others = briefs.slice(0, -1).map((x) => x.planId);
  const title = narratives.at(-1)!.title;
  const line = (attached: boolean) =>
    [attached ? `${b.file} ${messages(uc.lang).briefFiles.alsoFiles}` : b.fileFailed, others.length ? b.otherPlans(messages(uc.lang).list(others)) : '']
      .filter(Boolean)
      .join(' ');
  return {
    kind: 'file',
    file: { filename: briefFilename(shown.from, shown.to, 'md'), content: narrativesMarkdown(narratives), title },
    to: 'dm',
    comment: b.fileComment(esc(title), esc(`/gcm ${uc.text.trim()}`)),
    message: (attached) => draftMessage(shown, drafts.at(-1)!, uc.outbox.channel ?? null, { notice: line(attached) }),
    // The same update as a Word document and a workbook, with the co-chairs' words, in the same message (src/documents/).
    more: () => briefFiles(briefs, drafts.at(-1)!.intro),
  };
}

/**
 * `/gcm brief [FROM TO]` (`resumen`; co-chairs only): the co-chairs' periodic update for a period (default: the
 * last full quarter), shown privately to the co-chair with its charts; the full narrative as a Markdown file
 * in their direct messages.
 */
export const brief: SlashCommand<Result> = {
  name: 'brief',
  keywords: { en: ['brief'], es: ['resumen'] },
  help: {
    en: [
      {
        usage: 'brief 2024-04-01 2024-06-30',
        text: 'co-chairs: the periodic update for a period (alone: the last full quarter), with charts, the full text as a file',
      },
    ],
    es: [
      {
        usage: 'resumen 2024-04-01 2024-06-30',
        text: 'copresidencia: la actualización periódica de un período (solo: el último trimestre completo), con gráficos y el texto completo en un archivo',
      },
    ],
  },
  guard: 'coChairsBrief',
  reply: 'later',
  run: (typed, uc) => briefsFor(typed, uc.domain, uc.lang),
  view: (r, uc) => (r.ok ? briefOutcome(r.briefs, uc) : { kind: 'message', message: errorReply(r.error, uc.lang) }),
};
