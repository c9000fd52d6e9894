import { anyMember, type Audience } from '../domain/answers.js';
import type { StateKind } from '../domain/plan-changes.js';
import type { Messages } from './catalog.js';
import { DateTime } from 'luxon';

/** `1 May 2024` from an ISO date. */
const dayEn = (iso: string) => DateTime.fromISO(iso, { zone: 'UTC' }).setLocale('en').toFormat('d MMMM yyyy');
const list = (items: string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

/** The co-chairs as a member can reach them: their mentions, and the user group when set. */
const whoAsk = (a: Extract<Audience, { kind: 'member' }>) => {
  const names = [...a.coChairs.map((u) => `<@${u}>`), ...(a.usergroup ? [`<!subteam^${a.usergroup}>`] : [])];
  return names.length ? ` (${names.join(', ')})` : '';
};

export const en: Messages = {
  lang: 'en',
  objective: 'Objective',
  objectives: 'GCM objectives',
  objectiveTitleIntro: 'GCM objective',
  priorityKind: { basic: 'Basic priority', thematic: 'Thematic priority' },
  prioritiesCiting: (n) => `Priorities of the plan serving objective ${n}`,
  noPriorityCites: (n, plan) => `No thematic priority of the ${plan} names objective ${n}.`,
  gcmObjectives: 'GCM objectives',
  activity: 'Activity',
  activitiesHeading: 'Activities',
  lead: 'Led by',
  support: 'Supported by',
  supportNetwork: 'the Network (all member agencies)',
  supportNone: 'none named in the plan',
  leadNone: 'none named in the plan',
  when: 'When',
  planWording: 'plan',
  due: 'Due',
  dueRule: {
    date: 'the date in the plan',
    range_end: 'the last day of the range',
    month_start: 'a meeting is due on the first day of its month until a co-chair sets the date',
    month_end: 'a deadline is due on the last day of its month',
    tentative: 'tentative',
    set: 'date set by a co-chair',
    period_end: "continuous: due at the end of the plan's period",
    none: 'no date',
  },
  tentative: 'tentative',
  noDate: 'no date in the plan',
  references: 'References',
  note: 'Note',
  sourceNote: 'Note on the source',
  status: {
    done: 'done',
    open: 'not done',
    partial: (done, total) => `${done} of ${total} done`,
    overdue: 'overdue',
  },
  doneBy: (user, date) => `marked done by ${user} on ${date}`,
  occurrences: 'Occurrences',
  ambiguousActivity: (n) => `Two activities are numbered ${n}, one in a basic and one in a thematic priority:`,
  agency: 'Agency',
  leads: 'Leads',
  supports: 'Supports (named)',
  nothingLed: 'It leads no activity of this plan.',
  nothingSupported: 'No activity names it as a supporting agency.',
  networkSupported: (n) => `It also takes part in ${n} ${n === 1 ? 'activity' : 'activities'} supported by the whole Network.`,
  mandate: 'Mandate',
  migrationWork: 'Migration work',
  noProfile: (name) => `The reference document (South American Conference on Migration, 2014) has no profile of ${name}.`,
  profileSource: 'Source: South American Conference on Migration, reference document (Lima, 2014)',
  profileSourceTranslated: 'Source: South American Conference on Migration, reference document (Lima, 2014), in English',
  unofficialTranslation: "The project's unofficial translation: the official text of the plan and of the agencies' profiles is in English.",
  matrix: 'Migration issues where the 2014 matrix marks it',
  matrixNone: 'The 2014 matrix of migration issues has no column for it.',
  matrixMarks: { x: 'x', xx: 'xx' },
  notMember: 'Not a member of the Regional Network.',
  agencyChoices: (q) => `Several agencies match "${q}":`,
  agencyList: 'Agencies of the Regional Network and others the plan names',
  priority: 'Priority',
  prioritiesHeading: 'Priorities of the plan',
  activitiesCount: (n) => `${n} ${n === 1 ? 'activity' : 'activities'}`,
  searchResults: (q, n) => `${n} ${n === 1 ? 'result' : 'results'} for "${q}"`,
  noResults: (q) => `Nothing in the plan, the agencies or the GCM objectives matches "${q}".`,
  kinds: { activity: 'Activity', priority: 'Priority', agency: 'Agency', objective: 'Objective' },
  upcoming: 'Coming up',
  nothingUpcoming: 'Nothing dated is due from today to the end of the plan.',
  understood: (u) => {
    switch (u.what) {
      case 'who':
        return `Understood: who leads and supports activity ${u.activity}.`;
      case 'whoMany':
        return `Understood: who leads and supports the ${u.n} activities about "${u.topic}".`;
      case 'when':
        return `Understood: when activity ${u.activity} happens and is due.${u.next ? ` Next: ${dayEn(u.next)}.` : ''}`;
      case 'status':
        return `Understood: where activity ${u.activity} stands.`;
      case 'agency':
        return `Understood: what ${u.agency} leads and supports.`;
      case 'objective':
        return `Understood: the activities serving objective ${u.number}.`;
      case 'due':
        return 'Understood: what is due in a period.';
      case 'theme':
        return `Understood: what the plan does about "${u.topic}" (a search).`;
      case 'search':
        return `I searched the plan for "${u.topic}". For the commands, try \`help\`.`;
      case 'typo':
        return `Showing ${u.taken}: you wrote *${u.given}*.`;
      case 'absent':
        return `${en.plain.notInPlan(en.plain.subjects[u.subject])} ${en.plain.whatItSays}`;
      case 'shared':
        return en.plain.shared(list(u.agencies), u.n);
      case 'yesno':
        return u.yes ? en.plain.yes : en.plain.no;
      case 'agencyIn':
        return en.plain.agencyIn(u.agency);
      case 'objectiveTheme':
        return u.served ? `Understood: GCM objective ${u.number}, whose title holds what you asked about.` : en.plain.noActivityServes(u.number);
      case 'priorityTheme':
        return u.objectives.length
          ? `Understood: priority ${u.priority}, which serves ${list(u.objectives.map((n) => `Objective ${n}`))} of the GCM.`
          : `Understood: priority ${u.priority}, a basic priority: it serves the Compact as a whole.`;
    }
  },
  dueIn: (period) => `Due in ${period}`,
  nothingDue: 'Nothing in the plan is due then.',
  didYouMean: (given) => `"${given}" is close to several things. Did you mean:`,
  picked: (command) => `You picked \`/gcm ${command}\`.`,
  planEnded: (end, a = anyMember) =>
    a.kind === 'member'
      ? `The plan's period ended on ${end}: no more reminders are due. The next plan is loaded by the co-chairs${whoAsk(a)}: ask them about it.`
      : `The plan's period ended on ${end}: no more reminders are due. To follow the next plan, ${a.kind === 'coChair' ? 'have whoever runs the bot load' : 'load'} its file with \`npm run plan:import -- FILE\` (or set GCM_PLAN and restart the bot).`,
  planNotStarted: (start) => `The plan's period starts on ${start}.`,
  principles: 'The 10 guiding principles of the GCM',
  progress: 'Progress of the plan',
  progressLine: (done, total) => `${done} of ${total} ${total === 1 ? 'activity' : 'activities'} done`,
  occurrencesLine: (done, total) => `${done} of ${total} ${total === 1 ? 'occurrence' : 'occurrences'}`,
  planLine: (title, start, end) => `${title}, ${start} to ${end}`,
  helpTitle: 'What you can ask',
  helpFooter: (twins) => `Every keyword has a Spanish twin (${twins}); it answers in Spanish.`,
  andMore: (n) => `…and ${n} more`,
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  list,
  error: (e, a = anyMember) => {
    switch (e.code) {
      case 'objective_range':
        return `"${e.given}" is not a GCM objective: the Global Compact has ${e.max} objectives, numbered 1 to ${e.max}. Try \`objective 23\`.`;
      case 'activity_missing':
        return `The plan has no activity ${e.given}.${e.known.length ? (e.known.length === 1 ? ` Its only activity is ${e.known[0]}.` : ` Its activities are ${e.known.join(', ')}.`) : ' `/gcm priority` lists them.'}`;
      case 'activity_bad':
        return `"${e.given}" is not an activity reference. Write it as \`B1.3\` (basic priority 1, activity 3), \`T2.4\`, \`basic 1.3\`, \`thematic 2.4\` or \`1.3\`.`;
      case 'activity_needed':
        return 'Which activity? e.g. `activity B1.3`.';
      case 'agency_missing':
        return `No agency matches "${e.given}". Try an acronym such as IOM, ECLAC, UNHCR, OIM, CEPAL or ACNUR, or \`agency\` alone for the list.`;
      case 'agency_needed':
        return 'Which agency? e.g. `agency IOM`.';
      case 'priority_missing':
        return `The plan has no priority "${e.given}". ${e.known.length === 1 ? `Its only priority is ${e.known[0]}` : `Its priorities are ${e.known.join(', ')}`}.`;
      case 'search_needed':
        return 'Search for what? e.g. `search missing migrants`.';
      case 'too_long':
        return `This command is ${e.length.toLocaleString('en-US')} characters long; I read commands of up to ${e.max.toLocaleString('en-US')} characters, so I did nothing with it. Send it in shorter parts (a few people at a time for \`focal\`).`;
      case 'unknown_command':
        return `I don't know "${e.given}". Try \`help\` for what you can ask.`;
      case 'no_plan':
        if (a.kind === 'member') return `No work plan is loaded yet. Ask the co-chairs${whoAsk(a)} to load one.`;
        return a.kind === 'coChair'
          ? 'No work plan is loaded yet. Have whoever runs the bot load one with `npm run plan:import -- FILE` (or set GCM_PLAN and restart the bot).'
          : 'No work plan is loaded yet. Load one with `npm run plan:import -- FILE`.';
      case 'slack_only':
        if (e.command === 'report')
          return 'In the terminal the report is `npm run report -- --from 2024-01-01 --to 2024-03-31 --format md` (or csv, json); in Slack, `/gcm report`.';
        if (e.command === 'brief')
          return 'In the terminal the periodic update is `npm run brief -- --from 2024-04-01 --to 2024-06-30 --format md --lang en --out update.md`; in Slack, `/gcm brief` (co-chairs).';
        if (e.command === 'calendar')
          return "In the terminal the plan's calendar is `npm run --silent calendar -- --agency IOM --lang en > plan.ics`; in Slack, `/gcm calendar`.";
        return `\`${e.command}\` works in Slack, where it knows who is asking: use \`/gcm ${e.command} …\` there.`;
      case 'occurrence_missing':
        return `${e.activityId} has no occurrence ${e.label} in the plan's period. Its occurrences: ${e.known.join(', ')}.`;
      case 'date_outside_occurrence': {
        const month = (ym: string) => `${en.months[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;
        const when =
          e.from === e.to ? `in ${month(e.from)}, the month of ${e.occurrence}` : `between ${month(e.from)} and ${month(e.to)}, the months of ${e.occurrence}`;
        return `${e.given} is not ${when}, so nothing was changed. Scheduling sets a meeting's real date within its month; moving it to another month is postponing it, not scheduling it.`;
      }
      case 'bad_date':
        return `"${e.given}" is not a date. Write it as YYYY-MM-DD, e.g. 2024-05-14.`;
      case 'date_rule':
        return `${e.given}: ${en.statuses.problem[e.problem]} Nothing was changed.`;
      case 'agency_ambiguous':
        return `"${e.given}" matches several agencies: ${e.options.join(', ')}. Name one.`;
      case 'focal_mention':
        return `"${e.given}" is not a Slack mention I can read. Pick the person from Slack's @ autocomplete, e.g. \`/gcm focal IOM @ana\`.`;
      case 'focal_who':
        return 'Whom? e.g. `/gcm focal IOM remove @luis`.';
      case 'focal_unknown': {
        const who = e.given.map((u) => `<@${u}>`).join(', ');
        return e.given.length === 1
          ? `${who} is not an active member of this Slack workspace, so nothing was changed. Pick the person from Slack's @ autocomplete.`
          : `${who} are not active members of this Slack workspace, so nothing was changed. Pick each person from Slack's @ autocomplete.`;
      }
      case 'focal_not_allowed':
        return e.mine
          ? `You can add or remove yourself as focal point of your own agency (${e.mine}, picked in the App Home). Co-chairs can name anyone for ${e.agency}.`
          : `Pick your agency in the App Home first: then you can add or remove yourself as its focal point. Co-chairs can name anyone for ${e.agency}.`;
      case 'report_dates':
        return `"${e.given}" is not a date. Write the period as two dates, YYYY-MM-DD, e.g. \`${e.keyword ?? 'report'} 2024-01-01 2024-03-31\`.`;
      case 'report_order':
        return 'The period starts after it ends: give FROM first, then TO.';
      case 'report_outside':
        return `No loaded plan covers ${e.from} to ${e.to}.`;
      case 'plan_unknown':
        return `No loaded plan has the id "${e.given}". Loaded plans: ${e.known.join(', ') || 'none'} (\`plan\` lists them).`;
      case 'not_meeting':
        return `${e.activityId} is not a meeting: only meeting dates can be set.`;
    }
  },
  marked: {
    done: (what, who, when) => `✓ ${what} marked done by ${who} on ${when}.`,
    already: (what, who, when) => `${what} was already marked done by ${who} on ${when}. Nothing changed.`,
    reopened: (what, who) => `${what} reopened by ${who}.`,
    notDone: (what) => `${what} is not marked done. Nothing changed.`,
    allDone: (id) => `Every occurrence of ${id} is already done.`,
    hint: (action, id, example) => `To name another occurrence: \`/gcm ${action} ${id} ${example}\`.`,
  },
  reminder: {
    title: (days) => (days === null ? 'Reminder' : days < 0 ? `Reminder: was due ${daysAwayEn(days)}` : `Reminder: due ${daysAwayEn(days)}`),
    late: (day) => `Late reminder: it was due to go out on ${day}, while the bot was not running.`,
    tentative: 'tentative date',
    meetingRule: 'A meeting is due on the first day of its month until a co-chair sets the real date (Set date, or /gcm schedule).',
    digestTitle: (days) => (days === 1 ? 'Due in the next day' : `Due in the next ${days} days`),
    digestEmpty: (days) => (days === 1 ? 'Nothing dated is due in the next day.' : `Nothing dated is due in the next ${days} days.`),
    dateSet: (what, date, who) => `${what}: date set to ${date} by ${who}.`,
    statusTitle: 'Reminders',
    channel: (c) => (c ? `Reminders go to <#${c}>.` : 'No reminder channel is set (GCM_REMINDER_CHANNEL): the bot answers but posts no reminders.'),
    when: (days, time, zone) =>
      `${days.map((d) => `${d} ${d === 1 ? 'day' : 'days'}`).join(' and ')} before the due date, at ${time} (${zone}); a weekend day moves to the Friday before.`,
    digest: (d) => (d === 'off' ? 'Weekly digest: off.' : `Weekly digest: ${d}.`),
    scheduler: (h) =>
      h === 'me'
        ? 'This copy of the bot posts the reminders.'
        : h === 'other'
          ? 'Another copy of the bot holds the scheduler lease on this database: this one posts no reminders.'
          : 'No scheduler is running.',
    next: 'Next reminders',
    noneNext: 'No more reminders are due in this plan.',
    unsent: 'Not sent yet (pending ones are retried; failed ones only with Retry failed)',
    noneUnsent: 'Every reminder due so far was sent.',
    attempts: (n, error) => `${n} ${n === 1 ? 'attempt' : 'attempts'}${error ? `, last error: ${error}` : ''}`,
    fix: (failure, error) =>
      failure === 'not_in_channel'
        ? `*What to do:* the bot is not in the reminder channel (${error}), so these were not posted and are not retried. Invite the bot to the channel: /invite @gcm.`
        : failure === 'channel'
          ? `*What to do:* Slack cannot find the reminder channel or it is archived (${error}), so these were not posted and are not retried. Check GCM_REMINDER_CHANNEL (a channel ID such as C0123456789) and restart the bot.`
          : `*What to do:* Slack refuses the bot's token (${error}), so these were not posted and are not retried. Reinstall the app in the workspace (or set the new SLACK_BOT_TOKEN) and restart the bot.`,
    ended: 'The plan has ended: reminders have stopped.',
    retryButton: 'Retry failed',
    retryHint: 'Once the cause is fixed, press *Retry failed* (or `/gcm reminders retry`) to send them again at the next pass.',
    retryRefused: 'Only the co-chairs can send failed reminders again. Nothing was changed.',
    retryUsage: (given) => `\`/gcm reminders\` takes nothing, or \`retry\` (co-chairs: send the failed ones again), not "${given}".`,
    retryNothing: 'No reminder has failed: there is nothing to send again.',
    retryQueued: (n) =>
      n === 0
        ? 'No failed message was queued again.'
        : `${n} failed ${n === 1 ? 'message was' : 'messages were'} queued again: ${n === 1 ? 'it goes' : 'they go'} out at the next pass, within a minute.`,
    retryLeft: (n, why, keys) =>
      `${n} left failed, ${
        why === 'closed'
          ? 'no longer worth posting: the occurrence is done, cancelled or moved to another date, or is no longer in the plan'
          : why === 'too_late'
            ? 'too late to post: a reminder after its due date, a follow-up or report more than a week late, a digest after its day'
            : 'of a kind this version of the bot does not post'
      }: ${keys}`,
  },
  calendar: {
    name: (plan, only) => (only ? `GCM ${plan} · ${only}` : `GCM ${plan}`),
    schedule: 'Schedule in the plan',
    status: 'Status',
    postponedTo: (date) => `new date ${date}`,
    dateSet: (date) => `date set by the co-chairs: ${date}`,
    lastNote: (date) => `Last note (${date})`,
    links: 'Links',
    activity: 'Activity',
    plan: 'Plan',
    summary: (events, name) => `*${name}*: ${events} dated ${events === 1 ? 'occurrence' : 'occurrences'}, one all-day event each.`,
    file: 'The calendar is attached as an .ics file: import it into your calendar to add the events (a copy of today: it does not follow later changes).',
    fileFailed: 'The calendar file could not be attached here; `npm run calendar` gives it in the terminal.',
    subscribe: (url) =>
      `To follow every change, add this address to your calendar as a calendar from a URL (a subscription, not an import): ${url}\nKeep it to the people of the network: whoever has it can read the plan's calendar.`,
    noPublicUrl:
      'The bot serves a subscription address, but it does not know its public address: set `GCM_PUBLIC_URL` (such as `https://gcm.example.org`) and ask again.',
    notServed: 'No subscription address here: the bot runs in Socket Mode without `CALENDAR_PORT`, so it serves no calendar over HTTP.',
    badLanguage: (given) => `The language must be en or es, not "${given}".`,
    askCoChair: 'For a subscription that follows every change, ask a co-chair for the calendar address.',
  },
  report: {
    title: (from, to) => `Progress report, ${from} to ${to}`,
    byPriority: 'By priority, as of the end of the period',
    priorityLine: (ad, at, od, ot) => `${ad} of ${at} ${at === 1 ? 'activity' : 'activities'} done · ${od} of ${ot} ${ot === 1 ? 'occurrence' : 'occurrences'}`,
    total: 'All priorities',
    done: (n) => `Done in the period (${n})`,
    noneDone: 'Nothing was marked done in the period.',
    overdue: (n) => `Overdue at the end of the period, by lead agency (${n})`,
    noneOverdue: 'Nothing due in the period was left undone.',
    overdueBefore: (n) => `Also still open from before the period: ${n}`,
    next: (from, to, n) => `Due next quarter, ${from} to ${to} (${n})`,
    noneNext: 'Nothing dated is due next quarter.',
    objectives: 'GCM objectives',
    postponed: (n) => `Postponed (${n})`,
    nonePostponed: 'No occurrence of the period was postponed.',
    cancelled: (n) => `Cancelled (${n})`,
    noneCancelled: 'No occurrence of the period was cancelled.',
    statuses: 'Occurrences by status at the end of the period',
    columns: {
      priority: 'Priority',
      activities: 'Activities done',
      occurrences: 'Occurrences done',
      occurrence: 'Occurrence',
      due: 'Due',
      by: 'Marked by',
      when: 'On',
      lead: 'Led by',
      agency: 'Lead agency',
      note: 'Note',
      evidence: 'Evidence',
      newDate: 'New date',
      plannedDue: 'Was due',
      changedBy: 'Changed by',
    },
    file: 'The full report is attached as a Markdown file.',
    fileFailed: 'The full report could not be attached here; `npm run report` gives it in the terminal.',
    focalTitle: 'Focal points',
    focalNone: 'No focal points are named yet. A co-chair names them with `/gcm focal IOM @ana`; anyone can add themselves for their own agency.',
    focalOf: (agency) => `No focal point is named for ${agency} yet.`,
    focalAdded: (agency, users) => `${users} now ${users.includes(',') ? 'answer' : 'answers'} for ${agency}.`,
    focalRemoved: (agency, users) => `${users} no longer ${users.includes(',') ? 'answer' : 'answers'} for ${agency}.`,
    focalUnchanged: 'Nothing changed.',
    focalLine: (agency, users) => `*${agency}*: ${users}`,
    coChairs: (users) => `Co-chairs: ${users}`,
    followupTitle: (due) => `Follow-up: this was due on ${due} and is not marked done.`,
  },
  homeTitle: 'GCM Work Plan',
  homeDue30: 'Due in the next 30 days',
  homeNothingDue30: 'Nothing dated is due in the next 30 days.',
  myAgency: 'My agency',
  pickAgency: 'Pick your agency',
  myAgencyNone: 'Pick your agency to see what it leads and supports.',
  coChairOnly: 'Only the co-chairs can set a meeting’s date. Nothing was changed.',
  statuses: {
    label: { planned: 'planned', in_progress: 'in progress', done: 'done', postponed: 'postponed', cancelled: 'cancelled' },
    problem: {
      unknown_status: 'Pick one of: `planned`, `in_progress`, `done`, `postponed`, `cancelled`.',
      date_required: 'A postponed occurrence needs its new date.',
      date_invalid: 'Give the new date as YYYY-MM-DD, e.g. 2024-06-10.',
      date_before_today: 'The new date cannot be before today.',
      date_outside_plans: "The new date is outside every loaded plan's period: cancel the occurrence instead, or carry it into the next plan.",
      note_too_long: 'The note is too long: 1,000 characters at most.',
      link_not_http: 'Each link must be a web address starting with http:// or https://.',
      too_many_links: 'At most 10 links: keep the ones that matter most.',
      link_too_long: 'A link is too long: 2,000 characters at most each.',
      unknown_occurrence: 'This occurrence is not in the plan (any more).',
    },
    field: { status: 'status', date: 'new date', note: 'note', link: 'link' },
    refused: "Only the co-chairs and the focal points of the activity's lead agencies can change its status. Nothing was changed.",
    update: 'Update',
    postponedTo: (date) => `to ${date}`,
    links: 'Links',
    change: (status, who, date) => `${status}, by ${who} on ${date}`,
    otherOccurrences: 'Other occurrences',
  },
  markDone: 'Mark done',
  reopen: 'Reopen',
  share: 'Share in channel',
  setDate: 'Set date',
  planChanges: {
    posted: (id, title) => `The plan ${id} (${title}) was re-imported.`,
    firstImport: (id, start, end) => `New plan ${id}: ${start} to ${end}.`,
    none: (id) => `No change to the activities or occurrences of ${id}.`,
    period: (bs, be, as, ae) => `period: ${bs} to ${be} → ${as} to ${ae}`,
    added: (ids) => `activities added: ${ids}`,
    removed: (ids) => `activities removed: ${ids}`,
    field: { text: 'text', agencies: 'agencies', schedule: 'schedule', kind: 'kind' },
    appear: (keys) => `occurrences that appear: ${keys}`,
    disappear: (keys) => `occurrences that disappear: ${keys}`,
    kept: (n, kind) => `kept: ${n} ${stateWordsEn[kind](n)}`,
    orphaned: (kind, key) => `left without an activity (kept, not shown): the ${stateWordsEn[kind](1)} of ${key}`,
    focalUnused: (ids) => `focal points kept for agencies no activity names any more: ${ids}`,
    more: (n) => `…and ${n} more`,
  },
  plans: {
    title: 'Loaded plans',
    current: 'current',
    period: (start, end) => `${start} to ${end}`,
    imported: (at, file) => `imported ${at} from \`${file}\``,
    hint: 'Add `plan:ID` to any command to ask about another plan, e.g. `objective 23 plan:lac-2023-2024`.',
    between: (ended, end, next, start) => `${ended} ended on ${end}; the next plan, ${next}, starts on ${start}.`,
  },
  statusModal: {
    title: 'Update status',
    submit: 'Save',
    close: 'Cancel',
    status: 'Status',
    date: 'New date',
    dateHint: 'Only for postponed: the new due date, inside the plan’s period. Its reminders move to it.',
    note: 'Note',
    noteHint: (max) => `What happened, or why (up to ${max} characters).`,
    links: 'Links',
    linksHint: 'Minutes, a report…: http or https addresses, one per line.',
    current: (what, status, due) => `*${what}* is *${status}*${due ? `, due ${due}` : ''}.`,
    notAllowed: (what, leads) => `Only the co-chairs and the focal points of ${what}’s lead agencies (${leads}) can update its status. Nothing was changed.`,
    changed: (what, status, date) => `${what} is now *${status}*${date ? `, new date ${date}` : ''}.`,
    unchanged: (what, status) => `${what} was already *${status}* with that note and those links: nothing changed.`,
    gone: (what) => `${what} is no longer in the plan: nothing was changed.`,
  },
  modalNotOpened: 'Slack could not open the form just now. Nothing was changed: please try again.',
  askedFile: {
    inChannel: (what, user, command) => `${what}, asked for by ${user} with \`${command}\`.`,
    privately: (what, command, share) => `${what}: the file you asked for with \`${command}\`, here for you only. To share it in the channel: \`${share}\`.`,
    sentPrivately: (share) => `The file went to your direct messages with the bot, for you only. To share it in the channel: \`${share}\`.`,
    shareWord: 'share',
  },
  notSaved: {
    deleted:
      'Nothing was saved: the bot’s database file was deleted while the bot was running. The bot is stopping so that it can be started again on a restored database; please try again in a few minutes.',
    replaced:
      'Nothing was saved: the bot’s database file was replaced while the bot was running. The bot is restarting to use the new file; please try again in a few minutes.',
    readonly: 'Nothing was saved: the bot’s database is read-only. Please tell whoever runs the bot, and try again once it is fixed.',
    full: 'Nothing was saved: the disk that holds the bot’s database is full. Please tell whoever runs the bot, and try again once there is space.',
    busy: 'Nothing was saved: the bot’s database was busy (another program held it too long). Please try again in a moment.',
    io: 'Nothing was saved: the disk that holds the bot’s database could not be written. Please tell whoever runs the bot.',
  },
  plain: {
    helpUsage: 'a question',
    helpText: 'plain questions work too, e.g. “who leads the missing migrants workshop?”, “what is due in Q3 2024?”, “which activities do IOM and ILO share?”',
    promptsTitle: 'Ask the Work Plan in your own words',
    prompts: [
      { title: 'What is due next month?', message: 'what is due next month?' },
      { title: 'Who leads the missing migrants workshop?', message: 'who leads the missing migrants workshop?' },
      { title: 'What does UNICEF lead?', message: 'what does UNICEF lead?' },
      { title: 'Which activities serve objective 23?', message: 'which activities serve objective 23?' },
    ],
    thinking: 'is looking in the Work Plan…',
    notInPlan: (subject) => `The plan does not say ${subject}.`,
    subjects: {
      budget: 'what anything costs or who pays for it',
      venue: 'where its activities take place',
      contact: 'anyone’s e-mail or contact details',
      country: 'what the Network does in one country',
    },
    whatItSays: 'What it says about it:',
    nothingOnIt: 'It names nothing about that.',
    shared: (agencies, n) =>
      n === 0 ? `${agencies} share no activity of the plan.` : `${n === 1 ? 'One activity names' : `${n} activities name`} ${agencies}:`,
    yes: 'Yes.',
    no: 'No.',
    noActivityServes: (n) => `No activity of the plan serves objective ${n}.`,
    agencyIn: (agency) => `Understood: what ${agency} leads or supports by name, due in a period.`,
    useCommand: (text) => `That opens a form: type \`/gcm ${text}\` in a channel.`,
  },
  daysAway: (days) => daysAwayEn(days),
  weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  dueOn: (date) => (date ? `Due ${date}` : 'no date in the plan'),
  reportCovers: (periods) =>
    `The loaded plans cover ${periods}. Ask for a period inside one with \`--from YYYY-MM-DD --to YYYY-MM-DD\`, or set GCM_NOW to a day within one: without dates the report is of the last full quarter before GCM_NOW (else today).`,
  planPeriod: (id, start, end) => `${id} (${start} to ${end})`,
  coverage: {
    title: 'GCM objectives served by the plan',
    summary: (served, total) => `The plan's thematic priorities serve ${served} of the ${total} GCM objectives.`,
    objectiveLine: (activities, done, total) =>
      `${activities} ${activities === 1 ? 'activity' : 'activities'} · ${done} of ${total} ${total === 1 ? 'occurrence' : 'occurrences'} done`,
    notServed: (n) => `No activity of the plan serves ${n === 1 ? 'this objective' : `these ${n} objectives`}:`,
    allServed: 'Every GCM objective is served by at least one thematic priority.',
    basic: (ids) => `The basic priorities (${ids}) serve the Compact as a whole, not one objective.`,
    chartTitle: 'Occurrences done, by objective served',
    chartDone: 'Done',
    chartTotal: 'All',
    chartAxis: 'GCM objective',
    chartInWords: (words) => `The chart shows, for each objective served, its occurrences done and all of them: ${words}.`,
    chartCut: (shown, total) => `The chart shows the first ${shown} of the ${total} objectives served.`,
  },
  homeChart: {
    title: 'Occurrences by status, by priority',
    axis: 'Priority',
    inWords: (words) => `The chart shows each priority's occurrences by status: ${words}.`,
  },
  brief: {
    title: (from, to) => `Periodic update, ${from} to ${to}`,
    coChairsHeading: 'From the co-chairs',
    coChairsNote: 'Written by the co-chairs.',
    highlights: 'Highlights',
    overviewHeading: 'The period and overall progress',
    covers: (from, to, plan, start, end) => `This update covers ${from} to ${to} of the plan ${plan}, which runs from ${start} to ${end}.`,
    progress: (ad, at, od, ot) =>
      `At the end of the period, ${ad} of the plan’s ${at} ${at === 1 ? 'activity' : 'activities'} ${ad === 1 ? 'was' : 'were'} done, and ${od} of its ${ot} ${ot === 1 ? 'occurrence' : 'occurrences'}.`,
    byStatus: (counts) => `Occurrences by status at the end of the period: ${counts}.`,
    markedDone: (n) => (n === 0 ? 'no occurrence was marked done' : n === 1 ? '1 occurrence was marked done' : `${n} occurrences were marked done`),
    postponedCount: (n) => (n === 0 ? 'none was postponed' : n === 1 ? '1 was postponed' : `${n} were postponed`),
    cancelledCount: (n) => (n === 0 ? 'none was cancelled' : n === 1 ? '1 was cancelled' : `${n} were cancelled`),
    during: (phrases) => `During the period, ${phrases}.`,
    openAtEnd: (n) =>
      n === 0
        ? 'Everything due in the period was done or cancelled by its end.'
        : n === 1
          ? '1 occurrence due in the period was neither done nor cancelled at its end.'
          : `${n} occurrences due in the period were neither done nor cancelled at its end.`,
    openBefore: (n) =>
      n === 1
        ? 'In addition, 1 occurrence due before the period was still open at its end.'
        : `In addition, ${n} occurrences due before the period were still open at its end.`,
    priorityProgress: (ad, at, od, ot) => `Activities done: ${ad} of ${at}. Occurrences done: ${od} of ${ot}.`,
    inProgress: (n) => `In progress at the end of the period (${n})`,
    evidence: 'Evidence:',
    reason: 'Reason:',
    noReason: 'No reason was recorded.',
    note: 'Note:',
    quotes: ['“', '”'],
    newDate: (date, was) => (was ? `New date: ${date} (it was due ${was}).` : `New date: ${date}.`),
    cancelledLine: 'Status: cancelled.',
    nothingInPriority:
      'No occurrence of this priority was done, postponed or cancelled in the period or was in progress at its end, and none due in the period is overdue.',
    objectivesHeading: 'GCM objectives the period’s work served',
    objectivesIntro: 'The thematic priorities with an occurrence done in the period, or in progress at its end, serve these objectives of the Global Compact:',
    objectiveLine: (n, title, priorities) => `Objective ${n}: ${title} (${priorities})`,
    noObjectives: 'No occurrence of a thematic priority was done in the period or was in progress at its end.',
    coverageTable: {
      caption: 'The plan’s coverage of the GCM objectives, at the end of the period',
      objective: 'GCM objective',
      priorities: 'Priorities',
      activities: 'Activities',
      occurrences: 'Occurrences done',
      none: 'not served',
    },
    chartStatusTitle: 'Occurrences by status, by priority',
    chartStatusAxis: 'Priority',
    chartStatusInWords: (words) => `The chart shows each priority’s occurrences by status at the end of the period: ${words}.`,
    chartMonthsTitle: 'Occurrences due and done, by month',
    chartMonthsAxis: 'Month due',
    chartDue: 'due',
    chartDone: 'done',
    chartMonthsInWords: (words) =>
      `The chart shows, month by month over the plan, the occurrences due and how many of them were done at the end of the period: ${words}.`,
    quarter: (q, year) => `Q${q} ${year}`,
    summary: (plan) => `The co-chairs’ update for ${plan}, as the bot wrote it from the data. Only you can see this.`,
    file: 'The full update went to your direct messages with the bot, as a Markdown file.',
    fileComment: (what, command) => `${what}: the file you asked for with \`${command}\`, for you only.`,
    otherPlans: (plans) => `The period also covers ${plans}: the file has its update too.`,
    fileFailed: 'The full update could not be attached here; `npm run brief` gives it in the terminal.',
    cut: 'The rest of the update is in the file.',
    coChairsOnly: 'Only the co-chairs can prepare the periodic update. Nothing was changed.',
  },
  briefDraft: {
    edit: 'Edit',
    publish: 'Publish',
    draftNote: (channel) =>
      channel
        ? `Draft, for the co-chairs only. *Edit* adds your opening paragraph and highlights; *Publish* posts it to ${channel}, once, with its files.`
        : 'Draft, for the co-chairs only. *Edit* adds your opening paragraph and highlights. It cannot be published: GCM_REMINDER_CHANNEL is not set.',
    quarterDraft: 'Last quarter’s update is ready for your review. Nothing has gone to the channel: it goes when one of the co-chairs publishes it.',
    edited: (user, date) => `Opening by the co-chairs, last saved by ${user} on ${date}.`,
    published: (user, date) => `Published by ${user} on ${date}.`,
    alreadyPublished: (user, date) => `This update was already published by ${user} on ${date}. It is posted once: nothing more was posted.`,
    publishing: (channel) => `Published: it goes to ${channel} in a moment, with its files in the thread.`,
    noChannel: 'There is no channel to publish to: GCM_REMINDER_CHANNEL is not set. Nothing was posted.',
    gone: 'The plan of this update is no longer loaded. Nothing was changed.',
    editAfterPublish: (user, date) => `This update was published by ${user} on ${date}: the post in the channel stays as it was. Nothing was changed.`,
    modal: {
      title: 'Edit the update',
      submit: 'Save',
      close: 'Cancel',
      about: (from, to) =>
        `Your words go at the top of the update from ${from} to ${to}, shown as the co-chairs’. Write in English, in Spanish or in both: each language’s update shows its own. Leave a field blank to leave it out.`,
      paragraph: (language) => `Opening paragraph (${language})`,
      paragraphHint: (max) => `Up to ${max} characters.`,
      highlights: (language) => `Highlights (${language})`,
      highlightsHint: (count, max) => `One per line: up to ${count}, of up to ${max} characters each.`,
      languages: { en: 'English', es: 'Spanish' },
    },
    problem: {
      paragraph_too_long: (max) => `Too long: at most ${max} characters.`,
      too_many_highlights: (max) => `Too many: at most ${max} highlights, one per line.`,
      highlight_too_long: (line, max) => `Highlight ${line} is too long: at most ${max} characters each.`,
    },
    saved: (any) => (any ? 'Saved: the draft shows your words at the top.' : 'Saved: the draft has no opening of the co-chairs now.'),
  },
  briefFiles: {
    charts: 'Charts',
    tables: 'Tables',
    chartImage: (title) => `Chart: ${title}`,
    prioritiesTable: 'Progress by priority, as of the end of the period',
    priorityTable: (id, title) => `${id} ${title}: the period’s occurrences`,
    nothingListed: 'No occurrence of this priority is listed for the period.',
    objectivesTable: 'GCM objectives: the priorities and activities serving each',
    notServed: 'not served',
    notServedLine: (list) => `No activity of the plan serves these objectives: ${list}.`,
    overdueTable: 'Overdue at the end of the period, by lead agency',
    overdueBefore: 'open from before the period',
    overdueStatus: 'overdue',
    sheet: { summary: 'Summary', priorities: 'By priority', objectives: 'By objective', overdue: 'Overdue', done: 'Done', next: 'Next quarter' },
    columns: {
      field: 'Item',
      value: 'Value',
      plan: 'Plan',
      from: 'From',
      to: 'To',
      title: 'Title',
      activities: 'Activities',
      activitiesDone: 'Activities done',
      occurrences: 'Occurrences',
      occurrencesDone: 'Occurrences done',
      status: 'Status',
      activity: 'Activity',
      objective: 'GCM objective',
      servedBy: 'Priorities serving it',
      activitiesServing: 'Activities serving it',
    },
    alsoFiles: 'With it, the same update as a Word document (.docx) and as a workbook (.xlsx).',
  },
};

/** `today`, `tomorrow`, `in 3 days`, `yesterday`, `3 days ago`: `days` from today (domain/day-gap.ts dayGap). */
function daysAwayEn(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 1 ? `in ${days} days` : `${-days} days ago`;
}

/** Recorded state, as `plan:import` names it. */
const stateWordsEn: Record<StateKind, (n: number) => string> = {
  completion: (n) => (n === 1 ? 'completion mark' : 'completion marks'),
  meeting_date: (n) => (n === 1 ? 'meeting date' : 'meeting dates'),
  status: (n) => (n === 1 ? 'status' : 'statuses'),
  reminder: (n) => (n === 1 ? 'recorded reminder' : 'recorded reminders'),
};
