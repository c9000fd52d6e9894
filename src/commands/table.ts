import { parseCommand, splitPlanOption, type Command, type Vocabulary } from '../domain/command.js';
import { keywordUsedAsWord } from '../domain/intents.js';
import { fold } from '../domain/normalize.js';
import type { Language } from '../domain/types.js';
import { activity } from './activity.js';
import { brief } from './brief.js';
import { agency } from './agency.js';
import { bare } from './bare.js';
import { calendar } from './calendar.js';
import { coverage } from './coverage.js';
import { focal } from './focal.js';
import { help } from './help.js';
import { pickAgencyMenu } from './home.js';
import { done, markDoneButton, reopen, reopenButton } from './mark.js';
import { objective } from './objective.js';
import { pickChoiceButton } from './pick.js';
import { plan } from './plan.js';
import { principles } from './principles.js';
import { priority } from './priority.js';
import { progress } from './progress.js';
import { reminders, retryFailedButton } from './reminders.js';
import { report } from './report.js';
import { schedule, setDatePicker } from './schedule.js';
import { search } from './search.js';
import { shareButton } from './share.js';
import { tooLong } from './too-long.js';
import { upcoming } from './upcoming.js';
import { statusModalSubmit, update, updateButton } from './update.js';
import type { Interaction, ModalSubmit, SlashCommand } from './use-case.js';

/**
 * The `/gcm` sub-commands, in the order `help` lists them. Adding one: write its file (a SlashCommand),
 * add it here. Its keywords, its help in both languages, its guard and how it answers come with it.
 */
export const commands: readonly SlashCommand[] = [
  objective,
  activity,
  agency,
  priority,
  search,
  upcoming,
  progress,
  coverage,
  principles,
  done,
  reopen,
  schedule,
  update,
  reminders,
  focal,
  report,
  brief,
  calendar,
  plan,
  help,
];

/** What text whose first word is no keyword runs (`/gcm B1.3`). */
export const fallback: SlashCommand = bare;

/** The buttons, menus and date pickers the bot draws, by Slack action id. */
export const interactions: readonly Interaction[] = [
  markDoneButton,
  reopenButton,
  shareButton,
  setDatePicker,
  pickAgencyMenu,
  pickChoiceButton,
  updateButton,
  retryFailedButton,
];

/** The modals the bot opens, by Slack callback id: what a submission does. */
export const modals: readonly ModalSubmit[] = [statusModalSubmit];

/** The table's keywords; throws when two commands claim one word (a mistake in the table, caught at start). */
export function vocabularyOf(table: readonly SlashCommand[]): Vocabulary {
  const words = new Map<string, { name: string; lang: Language | null }>();
  for (const c of table) {
    for (const lang of ['en', 'es'] as const) {
      for (const w of new Set(c.keywords[lang].map(fold))) {
        const taken = words.get(w);
        if (taken && taken.name !== c.name) throw new Error(`the keyword "${w}" of ${c.name} is already ${taken.name}'s`);
        // A word of both languages of one command (`plan`) answers in the default language.
        words.set(w, { name: c.name, lang: taken ? null : lang });
      }
    }
  }
  return words;
}

/** Every keyword of the table, folded, with its command and language. */
export const vocabulary: Vocabulary = vocabularyOf(commands);

/** Use cases `route` picks that no keyword names: text too long to read. */
export const unlisted: readonly SlashCommand[] = [tooLong];

const byName = new Map([...commands, ...unlisted].map((c) => [c.name, c]));

/** Parses command text against the table: the use case to run and the parsed command. */
export function route(text: string, defaultLang: Language): { command: SlashCommand; parsed: Command } {
  const parsed = parseCommand(text, defaultLang, vocabulary);
  const command = byName.get(parsed.name) ?? fallback;
  // `schedule of the GCM Talks?`, `ayuda a las redes nacionales…`: a keyword used as an ordinary word (issue 24).
  if (command !== fallback && command.name !== 'search' && keywordUsedAsWord(parsed.arg))
    return { command: fallback, parsed: { ...parsed, name: fallback.name, arg: splitPlanOption(text).rest } };
  return { command, parsed };
}
