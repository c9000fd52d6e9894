import { runIfMain } from './cli-context.js';
import path from 'node:path';
import { defaultDataDir, defaultPlanFile } from '../config.js';
import { formatProblem } from '../plan/import-plan.js';
import { loadBundle } from '../plan/load.js';
import { templates } from '../plan/tables/templates.js';
import { planToTables, writeWorkbook } from '../plan/tables/write-tables.js';

/**
 * `npm run templates`: writes data/templates/plan-template-en.xlsx and plan-template-es.xlsx (an example
 * plan, one row for each form of schedule) and plan-2023-2024.xlsx (the bundled plan, exported).
 */
export async function runTemplates(out: (s: string) => void, dataDir = defaultDataDir): Promise<number> {
  const dir = path.join(dataDir, 'templates');
  await writeWorkbook(templates.en, path.join(dir, 'plan-template-en.xlsx'));
  await writeWorkbook(templates.es, path.join(dir, 'plan-template-es.xlsx'));
  const bundle = loadBundle(defaultPlanFile, dataDir);
  if (!bundle.ok) {
    for (const p of bundle.problems) out(formatProblem(p));
    return 1;
  }
  await writeWorkbook(planToTables(bundle.value.plan, 'en'), path.join(dir, 'plan-2023-2024.xlsx'));
  out(`Wrote plan-template-en.xlsx, plan-template-es.xlsx and plan-2023-2024.xlsx in ${path.relative(process.cwd(), dir)}.`);
  return 0;
}

await runIfMain(import.meta.url, 'templates', () => runTemplates((s) => console.log(s)));
