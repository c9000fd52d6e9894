/**
 * How long one turn of the event loop may spend on requests before the rest wait for the next turn: 10 ms.
 * At 10 connections a turn serves at most 10 requests, 3 to 8 ms of them (about 0.3 ms an answer and up to
 * 0.8 ms a click in the bench), so that load seldom waits; a burst of 50 new connections is then all accepted
 * within about 50 turns, about half a second at 2 ms a request, instead of seconds.
 */
export const turnBudgetMs = 10;

/**
 * Hands requests to `handle` in arrival order, at most `budgetMs` of them a turn of the event loop (at least
 * one while any wait), so that a burst of new connections is accepted while the open ones are served.
 *
 * Why: Node 20's libuv (1.46) accepts one new connection per turn of the event loop (libuv pull request 3696,
 * "unix: don't accept() connections in a loop"), and a turn serves the waiting request of every connection
 * already open. Under a burst of N new connections that each keep a request waiting, the k-th is accepted only
 * after about k²/4 requests on the others: at 50 connections and 2 ms a request, the last waits seconds in the
 * kernel's accept queue before its first request is even read (issue 26, the acknowledgements under load).
 * With a turn held to `budgetMs`, the k-th is accepted within about k turns.
 *
 * A request that comes when none waits and the turn has time left is handled at once, as before. Past the
 * budget it waits, in arrival order, for a later turn, whose first requests (in its check phase, then as new
 * ones come) are those waiting longest. Nothing is dropped. `nowMs` is a monotonic clock (performance.now).
 */
export function takeTurns<A extends unknown[]>(handle: (...args: A) => void, budgetMs: number, nowMs: () => number): (...args: A) => void {
  const waiting: A[] = [];
  /** When this turn's first request was handed over; -1 when none was. Reset in the turn's check phase. */
  let turnStart = -1;
  const endTurn = () => {
    turnStart = -1;
    const next = waiting.shift();
    // At least one a turn while any wait; it opens the next turn's count.
    if (next) handOver(next);
  };
  const handOver = (args: A) => {
    if (turnStart < 0) {
      turnStart = nowMs();
      // Scheduled before the handler runs, so that a handler that throws leaves the rest their turns.
      setImmediate(endTurn);
    }
    handle(...args);
  };
  return (...args: A) => {
    waiting.push(args);
    if (turnStart < 0 || nowMs() - turnStart < budgetMs) handOver(waiting.shift()!);
  };
}
