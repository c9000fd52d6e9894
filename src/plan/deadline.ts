import type { Problem } from './load.js';
import { planLimits } from './limits.js';

/**
 * `work` (reading and importing the plan file `file`), or a refusal naming the file when it has not finished
 * within `ms`: the bot's start-up says what it could not read instead of waiting on it. The readers yield
 * between the chunks of a file, so the deadline is kept; the work left behind writes nothing (an import
 * writes only once the file is read).
 */
export async function withinDeadline<T>(
  work: Promise<T>,
  file: string,
  ms: number = planLimits.startupImportMs,
): Promise<T | { ok: false; problems: Problem[] }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<{ ok: false; problems: Problem[] }>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          ok: false,
          problems: [{ file, path: '(file)', message: `not read within ${ms / 1000} s, the start-up deadline: check the file with npm run plan:check` }],
        }),
      ms,
    );
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
