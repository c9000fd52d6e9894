import { parseArgs } from 'node:util';
import { openCliContext } from './cli-context.js';
import { buildReport, parseReportPeriod, planForPeriod } from '../domain/report.js';
import { messages } from '../i18n/messages.js';
import { reportCsv, reportFormats, reportJson, reportMarkdown, type ReportFormat } from '../views/report-view.js';

const usage = 'usage: npm run report -- [--from YYYY-MM-DD --to YYYY-MM-DD] [--format md|csv|json]   (default: the last full quarter, md)';

/**
 * `npm run report`: the co-chairs' progress report for a period, from the same pure function as
 * `/gcm report`, on stdout. Exit 0 with the report, 2 for bad input (dates, FROM after TO, no plan).
 */
export function runReport(argv: string[], env: NodeJS.ProcessEnv, out: (s: string) => void, errOut: (s: string) => void): number {
  let args: { from?: string; to?: string; format?: string };
  try {
    args = parseArgs({
      args: argv,
      options: { from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string', default: 'md' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    errOut(`${e instanceof Error ? e.message : String(e)}\n${usage}`);
    return 2;
  }
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
    const ctx = { plans: stores.plans, state: stores.state, now };
    const plan = planForPeriod(ctx, period.from, period.to);
    if (!plan) {
      errOut(m.error({ code: 'report_outside', from: period.from, to: period.to }));
      return 2;
    }
    const report = buildReport(ctx, plan, period.from, period.to, config.language);
    out(format === 'json' ? reportJson(report) : format === 'csv' ? reportCsv(report) : reportMarkdown(report, config.language, stores.directory()));
    return 0;
  } finally {
    stores.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.exitCode = runReport(
      process.argv.slice(2),
      process.env,
      (s) => process.stdout.write(s),
      (s) => console.error(s),
    );
  } catch (e) {
    console.error(`report failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
