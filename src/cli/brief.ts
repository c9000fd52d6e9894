import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { splitPlanOption } from '../domain/command.js';
import { buildBriefs } from '../domain/brief.js';
import type { Context } from '../domain/ports.js';
import { parseReportPeriod } from '../domain/report.js';
import type { Language } from '../domain/types.js';
import { formatDate, messages } from '../i18n/messages.js';
import { briefNarrative } from '../views/brief-narrative.js';
import { briefFormats, type BriefEdition } from './brief-formats.js';
import { openCliContext, runIfMain } from './cli-context.js';

const formatNames = () => Object.keys(briefFormats).join('|');
const usage = () =>
  `usage: npm run brief -- [--from YYYY-MM-DD --to YYYY-MM-DD] [--format ${formatNames()}] [--lang en|es|both] [--out FILE] [plan:ID]   (default: the last full quarter, md, GCM_LANGUAGE, stdout)`;

const langsOf: Record<string, Language[]> = { en: ['en'], es: ['es'], both: ['en', 'es'] };

interface BriefArgs {
  from?: string;
  to?: string;
  format: string;
  lang?: string;
  out?: string;
  plan?: string;
}

/** The arguments, or what is wrong with them (in words, with the usage). */
function readArgs(argv: string[]): BriefArgs | string {
  let args: BriefArgs;
  try {
    args = parseArgs({
      args: argv.filter((a) => !/^plan:/i.test(a)),
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string', default: 'md' },
        lang: { type: 'string' },
        out: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values as BriefArgs;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  // `plan:ID` (as in /gcm) picks one plan; without it, every plan the period overlaps.
  const picked = splitPlanOption(argv.join(' ')).plan;
  if (picked !== undefined) args.plan = picked;
  if (!briefFormats[args.format]) return `--format must be one of ${formatNames()}, not "${args.format}".`;
  if (args.lang !== undefined && !langsOf[args.lang]) return `--lang must be en, es or both, not "${args.lang}".`;
  if (Boolean(args.from) !== Boolean(args.to)) return 'Give both --from and --to, or neither (the last full quarter).';
  return args;
}

/** Every update asked for: each plan the period covers, in each language asked; or the error in words. */
function editionsOf(ctx: Context, args: BriefArgs, langs: Language[]): BriefEdition[] | string {
  const period = parseReportPeriod(args.from, args.to, ctx.now);
  const m = messages(langs[0]!);
  if (!period.ok) return m.error(period.error).replace(/`(report|informe) [^`]*`/, '`--from 2024-04-01 --to 2024-06-30`');
  const editions: BriefEdition[] = [];
  for (const lang of langs) {
    const built = buildBriefs(ctx, period.from, period.to, lang);
    if (!built.ok) {
      const covers = ctx.plans.plans().map((p) => m.planPeriod(p.id, formatDate(p.periodStart, lang), formatDate(p.periodEnd, lang)));
      return built.error.code === 'report_outside' ? `${m.error(built.error)}\n${m.reportCovers(m.list(covers))}` : m.error(built.error);
    }
    editions.push(...built.briefs.map((brief) => ({ lang, brief, narrative: briefNarrative(brief, lang) })));
  }
  return editions;
}

/**
 * `npm run brief`: the co-chairs' periodic update for a period, from the same pure functions as `/gcm brief`,
 * written to `--out` (or stdout for a text format). Exit 0 with the file, 2 for bad input (arguments, dates,
 * no plan), 1 when the file cannot be written.
 */
export async function runBrief(argv: string[], env: NodeJS.ProcessEnv, out: (s: string) => void, errOut: (s: string) => void): Promise<number> {
  const args = readArgs(argv);
  if (typeof args === 'string') {
    errOut(`${args}\n${usage()}`);
    return 2;
  }
  const cli = openCliContext(env, errOut);
  if (!cli) return 2;
  const { config, now, stores } = cli;
  try {
    const ctx: Context = { plans: stores.plans, state: stores.state, now, ...(args.plan === undefined ? {} : { plan: args.plan }) };
    const editions = editionsOf(ctx, args, langsOf[args.lang ?? config.language]!);
    if (typeof editions === 'string') {
      errOut(`${editions}\n${usage()}`);
      return 2;
    }
    const content = await briefFormats[args.format]!.render(editions);
    return writeOut(content, args, out, errOut);
  } finally {
    stores.close();
  }
}

/** The file to `--out`, or text to stdout; a binary format with no `--out` is refused (it would garble a terminal). */
function writeOut(content: string | Uint8Array, args: BriefArgs, out: (s: string) => void, errOut: (s: string) => void): number {
  if (args.out === undefined) {
    if (typeof content !== 'string') {
      errOut(`--format ${args.format} writes a binary file: give --out FILE.\n${usage()}`);
      return 2;
    }
    out(content);
    return 0;
  }
  try {
    writeFileSync(args.out, content);
  } catch (e) {
    errOut(`Cannot write ${args.out}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  errOut(`Wrote ${args.out} (${briefFormats[args.format]!.name}).`);
  return 0;
}

await runIfMain(import.meta.url, 'brief', () =>
  runBrief(
    process.argv.slice(2),
    process.env,
    (s) => process.stdout.write(s),
    (s) => console.error(s),
  ),
);
