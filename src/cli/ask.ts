import { DateTime } from 'luxon';
import { ConfigError, loadConfig } from '../config.js';
import { parseInstant } from '../clock.js';
import { openStores } from '../stores.js';
import { parseCommand } from '../domain/command.js';
import { answer } from '../domain/questions.js';
import { renderText } from '../views/text-view.js';
import { formatProblem, importPlanFile } from '../plan/import-plan.js';

/**
 * `npm run ask -- <words>`: the `/gcm` grammar in the terminal. Creates and loads the database on first use
 * (and re-imports the plan when its file changed). Exit 0 for an answer, 2 for anything it cannot answer.
 */
export function runAsk(argv: string[], env: NodeJS.ProcessEnv, out: (s: string) => void, errOut: (s: string) => void): number {
  let config;
  try {
    config = loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      errOut(e.message);
      return 2;
    }
    throw e;
  }
  const now = config.now ? parseInstant(config.now, config.timezone)! : DateTime.now().setZone(config.timezone);
  const stores = openStores(config.databasePath);
  try {
    const imported = importPlanFile(stores.plans, config.planFile, config.dataDir, DateTime.utc().toISO()!, true);
    if (!imported.ok) {
      errOut(`The plan could not be loaded:\n${imported.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
      return 2;
    }
    const result = answer({ plans: stores.plans, state: stores.state, now }, parseCommand(argv.join(' '), config.language));
    const text = renderText(result, stores.directory());
    if (result.kind === 'error') {
      errOut(text);
      return 2;
    }
    out(text);
    return 0;
  } finally {
    stores.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.exitCode = runAsk(process.argv.slice(2), process.env, (s) => console.log(s), (s) => console.error(s));
  } catch (e) {
    console.error(`ask failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
