import { askQuestion } from '../commands/ask.js';
import { renderText } from '../views/text-view.js';
import { openCliContext, runIfMain } from './cli-context.js';

/**
 * `npm run ask -- <words>`: the `/gcm` grammar in the terminal. Creates and loads the database on first use
 * (and re-imports the plan when its file changed). Exit 0 for an answer, 2 for anything it cannot answer.
 */
export function runAsk(argv: string[], env: NodeJS.ProcessEnv, out: (s: string) => void, errOut: (s: string) => void): number {
  const cli = openCliContext(env, errOut);
  if (!cli) return 2;
  const { config, now, stores } = cli;
  try {
    const result = askQuestion({ plans: stores.plans, state: stores.state, now }, argv.join(' '), config.language);
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

await runIfMain(import.meta.url, 'ask', () =>
  runAsk(
    process.argv.slice(2),
    process.env,
    (s) => console.log(s),
    (s) => console.error(s),
  ),
);
