import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { askQuestion } from '../../src/commands/ask.js';
import { defaultPlanFile, projectRoot } from '../../src/config.js';
import type { Answer, AnswerError, UpcomingItem } from '../../src/domain/answers.js';
import { homeData } from '../../src/domain/home.js';
import { applyMark, resolveTarget } from '../../src/domain/mark.js';
import { planChanges } from '../../src/domain/plan-diff.js';
import { buildReports } from '../../src/domain/report.js';
import type { Language, ReminderRecord, StatusKey } from '../../src/domain/types.js';
import type { StatusChange } from '../../src/domain/status.js';
import { planCalendar } from '../../src/domain/calendar.js';
import { activityState } from '../../src/domain/questions.js';
import { calendarMessage } from '../../src/views/calendar-view.js';
import { modalNotOpened } from '../../src/views/modal-view.js';
import { notSavedMessage, type NotSavedReason } from '../../src/views/not-saved-view.js';
import { statusChangedMessage, statusModalView } from '../../src/views/status-modal-view.js';
import { changeLine, linksMrkdwn, noteMrkdwn, occurrenceStatusText } from '../../src/views/status-view.js';
import type { Stores } from '../../src/stores.js';
import { contextAt, loadedStores, tempDir, zone } from '../helpers/stores.js';
import { unescapedMarkup } from './markup.js';
import { homeView } from '../../src/views/home-view.js';
import { markMessage, markNotice } from '../../src/views/mark-view.js';
import { answerMessage, betweenPlans, errorReply } from '../../src/views/message-view.js';
import { planChangeMessage } from '../../src/views/plan-changes-view.js';
import { digestMessage, reminderMessage } from '../../src/views/reminder-view.js';
import { remindersRetryView, remindersUsageView, remindersView } from '../../src/views/reminders-status-view.js';
import { reportMessage, reportsMessage } from '../../src/views/report-view.js';
import { briefMessage } from '../../src/views/brief-view.js';
import { briefNarrative } from '../../src/views/brief-narrative.js';
import { buildBrief } from '../../src/domain/brief.js';

/**
 * Every exported function of src/views, walked with hostile text: the plan's own texts and what people
 * type carry `<!channel>`, `<@U…>`, `<#C…>`, `<https://…|…>` and `<!subteam^…>`, and no message, Home
 * view or fallback may let one through unescaped. The modules are enumerated from the folder: a new
 * export fails the first test until it is walked here (or said to be no Slack message, and why).
 */

const hostile = ' <!channel> <!here> <@U0VICTIM> <#C0OTHER|general> <https://evil.example|click here> <!subteam^S0EVIL> & more';
const textKeys = new Set(['title', 'title_es', 'text', 'text_es', 'note', 'note_es', 'wording', 'network', 'period_note', 'monitoring']);

/** The bundled plan with every text it holds made hostile, imported into a fresh database. */
function hostileStores(): Stores {
  const poison = (v: unknown, key = ''): unknown => {
    if (typeof v === 'string') return textKeys.has(key) ? `${v}${hostile}` : v;
    if (Array.isArray(v)) return v.map((x) => (key === 'references' && typeof x === 'string' ? `${x}${hostile}` : poison(x, key)));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, poison(x, k)]));
    return v;
  };
  const file = path.join(tempDir(), 'hostile-plan.yaml');
  writeFileSync(file, stringify(poison(parse(readFileSync(defaultPlanFile, 'utf8')))));
  const stores = loadedStores(':memory:', file);
  // What people write about an occurrence: notes and links of each status, hostile too.
  const change = (key: string, status: StatusKey, at: string, date: string | null = null): StatusChange => ({
    planId: 'lac-2023-2024',
    activityId: key.split('@')[0]!,
    key,
    status,
    date,
    note: `Note${hostile}`,
    links: ['https://example.org/minutes?a=1&b=<!channel>', `https://example.org/${encodeURIComponent(hostile)}`],
    by: 'U0COCHAIR',
    source: 'test',
    at,
  });
  // B1.3's occurrences of 2024 (quarterly): one of each status a person sets, with the note and links.
  const keys = activityStateOf(stores, 'B1.3')
    .occurrences.map((o) => o.key)
    .filter((k) => k.includes('@2024-'));
  expect(keys.length).toBeGreaterThanOrEqual(4);
  stores.state.changeStatus(change(keys[0]!, 'done', '2024-03-30T12:00:00.000Z'));
  stores.state.changeStatus(change(keys[1]!, 'in_progress', '2024-04-20T12:00:00.000Z'));
  stores.state.changeStatus(change(keys[2]!, 'postponed', '2024-04-21T12:00:00.000Z', '2024-11-10'));
  stores.state.changeStatus(change(keys[3]!, 'cancelled', '2024-04-22T12:00:00.000Z'));
  return stores;
}

/** Every status change of the hostile stores, newest first. */
function changes(stores: Stores): StatusChange[] {
  return [...stores.state.statuses('lac-2023-2024').values()].flatMap((c) => stores.state.statusHistory('lac-2023-2024', c.key));
}

function activityStateOf(stores: Stores, activityId: string) {
  const plan = stores.plans.plan('lac-2023-2024')!;
  return activityState(contextAt(stores, now), plan, stores.plans.activity('lac-2023-2024', activityId)!);
}

function calendars(stores: Stores, lang: Language) {
  const ctx = contextAt(stores, now);
  const plan = stores.plans.plan('lac-2023-2024')!;
  return [planCalendar(ctx, plan, {}), planCalendar(ctx, plan, { agency: 'IOM' })].map((cal) => ({ cal, lang }));
}

const now = '2024-04-24T10:00:00';
const langs: Language[] = ['en', 'es'];
const typed = ['<!channel>', '<@U0VICTIM>', '<https://evil.example|click here>', '<#C0OTHER>'];

/** Commands with hostile arguments, and plain ones that show the hostile plan texts: every kind of answer. */
const commands = [
  '',
  'help',
  ...typed.flatMap((t) => [`search ${t}`, `agency ${t}`, `activity ${t}`, `priority ${t}`, `objective ${t}`, t, `upcoming ${t}`, `plan:${t} progress`]),
  'objective 23',
  'objective',
  'activity B1.3',
  'activity T1.1',
  '1.1',
  'agency IOM',
  'agency',
  'agencies',
  'priority B1',
  'priorities',
  'search migration',
  'upcoming',
  'plans',
  'principles',
  'progress',
  'coverage',
  `plan:${typed[0]} coverage`,
  'due 2024-05',
  'ECLA',
  'a'.repeat(600),
];

function answers(stores: Stores): Answer[] {
  return langs.flatMap((lang) => commands.map((c) => askQuestion(contextAt(stores, now), c, lang)));
}

const givenErrors = (given: string): AnswerError[] => [
  { code: 'objective_range', given, max: 23 },
  { code: 'activity_missing', given, known: ['B1.1'] },
  { code: 'activity_bad', given },
  { code: 'agency_missing', given },
  { code: 'priority_missing', given, known: ['B1'] },
  { code: 'unknown_command', given },
  { code: 'bad_date', given },
  { code: 'agency_ambiguous', given, options: ['IOM', 'ILO'] },
  { code: 'focal_mention', given },
  { code: 'report_dates', given },
  { code: 'plan_unknown', given, known: ['lac-2023-2024'] },
];

function upcoming(stores: Stores, lang: Language): UpcomingItem[] {
  const a = askQuestion(contextAt(stores, now), 'upcoming', lang);
  return a.kind === 'upcoming' ? a.items : [];
}

const record = (over: Partial<ReminderRecord>): ReminderRecord => ({
  key: 'lac-2023-2024|B1.3@2024-04|7',
  kind: 'reminder',
  planId: 'lac-2023-2024',
  occurrenceKey: 'B1.3@2024-04',
  activityId: 'B1.3',
  offsetDays: 7,
  dueDate: '2024-04-30',
  periodFrom: null,
  periodTo: null,
  fireAt: '2024-04-23T13:00:00.000Z',
  late: false,
  status: 'failed',
  attempts: 3,
  nextAttemptAt: null,
  lastError: `not_in_channel${hostile}`,
  channel: 'C0NETWORK',
  messageTs: null,
  createdAt: '2024-04-01T00:00:00.000Z',
  sentAt: null,
  ...over,
});

const notSavedReasons: NotSavedReason[] = ['deleted', 'replaced', 'readonly', 'full', 'busy', 'io'];

/** The mentions and channel the bot writes itself: the people who acted, the co-chairs, the reminder channel. */
const ourTokens = ['<@U0COCHAIR>', '<@U0MEMBER>', '<#C0NETWORK>'];

/** Views that show ids, dates and user IDs Slack gave, and no text anyone wrote: checked, but nothing hostile reaches them. */
const showsNoWrittenText = new Set([
  'mark-view#markNotice',
  'mark-view#markMessage',
  'modal-view#modalNotOpened',
  'status-modal-view#statusModalView',
  'not-saved-view#notSavedMessage',
]);

type Walk = (stores: Stores) => Promise<unknown[]> | unknown[];

/** What each exported function of src/views is walked with; or, for what is no Slack message, why not. */
const walks: Record<string, Walk | { notAMessage: string }> = {
  'blocks#clip': { notAMessage: 'cuts text its callers escaped' },
  'blocks#esc': { notAMessage: 'the escaping itself' },
  'blocks#header': { notAMessage: 'plain_text: Slack shows it as written, never parsed' },
  'blocks#section': { notAMessage: 'a block of mrkdwn its callers escaped' },
  'blocks#context': { notAMessage: 'a block of mrkdwn its callers escaped' },
  'blocks#divider': { notAMessage: 'no text' },
  'blocks#button': { notAMessage: 'plain_text and a value Slack hands back' },
  'blocks#actions': { notAMessage: 'holds buttons' },
  'blocks#fitBlocks': { notAMessage: 'cuts a list of blocks' },
  'blocks#bar': { notAMessage: 'a bar from two numbers' },
  'chart#barChart': { notAMessage: 'a chart block: its labels are plain text Slack draws as written; walked inside homeView and coverage' },
  'chart#chartInWords': { notAMessage: "a chart's numbers in words, escaped by its callers (coverage, walked through answerMessage)" },
  'chart#chartProblems': { notAMessage: 'checks the chart limits, draws nothing' },
  'home-view#homeProgressChart': { notAMessage: "the Home's chart (priority ids and counts), walked inside homeView" },
  'blocks#dateToken': { notAMessage: "the bot's own date token" },
  'action-ids#encodeValue': { notAMessage: 'a button value, never shown' },
  'action-ids#decodeValue': { notAMessage: 'reads a button value' },
  'action-ids#languageOfBlocks': { notAMessage: 'reads a language' },
  'labels#agencyLabel': { notAMessage: 'plain text its callers escape' },
  'labels#leadText': { notAMessage: 'plain text its callers escape' },
  'labels#supportText': { notAMessage: 'plain text its callers escape' },
  'labels#activityText': { notAMessage: 'plain text its callers escape' },
  'labels#noteText': { notAMessage: 'plain text its callers escape' },
  'labels#planTitle': { notAMessage: 'plain text its callers escape' },
  'labels#priorityTitle': { notAMessage: 'plain text its callers escape' },
  'labels#priorityText': { notAMessage: 'plain text its callers escape' },
  'labels#profileTexts': { notAMessage: 'plain text its callers escape' },
  'labels#translationNote': { notAMessage: "the bot's own words" },
  'labels#dueOnText': { notAMessage: "the bot's own words and a date" },
  'labels#statusText': { notAMessage: "the bot's own words" },
  'labels#whenText': { notAMessage: 'plain text its callers escape' },
  'labels#dueText': { notAMessage: "the bot's own date words" },
  'labels#occurrenceName': { notAMessage: 'an id and a date' },
  'labels#showsPlanTexts': { notAMessage: 'a yes or no' },
  'message-view#audienceMatters': { notAMessage: 'a yes or no' },
  'message-view#importedAt': { notAMessage: 'a date' },
  'message-view#errorMessage': { notAMessage: 'a block of mrkdwn its callers escaped (errorReply escapes what was typed)' },
  'message-view#escapedGiven': { notAMessage: 'the escaping of an error, walked through errorReply' },
  'reminder-view#reminderBlockId': { notAMessage: 'a block id, never shown' },
  'reminder-view#noonEpoch': { notAMessage: 'a number' },
  'reminder-view#occurrenceTitle': { notAMessage: 'plain text its callers escape' },
  'plan-changes-view#planChangesLines': { notAMessage: 'plain lines for the terminal; planChangeMessage escapes them for Slack' },
  'report-view#reportJson': { notAMessage: 'a JSON file' },
  'report-view#reportMarkdown': { notAMessage: 'a Markdown file, uploaded as a file (Slack shows it as written)' },
  'report-view#reportCsv': { notAMessage: 'a CSV file' },
  'report-view#reportsJson': { notAMessage: 'a JSON file' },
  'report-view#reportsMarkdown': { notAMessage: 'a Markdown file, uploaded as a file (Slack shows it as written)' },
  'report-view#reportsCsv': { notAMessage: 'a CSV file' },
  'text-view#renderText': { notAMessage: 'plain text for the terminal (`npm run ask`)' },
  'action-ids#statusUpdateValue': { notAMessage: 'a button value, never shown' },
  'status-view#updateButton': { notAMessage: 'plain_text and a value Slack hands back' },
  'status-view#statusWords': { notAMessage: "the bot's own words and a date" },
  'status-view#statusCounts': { notAMessage: "the bot's own words and numbers" },
  'status-view#textChangeLine': { notAMessage: 'plain text for the terminal (`npm run ask`)' },
  'calendar-view#calendarIcs': { notAMessage: 'an iCalendar file, never a Slack message' },
  'calendar-view#eventSummary': { notAMessage: 'an iCalendar SUMMARY, never a Slack message' },
  'calendar-view#eventDescription': { notAMessage: 'an iCalendar DESCRIPTION, never a Slack message' },
  'calendar-view#calendarName': { notAMessage: "the calendar's name inside the file; calendarMessage is walked" },
  'calendar-view#eventUid': { notAMessage: 'an iCalendar UID' },
  'calendar-view#subscriptionUrl': { notAMessage: 'an address built from the settings; calendarMessage is walked' },

  'modal-view#modal': { notAMessage: 'the frame of a modal; statusModalView is walked' },
  'modal-view#selectInput': { notAMessage: 'plain_text options and labels: Slack shows them as written' },
  'modal-view#dateInput': { notAMessage: 'a date picker with a plain_text label' },
  'modal-view#textInput': { notAMessage: 'a text input: what is typed comes back in the submission, never parsed' },

  'modal-view#modalNotOpened': () => langs.map(modalNotOpened),
  'not-saved-view#notSavedMessage': () => langs.flatMap((lang) => notSavedReasons.map((reason) => notSavedMessage(lang, reason))),
  'status-modal-view#statusModalView': (stores) => {
    const state = activityStateOf(stores, 'B1.3');
    return langs.flatMap((lang) => state.occurrences.map((occurrence) => statusModalView({ lang, occurrence, current: occurrence.status, metadata: '{}' })));
  },
  'status-modal-view#statusChangedMessage': (stores) => {
    const state = activityStateOf(stores, 'B1.3');
    return langs.flatMap((lang) =>
      changes(stores).flatMap((c) => {
        const occurrence = state.occurrences.find((o) => o.key === c.key)!;
        return [statusChangedMessage(lang, occurrence, c, true), statusChangedMessage(lang, occurrence, c, false)];
      }),
    );
  },
  'status-view#noteMrkdwn': (stores) => changes(stores).map((c) => noteMrkdwn(c.note ?? '')),
  'status-view#linksMrkdwn': (stores) => langs.flatMap((lang) => changes(stores).map((c) => linksMrkdwn(c.links, lang))),
  'status-view#changeLine': (stores) => langs.flatMap((lang) => changes(stores).map((c) => changeLine({ ...c, by: `U0COCHAIR${hostile}` }, lang))),
  'status-view#occurrenceStatusText': (stores) => {
    const state = activityStateOf(stores, 'B1.3');
    return langs.flatMap((lang) => state.occurrences.map((o) => occurrenceStatusText(o, state, lang)));
  },
  'calendar-view#calendarMessage': (stores) => {
    const subs = [
      { kind: 'url', url: 'https://bot.example/calendar/t.ics' },
      { kind: 'ask_co_chair' },
      { kind: 'no_public_url' },
      { kind: 'not_served' },
    ] as const;
    return langs.flatMap((lang) => calendars(stores, lang).flatMap(({ cal }) => subs.map((sub) => calendarMessage(cal, lang, stores.directory(), true, sub))));
  },

  'message-view#answerMessage': (stores) => {
    const dir = stores.directory();
    return answers(stores).flatMap((a) => [
      answerMessage(a, dir, { command: 'x', interactive: true }),
      answerMessage(a, dir, { command: 'x', interactive: false, audience: { kind: 'member', coChairs: ['U0COCHAIR'], usergroup: null } }),
    ]);
  },
  'message-view#errorReply': () => {
    return langs.flatMap((lang) => typed.flatMap((t) => givenErrors(t).map((e) => errorReply(e, lang))));
  },
  'message-view#betweenPlans': (stores) => {
    const p = stores.plans.plans()[0]!;
    return langs.map((lang) => betweenPlans(p, p, lang));
  },
  'home-view#homeView': (stores) => {
    return langs.flatMap((lang) => [null, 'IOM', 'ECLAC'].map((agency) => homeView(homeData(contextAt(stores, now), agency, lang), stores.directory())));
  },
  'mark-view#markNotice': (stores) => {
    return marks(stores).map(markNotice);
  },
  'mark-view#markMessage': (stores) => {
    return marks(stores).map(markMessage);
  },
  'plan-changes-view#planChangeMessage': (stores) => {
    const plain = loadedStores();
    const id = 'lac-2023-2024';
    const period = (s: Stores) => {
      const p = s.plans.plan(id)!;
      return { periodStart: p.periodStart, periodEnd: p.periodEnd };
    };
    const c = planChanges(
      id,
      { period: period(plain), activities: plain.plans.activities(id) },
      { period: period(stores), activities: stores.plans.activities(id) },
      { occurrences: [], reminders: [], focalAgencies: [] },
    );
    return langs.map((lang) => planChangeMessage(c, `Plan${hostile}`, lang));
  },
  'reminder-view#reminderMessage': (stores) => {
    return langs.flatMap((lang) =>
      upcoming(stores, lang).flatMap(({ occurrence, activity }) =>
        [false, true].map((followup) =>
          reminderMessage(
            {
              reminderKey: 'k',
              planId: 'lac-2023-2024',
              activity,
              occurrence,
              offsetDays: 7,
              late: followup,
              fireDate: '2024-04-23',
              today: '2024-04-23',
              zone,
              done: false,
              closed: false,
              focal: [['IOM', ['U0COCHAIR']]],
              followup,
              lang,
              coChairs: ['U0COCHAIR'],
            },
            stores.directory(),
          ),
        ),
      ),
    );
  },
  'reminder-view#digestMessage': (stores) => {
    return langs.map((lang) => digestMessage(upcoming(stores, lang), 7, lang, zone, stores.directory()));
  },
  'reminders-status-view#remindersView': () => {
    return langs.map((lang) =>
      remindersView({
        lang,
        channel: 'C0NETWORK',
        settings: { days: [7, 1], time: '09:00', zone },
        digest: { weekday: 1, time: '09:00' },
        scheduler: 'me',
        ended: false,
        next: [],
        unsent: [record({}), record({ key: `x${hostile}`, status: 'pending', lastError: null })],
      }),
    );
  },
  'reminders-status-view#remindersRetryView': () => {
    const left = (['closed', 'too_late', 'unknown_kind'] as const).map((why) => ({ key: `k${hostile}`, why }));
    return langs.map((lang) => remindersRetryView({ queued: [`q${hostile}`], left }, lang));
  },
  'reminders-status-view#remindersUsageView': () => {
    return langs.map((lang) => remindersUsageView(`retry${hostile}`, lang));
  },
  'report-view#reportMessage': (stores) => {
    return langs.flatMap((lang) => reports(stores, lang).map((r) => reportMessage(r, lang, stores.directory())));
  },
  'report-view#reportsMessage': (stores) => {
    return langs.map((lang) => reportsMessage(reports(stores, lang), lang, stores.directory()));
  },
  // The co-chairs' update (issue 23): its Slack message, with the co-chairs' own words hostile too.
  'brief-view#briefMessage': (stores) => {
    const ctx = contextAt(stores, now);
    const plan = stores.plans.plan('lac-2023-2024')!;
    return langs.map((lang) => {
      const b = buildBrief(ctx, plan, '2024-01-01', '2024-06-30', lang);
      return briefMessage(b, briefNarrative(b, lang, { paragraph: `Ours${hostile}`, highlights: [`One${hostile}`] }));
    });
  },
  'brief-view#briefStatusChart': { notAMessage: 'a chart block (priority ids, status words, counts), walked inside briefMessage' },
  'brief-view#briefMonthsChart': { notAMessage: 'a chart block (months, counts), walked inside briefMessage' },
  'brief-view#briefChartPeriods': { notAMessage: 'months and counts' },
  'brief-view#briefCharts': { notAMessage: 'the chart blocks and their words, walked inside briefMessage' },
  'brief-narrative#briefNarrative': { notAMessage: 'words as runs, escaped by each surface: walked inside briefMessage, the Markdown in test/brief' },
  'brief-markdown#mdText': { notAMessage: 'the Markdown escaping itself (test/brief)' },
  'brief-markdown#narrativeMarkdown': { notAMessage: 'a Markdown file, uploaded as a file (test/brief checks its escaping)' },
  'brief-markdown#narrativesMarkdown': { notAMessage: 'a Markdown file, uploaded as a file (test/brief checks its escaping)' },
  'brief-markdown#briefFilename': { notAMessage: 'a file name from two dates' },
};

function marks(stores: Stores) {
  const ctx = contextAt(stores, now);
  const plan = stores.plans.plan('lac-2023-2024')!;
  return langs.flatMap((lang) =>
    ['B1.3', 'B1.5', 'B1.3 2024-05'].flatMap((arg) => {
      const t = resolveTarget(ctx, plan, arg, 'done');
      if (!t.ok) return [];
      return [
        applyMark(ctx, t, 'done', { userId: 'U0COCHAIR', source: 'test' }, lang),
        applyMark(ctx, t, 'reopen', { userId: 'U0MEMBER', source: 'test' }, lang),
      ];
    }),
  );
}

function reports(stores: Stores, lang: Language) {
  const ctx = contextAt(stores, now);
  const plan = stores.plans.plan('lac-2023-2024')!;
  for (const arg of ['B1.5', 'B2.2']) {
    const t = resolveTarget(ctx, plan, arg, 'done');
    if (t.ok) applyMark(ctx, t, 'done', { userId: 'U0COCHAIR', source: 'test' }, lang);
  }
  const r = buildReports(ctx, '2024-01-01', '2024-06-30', lang);
  return r.ok ? r.reports : [];
}

/** Every exported function of every module in src/views, by `module#name`. */
async function viewExports(): Promise<string[]> {
  const dir = path.join(projectRoot, 'src', 'views');
  const names: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) if (typeof value === 'function') names.push(`${file.replace(/\.ts$/, '')}#${name}`);
  }
  return names.sort();
}

describe('every view with hostile text', () => {
  it('walks every exported function of src/views (a new one must be added here)', async () => {
    const exported = await viewExports();
    expect(exported.length).toBeGreaterThan(30);
    expect(exported.filter((n) => !(n in walks))).toEqual([]);
    expect(Object.keys(walks).filter((n) => !exported.includes(n))).toEqual([]);
  });

  it.each(Object.entries(walks).filter((e): e is [string, Walk] => typeof e[1] === 'function'))('%s lets no ping or link through', async (name, walk) => {
    const stores = hostileStores();
    const outputs = await walk(stores);
    expect(outputs.length).toBeGreaterThan(0);
    // The hostile text did reach the output, escaped (else the walk proves nothing), unless the view shows
    // nothing people write.
    if (!showsNoWrittenText.has(name)) expect(JSON.stringify(outputs)).toMatch(/&lt;(!channel|@U0VICTIM|https:\/\/evil)/);
    for (const o of outputs) expect(unescapedMarkup(o, ourTokens)).toEqual([]);
  });
});
