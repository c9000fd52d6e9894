import { parseArgs } from 'node:util';
import { openCliContext, runIfMain } from './cli-context.js';
import { calendarFile } from '../commands/calendar.js';

const usage = 'usage: npm run --silent calendar -- [--agency IOM] [--priority B1] [--lang en|es] [--plan ID] > plan.ics';

/**
 * `npm run calendar`: the plan's calendar (.ics) on stdout, the same file as `/gcm calendar` and the
 * subscription. Exit 0 with the file, 2 for bad arguments (an unknown option, agency, priority, language or
 * plan), each with a plain message on stderr.
 */
export function runCalendar(argv: string[], env: NodeJS.ProcessEnv, out: (s: string) => void, errOut: (s: string) => void): number {
  let args: { agency?: string; priority?: string; lang?: string; plan?: string };
  try {
    args = parseArgs({
      args: argv,
      options: { agency: { type: 'string' }, priority: { type: 'string' }, lang: { type: 'string' }, plan: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    errOut(`${e instanceof Error ? e.message : String(e)}\n${usage}`);
    return 2;
  }
  const cli = openCliContext(env, errOut);
  if (!cli) return 2;
  const { config, now, stores } = cli;
  try {
    const ctx = { plans: stores.plans, state: stores.state, now, ...(args.plan === undefined ? {} : { plan: args.plan }) };
    const made = calendarFile(ctx, stores.directory(), args, config.language);
    if (!made.ok) {
      errOut(`${made.error.replace(/`/g, '')}\n${usage}`);
      return 2;
    }
    out(made.ics);
    return 0;
  } finally {
    stores.close();
  }
}

await runIfMain(import.meta.url, 'calendar', () =>
  runCalendar(
    process.argv.slice(2),
    process.env,
    (s) => process.stdout.write(s),
    (s) => console.error(s),
  ),
);
