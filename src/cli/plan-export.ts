import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { stringify } from 'yaml';
import { configOf, runIfMain } from './cli-context.js';
import { currentPlan } from '../domain/questions.js';
import { planFromReader } from '../plan/tables/from-reader.js';
import { planLanguage, planToTables, writeCsvFolder, writeWorkbook, type TableLanguage } from '../plan/tables/write-tables.js';
import { openStores } from '../stores.js';

const usage = 'usage: npm run plan:export -- [--plan ID] --format xlsx|csv|yaml [--language en|es] --out PATH';

/**
 * `npm run plan:export -- [--plan ID] --format xlsx|csv|yaml --out PATH`: writes a loaded plan (default: the
 * current one) as the workbook, the CSV folder or the YAML that plan:import reads, in the plan's wording.
 * Exit 0 on success, 1 on a bad argument or an unknown plan.
 */
export async function runPlanExport(args: string[], env: NodeJS.ProcessEnv, out: (s: string) => void): Promise<number> {
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const format = option('--format');
  const outPath = option('--out');
  const language = option('--language');
  if (!format || !['xlsx', 'csv', 'yaml'].includes(format) || !outPath || (language && !['en', 'es'].includes(language))) {
    out(usage);
    return 1;
  }
  const config = configOf(env, out);
  if (!config) return 1;
  const stores = openStores(config.databasePath, { backupDir: config.backupDir });
  try {
    const planId = option('--plan') ?? currentPlan(stores.plans, DateTime.now().setZone(config.timezone).toISODate()!)?.id;
    const plan = planId ? planFromReader(stores.plans, planId) : null;
    if (!plan) {
      const known = stores.plans.plans().map((p) => p.id);
      out(`No plan ${planId ?? ''} is loaded${known.length ? `; loaded: ${known.join(', ')}` : ' (run npm run plan:import first)'}.`);
      return 1;
    }
    const target = path.resolve(outPath);
    const lang = (language as TableLanguage | undefined) ?? planLanguage(plan);
    if (format === 'yaml') writeFileSync(target, stringify(plan, { aliasDuplicateObjects: false, lineWidth: 0 }));
    else if (format === 'xlsx') await writeWorkbook(planToTables(plan, lang), target);
    else await writeCsvFolder(planToTables(plan, lang), target, lang);
    out(`Wrote plan ${plan.id} (${plan.priorities.flatMap((p) => p.activities).length} activities) as ${format} to ${outPath}.`);
    return 0;
  } finally {
    stores.close();
  }
}

await runIfMain(import.meta.url, 'plan:export', () => runPlanExport(process.argv.slice(2), process.env, (s) => console.log(s)));
