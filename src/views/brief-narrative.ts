import type { Brief, BriefPriority } from '../domain/brief.js';
import type { ChangedItem, PostponedItem, ReportItem } from '../domain/report.js';
import type { Agency, Language } from '../domain/types.js';
import { formatDate, formatLabel, messages } from '../i18n/messages.js';
import { agencyLabel } from './labels.js';
import { statusCounts } from './status-view.js';

/*
 * The co-chairs' update as words (issue 23), built once from the data and drawn by every surface: Slack
 * (brief-view.ts), Markdown (brief-markdown.ts), a Word document. Deterministic, and it says only what the
 * data holds (docs/decisions: never a judgement; that is the co-chairs' own opening). Runs are plain text:
 * each surface escapes them its own way.
 */

/** A piece of a paragraph: text (`strong` for a label; `written` when a person wrote it: a note, the co-chairs' words), or a link. */
export type NarrativeRun = { kind: 'text'; text: string; strong?: boolean; written?: boolean } | { kind: 'link'; text: string; url: string };

/** A paragraph: its runs in order; `bullet` for an item of a list. */
export interface NarrativeParagraph {
  runs: NarrativeRun[];
  bullet?: boolean;
}

/** A section: a heading (level 2 under the title; 3 for a priority inside "per priority") and its paragraphs. */
export interface NarrativeSection {
  /** Stable, for surfaces that treat a section apart: `intro`, `overview`, `priority:B1`, `objectives`, `next`. */
  key: string;
  heading: string;
  level: 2 | 3;
  paragraphs: NarrativeParagraph[];
  /** The co-chairs' own words (Edit), shown as theirs. */
  byCoChairs?: boolean;
  /** A table after the paragraphs (the plan's coverage): plain texts, drawn by surfaces that hold tables (files). */
  table?: NarrativeTable;
}

/** A table of plain texts: a caption, the column headings, the rows (each as long as `header`). */
export interface NarrativeTable {
  caption: string;
  header: string[];
  rows: string[][];
}

export interface Narrative {
  lang: Language;
  title: string;
  sections: NarrativeSection[];
}

/** The co-chairs' own opening for one language (written in the Edit modal): a paragraph and highlights. */
export interface BriefIntro {
  paragraph: string;
  highlights: string[];
}

const text = (t: string, extra: { strong?: boolean; written?: boolean } = {}): NarrativeRun => ({ kind: 'text', text: t, ...extra });
const para = (...runs: NarrativeRun[]): NarrativeParagraph => ({ runs });
const bullet = (...runs: NarrativeRun[]): NarrativeParagraph => ({ runs, bullet: true });

/** Only a web address becomes a link; anything else people typed is shown as written. */
const linkRun = (url: string): NarrativeRun => (/^https?:\/\/[^\s<>"]+$/i.test(url) ? { kind: 'link', text: url, url } : text(url, { written: true }));

/** The narrative's words in one language, with what names agencies and dates. */
interface Words {
  lang: Language;
  m: ReturnType<typeof messages>;
  dir: ReadonlyMap<string, Agency>;
}

const day = (w: Words, iso: string | null) => (iso ? formatDate(iso.slice(0, 10), w.lang) : w.m.noDate);
const occName = (i: ReportItem, w: Words) => (i.label ? `${i.activityId} · ${formatLabel(i.label, w.lang)}` : i.activityId);
const leadsOf = (i: ReportItem, w: Words) => (i.leads.length ? w.m.list(i.leads.map((id) => agencyLabel(id, w.lang, w.dir))) : i.leadWording);

/** `B1.2 · May 2024 (Due 31 May 2024): the activity's text.` */
const itemHead = (i: ReportItem, w: Words): NarrativeRun[] => [
  text(occName(i, w), { strong: true }),
  text(` (${w.m.dueOn(i.due ? day(w, i.due) : null)}): ${sentence(i.text)}`),
];

/** A text of the plan as one sentence: its own closing stop, or one added. */
const sentence = (t: string) => `${t.trim().replace(/[.\s]+$/, '')}.`;

/** A change's note (as written) and its links. */
function noteRuns(i: ChangedItem, w: Words, label: string): NarrativeRun[] {
  const runs: NarrativeRun[] = [];
  const [open, close] = w.m.brief.quotes;
  if (i.note) runs.push(text(` ${label} ${open}`), text(i.note, { written: true }), text(`${close}.`));
  if (i.links.length) {
    runs.push(text(` ${w.m.brief.evidence} `));
    runs.push(...i.links.flatMap((l, n) => (n ? [text(' '), linkRun(l)] : [linkRun(l)])));
  }
  return runs;
}

const postponedLine = (i: PostponedItem, w: Words): NarrativeParagraph =>
  bullet(...itemHead(i, w), text(` ${w.m.brief.newDate(day(w, i.due), i.plannedDue ? day(w, i.plannedDue) : null)}`), ...noteRuns(i, w, w.m.brief.reason));

const cancelledLine = (i: ChangedItem, w: Words): NarrativeParagraph =>
  bullet(...itemHead(i, w), text(` ${w.m.brief.cancelledLine}`), ...(i.note ? noteRuns(i, w, w.m.brief.reason) : [text(` ${w.m.brief.noReason}`)]));

/** One list of a priority: a strong label with its count, then one bullet per item. */
const list = <T>(label: string, items: readonly T[], line: (i: T) => NarrativeParagraph): NarrativeParagraph[] =>
  items.length ? [para(text(label, { strong: true })), ...items.map(line)] : [];

function prioritySection(p: BriefPriority, w: Words): NarrativeSection {
  const { m } = w;
  const l = p.line;
  const overdue = new Set(p.overdue.flatMap((g) => g.items.map((i) => i.occurrenceKey))).size;
  const paragraphs = [
    para(text(m.brief.priorityProgress(l.activitiesDone, l.activities, l.occurrencesDone, l.occurrences))),
    ...list(m.report.done(p.done.length), p.done, (i) => bullet(...itemHead(i, w), ...noteRuns(i, w, m.brief.note))),
    ...list(m.brief.inProgress(p.inProgress.length), p.inProgress, (i) => bullet(...itemHead(i, w), ...noteRuns(i, w, m.brief.note))),
    ...list(m.report.postponed(p.postponed.length), p.postponed, (i) => postponedLine(i, w)),
    ...list(m.report.cancelled(p.cancelled.length), p.cancelled, (i) => cancelledLine(i, w)),
    ...list(m.report.overdue(overdue), p.overdue, (g) =>
      bullet(text(`${agencyLabel(g.agency, w.lang, w.dir)}: `, { strong: true }), text(w.m.list(g.items.map((i) => `${occName(i, w)} (${day(w, i.due)})`)))),
    ),
  ];
  if (paragraphs.length === 1) paragraphs.push(para(text(m.brief.nothingInPriority)));
  return { key: `priority:${l.id}`, heading: `${l.id} ${l.title}`, level: 3, paragraphs };
}

function overview(b: Brief, w: Words): NarrativeSection {
  const { m } = w;
  const r = b.report;
  const t = r.totals;
  const overdue = new Set(r.overdue.flatMap((g) => g.items.map((i) => i.occurrenceKey))).size;
  const paragraphs = [
    para(text(m.brief.covers(day(w, b.from), day(w, b.to), `${b.planTitle} (${b.planId})`, day(w, b.planPeriod.start), day(w, b.planPeriod.end)))),
    para(text(m.brief.progress(t.activitiesDone, t.activities, t.occurrencesDone, t.occurrences))),
    para(text(m.brief.byStatus(statusCounts(t.byStatus, w.lang)))),
    para(
      text(m.brief.during(m.list([m.brief.markedDone(r.done.length), m.brief.postponedCount(r.postponed.length), m.brief.cancelledCount(r.cancelled.length)]))),
    ),
    para(text(m.brief.openAtEnd(overdue))),
  ];
  if (r.overdueBefore.length) paragraphs.push(para(text(m.brief.openBefore(r.overdueBefore.length))));
  return { key: 'overview', heading: m.brief.overviewHeading, level: 2, paragraphs };
}

function objectives(b: Brief, w: Words): NarrativeSection {
  const { m } = w;
  const c = b.coverage;
  const served = c.objectives.filter((o) => o.priorities.length > 0);
  const notServed = c.objectives.filter((o) => o.priorities.length === 0).map((o) => String(o.objective.number));
  const paragraphs = b.objectives.length
    ? [para(text(m.brief.objectivesIntro)), ...b.objectives.map((o) => bullet(text(m.brief.objectiveLine(o.number, o.title, m.list(o.priorities)))))]
    : [para(text(m.brief.noObjectives))];
  if (c.basic.length) paragraphs.push(para(text(m.coverage.basic(m.list(c.basic.map((p) => p.id))))));
  paragraphs.push(para(text(m.coverage.summary(served.length, c.objectives.length))));
  paragraphs.push(para(text(notServed.length ? `${m.coverage.notServed(notServed.length)} ${m.list(notServed)}.` : m.coverage.allServed)));
  return { key: 'objectives', heading: m.brief.objectivesHeading, level: 2, paragraphs, table: coverageTable(b, w) };
}

/**
 * Every GCM objective with the thematic priorities serving it, their activities and occurrences done out of
 * all, from the report's lines (so as they stood at the end of the period, as every other number here).
 */
function coverageTable(b: Brief, w: Words): NarrativeTable {
  const t = w.m.brief.coverageTable;
  const lines = new Map(b.report.priorities.map((l) => [l.id, l]));
  const rows = b.coverage.objectives.map((o) => {
    const serving = o.priorities.map((p) => lines.get(p.priority.id)).filter((l) => l !== undefined);
    if (serving.length === 0) return [`${o.objective.number}. ${w.lang === 'es' ? o.objective.titleEs : o.objective.titleEn}`, t.none, '', ''];
    const sum = (f: (l: (typeof serving)[number]) => number) => serving.reduce((n, l) => n + f(l), 0);
    return [
      `${o.objective.number}. ${w.lang === 'es' ? o.objective.titleEs : o.objective.titleEn}`,
      serving.map((l) => l.id).join(', '),
      String(sum((l) => l.activities)),
      `${sum((l) => l.occurrencesDone)} / ${sum((l) => l.occurrences)}`,
    ];
  });
  return { caption: t.caption, header: [t.objective, t.priorities, t.activities, t.occurrences], rows };
}

function next(b: Brief, w: Words): NarrativeSection {
  const { m } = w;
  const n = b.report.next;
  const paragraphs = n.items.length
    ? n.items.map((i) =>
        bullet(text(`${day(w, i.due)}: `), text(occName(i, w), { strong: true }), text(` (${m.report.columns.lead}: ${leadsOf(i, w)}): ${sentence(i.text)}`)),
      )
    : [para(text(m.report.noneNext))];
  return { key: 'next', heading: m.report.next(day(w, n.from), day(w, n.to), n.items.length), level: 2, paragraphs };
}

function intro(given: BriefIntro, w: Words): NarrativeSection {
  const paragraphs = [para(text(w.m.brief.coChairsNote))];
  if (given.paragraph.trim()) paragraphs.push(para(text(given.paragraph.trim(), { written: true })));
  const highlights = given.highlights.map((h) => h.trim()).filter(Boolean);
  if (highlights.length) paragraphs.push(para(text(w.m.brief.highlights, { strong: true })), ...highlights.map((h) => bullet(text(h, { written: true }))));
  return { key: 'intro', heading: w.m.brief.coChairsHeading, level: 2, paragraphs, byCoChairs: true };
}

/**
 * The update of `brief` as sections of words in `lang` (the brief's own language: its activity texts are in
 * it): the co-chairs' opening when given (shown as theirs), the period and overall progress, each priority
 * (done with evidence, in progress, postponed with the new date and reason, cancelled with the reason,
 * overdue by lead agency), the GCM objectives the period's work served and the plan's coverage, what is due
 * next quarter. Every number is the report's (`brief.report`).
 */
export function briefNarrative(brief: Brief, lang: Language, introText?: BriefIntro): Narrative {
  const m = messages(lang);
  const w: Words = { lang, m, dir: new Map(brief.agencies.map((a) => [a.id, a])) };
  const given = introText && (introText.paragraph.trim() || introText.highlights.some((h) => h.trim())) ? [intro(introText, w)] : [];
  return {
    lang,
    title: m.brief.title(day(w, brief.from), day(w, brief.to)),
    sections: [
      ...given,
      overview(brief, w),
      { key: 'priorities', heading: m.report.byPriority, level: 2, paragraphs: [] },
      ...brief.priorities.map((p) => prioritySection(p, w)),
      objectives(brief, w),
      next(brief, w),
    ],
  };
}
