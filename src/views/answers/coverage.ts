import type { ObjectiveCoverage } from '../../domain/answers.js';
import { isServed } from '../../domain/coverage.js';
import type { Language } from '../../domain/types.js';
import { formatDate, messages } from '../../i18n/messages.js';
import { clip, context, esc, header, section } from '../blocks.js';
import { barChart, chartInWords, chartLimits, type DataVisualizationBlock, type MessageBlock } from '../chart.js';
import { planTitle, priorityTitle } from '../labels.js';
import type { AnswerDrawing, AnswerOf } from './drawing.js';
import { objectiveTitle, planLine } from './parts.js';

type CoverageAnswer = AnswerOf<'coverage'>;

/** The served objectives' occurrences, done against all, as a bar chart (at most 20 objectives fit one). */
export function coverageChart(answer: CoverageAnswer): DataVisualizationBlock | null {
  const served = answer.objectives.filter(isServed).slice(0, chartLimits.points);
  if (served.length === 0) return null;
  const c = messages(answer.lang).coverage;
  return barChart(
    c.chartTitle,
    served.map((o) => String(o.objective.number)),
    [
      { name: c.chartDone, values: served.map((o) => o.occurrencesDone) },
      { name: c.chartTotal, values: served.map((o) => o.occurrences) },
    ],
    { x: c.chartAxis },
  );
}

/** The chart said in words, from its own numbers, and that it was cut when it was. */
function chartAlternative(answer: CoverageAnswer, chart: DataVisualizationBlock): string {
  const c = messages(answer.lang).coverage;
  const served = answer.objectives.filter(isServed).length;
  const shown = chart.chart.type === 'pie' ? 0 : chart.chart.axis_config.categories.length;
  return `${c.chartInWords(chartInWords(chart))}${shown < served ? ` ${c.chartCut(shown, served)}` : ''}`;
}

/** "T1 Title: T1.1 1/2, T1.2 0/2" for each priority serving an objective. */
function priorityLines(o: ObjectiveCoverage, lang: Language): string[] {
  return o.priorities.map(
    ({ priority, activities }) =>
      `${priority.id} ${clip(priorityTitle(priority, lang), 120)}${activities.length ? `: ${activities.map((a) => `${a.activity.id} ${a.done}/${a.total}`).join(', ')}` : ''}`,
  );
}

/** The summary: how many objectives are served, and what the basic priorities serve. */
function summary(answer: CoverageAnswer): string[] {
  const c = messages(answer.lang).coverage;
  const served = answer.objectives.filter(isServed).length;
  return [c.summary(served, answer.objectives.length), ...(answer.basic.length ? [c.basic(answer.basic.map((p) => p.id).join(', '))] : [])];
}

/** The objectives no activity serves, said plainly: always shown (the tail), the list a regional review asks for. */
function notServedBlocks(answer: CoverageAnswer): MessageBlock[] {
  const c = messages(answer.lang).coverage;
  const not = answer.objectives.filter((o) => !isServed(o));
  if (not.length === 0) return [context(c.allServed)];
  return [section(`*${c.notServed(not.length)}*\n${not.map((o) => `• *${o.objective.number}.* ${esc(objectiveTitle(o.objective, answer.lang))}`).join('\n')}`)];
}

/** `/gcm coverage`: the 23 GCM objectives, those the plan serves with their work and a chart, then those it does not. */
export const coverage: AnswerDrawing<CoverageAnswer> = {
  slack(answer) {
    const m = messages(answer.lang);
    const lang = answer.lang;
    const plan = answer.plan;
    const chart = coverageChart(answer);
    const served = answer.objectives.filter(isServed).map((o) =>
      section(
        `*${o.objective.number}. ${esc(objectiveTitle(o.objective, lang))}*\n_${m.coverage.objectiveLine(o.activities, o.occurrencesDone, o.occurrences)}_\n${priorityLines(
          o,
          lang,
        )
          .map((l) => `• ${esc(l)}`)
          .join('\n')}`,
      ),
    );
    const not = answer.objectives.filter((o) => !isServed(o)).map((o) => o.objective.number);
    return {
      body: [
        header(m.coverage.title),
        context(m.planLine(esc(planTitle(plan, lang)), formatDate(plan.periodStart, lang), formatDate(plan.periodEnd, lang))),
        section(summary(answer).join('\n')),
        ...(chart ? [chart, context(esc(chartAlternative(answer, chart)))] : []),
        ...served,
      ],
      tail: notServedBlocks(answer),
      fallback: [...summary(answer).slice(0, 1), ...(not.length ? [`${m.coverage.notServed(not.length)} ${not.join(', ')}.`] : [])].join(' '),
    };
  },
  text(answer) {
    const c = messages(answer.lang).coverage;
    const lang = answer.lang;
    const not = answer.objectives.filter((o) => !isServed(o));
    return [
      `${c.title} (${planLine(answer.plan, lang)}):`,
      ...summary(answer),
      ...answer.objectives
        .filter(isServed)
        .flatMap((o) => [
          `  ${String(o.objective.number).padStart(2)}. ${objectiveTitle(o.objective, lang)}: ${c.objectiveLine(o.activities, o.occurrencesDone, o.occurrences)}`,
          ...priorityLines(o, lang).map((l) => `      ${l}`),
        ]),
      ...(not.length
        ? [c.notServed(not.length), ...not.map((o) => `  ${String(o.objective.number).padStart(2)}. ${objectiveTitle(o.objective, lang)}`)]
        : [c.allServed]),
    ];
  },
};
