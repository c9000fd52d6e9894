import type { Logger } from '@slack/bolt';

const describe = (e: unknown): string => (e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e));

/**
 * The process's last resort for errors nothing else caught; never silent (docs/architecture.md, "When
 * something fails"):
 * - a promise rejected with nobody to catch it is logged as an error and the bot goes on: the work that
 *   promise stood for is lost, everything else (other requests, the scheduler, the database) is intact;
 * - an exception thrown with nobody to catch it is logged as an error and the process exits with code 1:
 *   Node cannot say what state it left behind, so the bot stops and its supervisor (systemd, Docker's
 *   restart policy) starts it again; the outbox posts what is pending.
 */
export function installLastResort(logger: Logger, exit: (code: number) => void = (code) => process.exit(code)): void {
  process.on('unhandledRejection', (reason) => {
    logger.error(`a promise failed with nobody to catch it; the bot goes on: ${describe(reason)}`);
  });
  process.on('uncaughtException', (error) => {
    logger.error(`an error nobody caught; the bot stops (exit code 1): ${describe(error)}`);
    exit(1);
  });
}
