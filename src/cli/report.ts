import { parseArgs } from 'node:util';
import { openCliContext, runIfMain } from './cli-context.js';
import { buildReports, parseReportPeriod } from '../domain/report.js';
import { formatDate, messages } from '../i18n/messages.js';
import type { Language, PlanInfo } from '../domain/types.js';
import { reportFormats, reportsCsv, reportsJson, reportsMarkdown, type ReportFormat } from '../views/report-view.js';
import { splitPlanOption } from '../domain/command.js';

const usage =
  'usage: npm run report -- [--from YYYY-MM-DD --to YYYY-MM-DD] [--format md|csv|json] [plan:ID]   (default: the last full quarter, md, every plan it overlaps)';

/**
 * `npm run report`: the co-chairs' progress report for a period, from the same pure function as
 * `/gcm report`, on stdout. Exit 0 with the report, 2 for bad input (dates, FROM after TO, no plan).
 */
export function runReport(argv: string[], env: NodeJS.ProcessEnv, out: (s: string) => void, errOut: (s: string) => void): number {
  let args: { from?: string; to?: string; format?: string; plan?: string };
  // `plan:ID` (as in /gcm) picks one plan; without it, every plan the period overlaps.
  const picked = splitPlanOption(argv.join(' ')).plan;
  try {
    args = parseArgs({
      args: argv.filter((a) => !/^plan:/i.test(a)),
      options: { from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string', default: 'md' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    errOut(`${e instanceof Error ? e.message : String(e)}\n${usage}`);
    return 2;
  }
  if (picked !== undefined) args.plan = picked;
  const format = args.format as ReportFormat;
  if (!reportFormats.includes(format)) {
    errOut(`--format must be md, csv or json, not "${args.format}".\n${usage}`);
    return 2;
  }
  if (Boolean(args.from) !== Boolean(args.to)) {
    errOut(`Give both --from and --to, or neither (the last full quarter).\n${usage}`);
    return 2;
  }
  const cli = openCliContext(env, errOut);
  if (!cli) return 2;
  const { config, now, stores } = cli;
  const m = messages(config.language);
  try {
    const period = parseReportPeriod(args.from, args.to, now);
    if (!period.ok) {
      errOut(`${m.error(period.error).replace(/`report [^`]*`/, '`--from 2024-01-01 --to 2024-03-31`')}\n${usage}`);
      return 2;
    }
    const ctx = { plans: stores.plans, state: stores.state, now, ...(args.plan === undefined ? {} : { plan: args.plan }) };
    const built = buildReports(ctx, period.from, period.to, config.language);
    if (!built.ok) {
      errOut(m.error(built.error));
      // Outside every plan: which periods the loaded plans cover, and how to ask for one of them.
      if (built.error.code === 'report_outside') errOut(m.reportCovers(loadedPeriods(stores.plans.plans(), config.language)));
      return 2;
    }
    const rs = built.reports;
    out(format === 'json' ? reportsJson(rs) : format === 'csv' ? reportsCsv(rs) : reportsMarkdown(rs, config.language, stores.directory()));
    return 0;
  } finally {
    stores.close();
  }
}

/** `lac-2023-2024 (1 June 2023 to 31 December 2024)`, … for each loaded plan, in words. */
function loadedPeriods(plans: readonly PlanInfo[], lang: Language): string {
  const m = messages(lang);
  return m.list(plans.map((p) => m.planPeriod(p.id, formatDate(p.periodStart, lang), formatDate(p.periodEnd, lang))));
}

await runIfMain(import.meta.url, 'report', () =>
  runReport(
    process.argv.slice(2),
    process.env,
    (s) => process.stdout.write(s),
    (s) => console.error(s),
  ),
);
