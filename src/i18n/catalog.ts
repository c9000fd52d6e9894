import type { AnswerError, Audience, Understood } from '../domain/answers.js';
import type { ActivityField, StateKind } from '../domain/plan-changes.js';
import type { PermanentFailure } from '../domain/post-failures.js';
import type { StatusField, StatusProblem } from '../domain/status.js';
import type { Language, StatusKey, LeftFailed } from '../domain/types.js';

/** Every word the bot says, in one language. Activity texts stay in the plan's English (docs/decisions/language.md). */
export interface Messages {
  lang: Language;
  objective: string;
  objectives: string;
  objectiveTitleIntro: string;
  priorityKind: { basic: string; thematic: string };
  prioritiesCiting: (n: number) => string;
  noPriorityCites: (n: number, plan: string) => string;
  gcmObjectives: string;
  activity: string;
  activitiesHeading: string;
  lead: string;
  support: string;
  supportNetwork: string;
  supportNone: string;
  leadNone: string;
  when: string;
  planWording: string;
  due: string;
  dueRule: Record<'date' | 'range_end' | 'month_start' | 'month_end' | 'tentative' | 'set' | 'period_end' | 'none', string>;
  tentative: string;
  noDate: string;
  references: string;
  note: string;
  sourceNote: string;
  status: { done: string; open: string; partial: (done: number, total: number) => string; overdue: string };
  doneBy: (user: string, date: string) => string;
  occurrences: string;
  ambiguousActivity: (n: string) => string;
  agency: string;
  leads: string;
  supports: string;
  nothingLed: string;
  nothingSupported: string;
  networkSupported: (n: number) => string;
  mandate: string;
  migrationWork: string;
  noProfile: (name: string) => string;
  profileSource: string;
  /** The source line of a profile shown in the project's translation (Spanish answers). */
  profileSourceTranslated: string;
  /** Said once in an answer that shows a text of the plan or a profile not in its official version (Spanish answers). */
  unofficialTranslation: string;
  matrix: string;
  matrixNone: string;
  matrixMarks: { x: string; xx: string };
  notMember: string;
  agencyChoices: (q: string) => string;
  agencyList: string;
  priority: string;
  prioritiesHeading: string;
  activitiesCount: (n: number) => string;
  searchResults: (q: string, n: number) => string;
  noResults: (q: string) => string;
  kinds: Record<'activity' | 'priority' | 'agency' | 'objective', string>;
  upcoming: string;
  nothingUpcoming: string;
  /** The line heading an answer to a question in plain words or with a typo: what was understood. */
  understood: (u: Understood) => string;
  /** "Due in May 2024" / "Due 29 April 2024 – 5 May 2024": `period` already in words. */
  dueIn: (period: string) => string;
  nothingDue: string;
  /** Several known words are as close to `given`: the line above the choices. */
  didYouMean: (given: string) => string;
  /** The notice on top of the answer picked among the choices. */
  picked: (command: string) => string;
  /** `audience`: a member when not given (never a terminal command in Slack). */
  planEnded: (end: string, audience?: Audience) => string;
  planNotStarted: (start: string) => string;
  principles: string;
  progress: string;
  progressLine: (done: number, total: number) => string;
  occurrencesLine: (done: number, total: number) => string;
  planLine: (title: string, start: string, end: string) => string;
  helpTitle: string;
  /** Names the other language's keywords (`twins`, joined) and says they answer in that language. */
  helpFooter: (twins: string) => string;
  andMore: (n: number) => string;
  months: string[];
  list: (items: string[]) => string;
  /** `audience` words `no_plan`: a member when not given. */
  error: (e: AnswerError, audience?: Audience) => string;
  marked: {
    done: (what: string, who: string, when: string) => string;
    already: (what: string, who: string, when: string) => string;
    reopened: (what: string, who: string) => string;
    notDone: (what: string) => string;
    allDone: (id: string) => string;
    /** How to name another occurrence with `action`, `example` one that is not the one just acted on. */
    hint: (action: 'done' | 'reopen', id: string, example: string) => string;
  };
  reminder: {
    /** `days` from the day the message is drawn to the due date (dayGap); null when it has no due date. */
    title: (days: number | null) => string;
    late: (day: string) => string;
    tentative: string;
    meetingRule: string;
    digestTitle: (days: number) => string;
    digestEmpty: (days: number) => string;
    dateSet: (what: string, date: string, who: string) => string;
    statusTitle: string;
    channel: (channel: string | null) => string;
    when: (days: number[], time: string, zone: string) => string;
    digest: (d: string) => string;
    scheduler: (holder: 'me' | 'other' | 'none') => string;
    next: string;
    noneNext: string;
    unsent: string;
    noneUnsent: string;
    attempts: (n: number, error: string | null) => string;
    /** What co-chairs do about reminders Slack refused for good (`error`: Slack's error code); they are not retried. */
    fix: (failure: PermanentFailure, error: string) => string;
    ended: string;
    /** The button on `/gcm reminders` (co-chairs, when something failed), and the line saying how to send them again once fixed. */
    retryButton: string;
    retryHint: string;
    /** `/gcm reminders retry` asked by someone who is not a co-chair. */
    retryRefused: string;
    /** `/gcm reminders` followed by a word that is not `retry` (`given` escaped). */
    retryUsage: (given: string) => string;
    retryNothing: string;
    /** How many failed messages were queued again. */
    retryQueued: (n: number) => string;
    /** How many were left failed, and why (`keys` escaped, comma-separated). */
    retryLeft: (n: number, why: LeftFailed, keys: string) => string;
  };
  /** The plan's calendar: the .ics file's texts and `/gcm calendar`'s answer. */
  calendar: {
    /** The calendar's name: the plan's title, and the agency or priority it is limited to. */
    name: (plan: string, only: string | null) => string;
    schedule: string;
    status: string;
    postponedTo: (date: string) => string;
    dateSet: (date: string) => string;
    lastNote: (date: string) => string;
    links: string;
    activity: string;
    plan: string;
    /** `/gcm calendar`'s answer: what the file holds. */
    summary: (events: number, name: string) => string;
    file: string;
    fileFailed: string;
    subscribe: (url: string) => string;
    noPublicUrl: string;
    notServed: string;
    askCoChair: string;
    badLanguage: (given: string) => string;
  };
  report: {
    title: (from: string, to: string) => string;
    byPriority: string;
    priorityLine: (ad: number, at: number, od: number, ot: number) => string;
    total: string;
    done: (n: number) => string;
    noneDone: string;
    overdue: (n: number) => string;
    noneOverdue: string;
    overdueBefore: (n: number) => string;
    next: (from: string, to: string, n: number) => string;
    noneNext: string;
    objectives: string;
    postponed: (n: number) => string;
    nonePostponed: string;
    cancelled: (n: number) => string;
    noneCancelled: string;
    /** Before the counts of occurrences by status at the end of the period. */
    statuses: string;
    columns: {
      priority: string;
      activities: string;
      occurrences: string;
      occurrence: string;
      due: string;
      by: string;
      when: string;
      lead: string;
      agency: string;
      note: string;
      evidence: string;
      newDate: string;
      plannedDue: string;
      changedBy: string;
    };
    file: string;
    fileFailed: string;
    focalTitle: string;
    focalNone: string;
    focalOf: (agency: string) => string;
    focalAdded: (agency: string, users: string) => string;
    focalRemoved: (agency: string, users: string) => string;
    focalUnchanged: string;
    focalLine: (agency: string, users: string) => string;
    coChairs: (users: string) => string;
    followupTitle: (due: string) => string;
  };
  homeTitle: string;
  homeDue30: string;
  homeNothingDue30: string;
  myAgency: string;
  pickAgency: string;
  myAgencyNone: string;
  coChairOnly: string;
  /** Statuses (docs/decisions/statuses.md): labels, the problems of a change as typed, who may change one. */
  statuses: {
    label: Record<StatusKey, string>;
    problem: Record<StatusProblem, string>;
    /** The field a problem is about, when told in plain text (the terminal, a command). */
    field: Record<StatusField, string>;
    refused: string;
    /** The button that opens the Update modal. */
    update: string;
    postponedTo: (date: string) => string;
    links: string;
    /** One line of an occurrence's history: `in progress, by <@U1> on 2 May 2024`. */
    change: (status: string, who: string, date: string) => string;
    otherOccurrences: string;
  };
  markDone: string;
  reopen: string;
  share: string;
  setDate: string;
  /** `/gcm plan`, `plan:ID`, and the time between two plans. */
  plans: {
    title: string;
    current: string;
    period: (start: string, end: string) => string;
    imported: (at: string, file: string) => string;
    hint: string;
    between: (ended: string, end: string, next: string, start: string) => string;
  };
  /** What an import changed (`plan:import`, and the message posted after it). */
  planChanges: {
    posted: (id: string, title: string) => string;
    firstImport: (id: string, start: string, end: string) => string;
    none: (id: string) => string;
    period: (beforeStart: string, beforeEnd: string, afterStart: string, afterEnd: string) => string;
    added: (ids: string) => string;
    removed: (ids: string) => string;
    field: Record<ActivityField, string>;
    appear: (keys: string) => string;
    disappear: (keys: string) => string;
    kept: (n: number, kind: StateKind) => string;
    orphaned: (kind: StateKind, key: string) => string;
    focalUnused: (ids: string) => string;
    more: (n: number) => string;
  };
  /** The Update modal (`/gcm update`, the Update button) and what its submission tells the person. */
  statusModal: {
    /** Title, submit and close: at most 24 characters (Slack). */
    title: string;
    submit: string;
    close: string;
    status: string;
    date: string;
    dateHint: string;
    note: string;
    noteHint: (max: number) => string;
    links: string;
    linksHint: string;
    /** `B1.2 · May 2024`, its status now and its due date (or none). */
    current: (what: string, status: string, due: string | null) => string;
    /** Who may change the status of `what`: the co-chairs and the focal points of `leads`. */
    notAllowed: (what: string, leads: string) => string;
    changed: (what: string, status: string, date: string | null) => string;
    unchanged: (what: string, status: string) => string;
    /** The occurrence a modal was opened for left the plan before it was submitted. */
    gone: (what: string) => string;
  };
  /** Slack would not open a form (views.open failed, e.g. after its 3 seconds): nothing changed. */
  modalNotOpened: string;
  /** A file someone asked for (`/gcm report`, `/gcm calendar`): the line on it, and where it went. */
  askedFile: {
    /** On the file shared in the channel: what it is, who asked and with which command. */
    inChannel: (what: string, user: string, command: string) => string;
    /** On the file sent to the asker's direct messages: what it is, and how to share it in the channel. */
    privately: (what: string, command: string, share: string) => string;
    /** In the answer: the file went to the asker's direct messages, and how to share it in the channel. */
    sentPrivately: (share: string) => string;
    /** The word that shares the file in the channel (`/gcm report share`), as this language writes it. */
    shareWord: string;
  };
  /**
   * A change the database did not take: nothing was saved, and why. `deleted` / `replaced`: the database
   * file was removed or swapped under the running bot, which stops; the others leave it running.
   */
  notSaved: Record<'deleted' | 'replaced' | 'readonly' | 'full' | 'busy' | 'io', string>;
  /** Questions in plain words (issue 24): help's line, the assistant pane, what the plan does not hold, comparisons, yes/no. */
  plain: {
    /** help: the line saying plain questions work, with three examples in this language. */
    helpUsage: string;
    helpText: string;
    /** The assistant pane: suggested prompts (at most 4, Slack) and their title, the status while answering. */
    promptsTitle: string;
    prompts: { title: string; message: string }[];
    thinking: string;
    /** What the plan does not hold (`subject`: budget, venue, e-mail, a country), then what it does say. */
    notInPlan: (subject: string) => string;
    subjects: Record<'budget' | 'venue' | 'contact' | 'country', string>;
    whatItSays: string;
    nothingOnIt: string;
    /** Activities two or more agencies both name. */
    shared: (agencies: string, n: number) => string;
    /** A yes/no question: the answer word and what decides it. */
    yes: string;
    no: string;
    /** A theme led to an objective no activity of the plan serves. */
    noActivityServes: (n: number) => string;
    /** An agency in a period: what it has then. */
    agencyIn: (agency: string) => string;
    /** A command that opens a form, asked in the pane: where it works. */
    useCommand: (text: string) => string;
  };
  // Issue 25 (every message tells the truth): the words added for it, kept together.
  /** A gap of whole days from today (domain/day-gap.ts): `today`, `tomorrow`, `in 3 days`, `yesterday`, `3 days ago`. */
  daysAway: (days: number) => string;
  /** The days of the week as the language writes them, Monday first (ISO weekday 1 to 7). */
  weekdays: string[];
  /** An occurrence's due date in a line (`date` already in words): `Due 30 June 2024`, or `no date in the plan`. */
  dueOn: (date: string | null) => string;
  /** `npm run report` for a period no loaded plan covers: the periods they cover (in words), and how to ask for one. */
  reportCovers: (periods: string) => string;
  /** A plan's period in a list: `lac-2023-2024 (1 June 2023 to 31 December 2024)`. */
  planPeriod: (id: string, start: string, end: string) => string;
  /** `/gcm coverage` (issue 23): the GCM objectives the plan serves and those it does not. */
  coverage: {
    title: string;
    /** `served` of `total` objectives are served by the plan's thematic priorities. */
    summary: (served: number, total: number) => string;
    /** The objective's line: its priorities' activities and their occurrences done. */
    objectiveLine: (activities: number, done: number, total: number) => string;
    notServed: (n: number) => string;
    allServed: string;
    /** The basic priorities (`ids`, already joined) serve the Compact as a whole. */
    basic: (ids: string) => string;
    chartTitle: string;
    chartDone: string;
    chartTotal: string;
    chartAxis: string;
    /** What the chart shows, then its numbers in words (`words`). */
    chartInWords: (words: string) => string;
    /** Only the first `shown` of `total` served objectives fit a chart. */
    chartCut: (shown: number, total: number) => string;
  };
  /** The App Home's chart (issue 23): occurrences by status, by priority. */
  homeChart: { title: string; axis: string; inWords: (words: string) => string };
  /** The co-chairs' periodic update (issue 23): the narrative, its charts, `/gcm brief`. */
  brief: {
    title: (from: string, to: string) => string;
    /** The co-chairs' own opening (Edit): its heading and the line saying whose words they are. */
    coChairsHeading: string;
    coChairsNote: string;
    highlights: string;
    overviewHeading: string;
    /** The period of the plan `plan` this update covers; the plan runs from `start` to `end` (all in words). */
    covers: (from: string, to: string, plan: string, start: string, end: string) => string;
    /** Activities done (`ad` of `at`) and occurrences done (`od` of `ot`) at the end of the period. */
    progress: (ad: number, at: number, od: number, ot: number) => string;
    /** Before the counts of occurrences by status (already in words). */
    byStatus: (counts: string) => string;
    /** What changed during the period, one phrase per count, joined with `list`. */
    markedDone: (n: number) => string;
    postponedCount: (n: number) => string;
    cancelledCount: (n: number) => string;
    /** `phrases` already joined: "During the period, …". */
    during: (phrases: string) => string;
    /** Due in the period and neither done nor cancelled at its end. */
    openAtEnd: (n: number) => string;
    /** Due before the period and still open at its end (said only when `n` > 0). */
    openBefore: (n: number) => string;
    priorityProgress: (ad: number, at: number, od: number, ot: number) => string;
    inProgress: (n: number) => string;
    evidence: string;
    reason: string;
    noReason: string;
    note: string;
    /** The marks around a text a person wrote (a note, a reason): “…” in English, «…» in Spanish. */
    quotes: [string, string];
    /** A postponed occurrence: its new date and the one it had (in words, or the words for no date). */
    newDate: (date: string, was: string | null) => string;
    cancelledLine: string;
    /** Nothing of a priority is listed in the period. */
    nothingInPriority: string;
    objectivesHeading: string;
    objectivesIntro: string;
    objectiveLine: (n: number, title: string, priorities: string) => string;
    noObjectives: string;
    /** The table of the plan's coverage (every GCM objective): its caption and column headings. */
    coverageTable: { caption: string; objective: string; priorities: string; activities: string; occurrences: string; none: string };
    chartStatusTitle: string;
    chartStatusAxis: string;
    chartStatusInWords: (words: string) => string;
    chartMonthsTitle: string;
    chartMonthsAxis: string;
    chartDue: string;
    chartDone: string;
    chartMonthsInWords: (words: string) => string;
    /** A quarter as a chart's category when the plan's months do not fit one chart: `Q3 2023`. */
    quarter: (q: number, year: number) => string;
    /** The co-chair's private answer: the line under the title, the file's line, and what a member is told. */
    summary: (plan: string) => string;
    file: string;
    fileFailed: string;
    /** On the file in the co-chair's direct messages: what it is and the command that asked for it. */
    fileComment: (what: string, command: string) => string;
    /** The period also covers other plans (ids, already joined): their update is in the file. */
    otherPlans: (plans: string) => string;
    /** The narrative was cut to Slack's limits: the file has all of it. */
    cut: string;
    /** What someone who is not a co-chair is told (the update is theirs to prepare and publish). */
    coChairsOnly: string;
  };
  /** The update's draft (issue 23.5): Edit (the co-chairs' words), Publish (to the channel, once), the quarter's draft in direct messages. */
  briefDraft: {
    edit: string;
    publish: string;
    /** On a draft: who sees it, and where Publish posts it (`channel`, a `<#C…>` link; null when GCM_REMINDER_CHANNEL is unset). */
    draftNote: (channel: string | null) => string;
    /** The quarter's draft in a co-chair's direct messages, above it. */
    quarterDraft: string;
    /** Who last saved the co-chairs' words, and when (`date` in words). */
    edited: (user: string, date: string) => string;
    /** Who published it, and when: on the draft once published, and on the post in the channel. */
    published: (user: string, date: string) => string;
    /** A second click, or another co-chair's: who published it first, and when. */
    alreadyPublished: (user: string, date: string) => string;
    /** What Publish tells the person who clicked first. */
    publishing: (channel: string) => string;
    noChannel: string;
    /** The draft's plan is no longer loaded. */
    gone: string;
    /** Edit after the update went out: the post stays as it was. */
    editAfterPublish: (user: string, date: string) => string;
    modal: {
      /** At most 24 characters (Slack). */
      title: string;
      submit: string;
      close: string;
      /** What the modal is for: the period, its first and last day in words. */
      about: (from: string, to: string) => string;
      paragraph: (language: string) => string;
      paragraphHint: (max: number) => string;
      highlights: (language: string) => string;
      highlightsHint: (count: number, max: number) => string;
      /** The languages' names, as the fields' labels say them. */
      languages: { en: string; es: string };
    };
    problem: {
      paragraph_too_long: (max: number) => string;
      too_many_highlights: (max: number) => string;
      highlight_too_long: (line: number, max: number) => string;
    };
    /** Told once the words are saved (`any`: some were kept; else every field was blank). */
    saved: (any: boolean) => string;
  };
  /** The update's files (issue 23.4): the Word document's and the workbook's own words (src/documents/). */
  briefFiles: {
    charts: string;
    tables: string;
    /** An image's alternative title. */
    chartImage: (title: string) => string;
    prioritiesTable: string;
    priorityTable: (id: string, title: string) => string;
    nothingListed: string;
    objectivesTable: string;
    /** An objective no activity serves, in its table's cells. */
    notServed: string;
    notServedLine: (list: string) => string;
    overdueTable: string;
    /** An open occurrence due before the period, in the overdue table's status column. */
    overdueBefore: string;
    overdueStatus: string;
    /** Worksheet names (at most 31 characters, none of `[]:*?/\`). */
    sheet: { summary: string; priorities: string; objectives: string; overdue: string; done: string; next: string };
    columns: {
      field: string;
      value: string;
      plan: string;
      from: string;
      to: string;
      title: string;
      activities: string;
      activitiesDone: string;
      occurrences: string;
      occurrencesDone: string;
      status: string;
      activity: string;
      objective: string;
      servedBy: string;
      activitiesServing: string;
    };
    /** Said after the line on the Markdown file: the Word file and the workbook went with it. */
    alsoFiles: string;
  };
}
