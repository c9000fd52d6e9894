import { mayChangeStatus } from '../domain/status.js';
import { messages } from '../i18n/messages.js';
import { errorMessage } from '../views/message-view.js';
import type { Message } from '../views/message-view.js';
import type { GuardName, UseCaseContext } from './use-case.js';

interface Guard {
  allows(uc: UseCaseContext): Promise<boolean>;
  /** What the person is told when refused; nothing was changed. */
  refusal(uc: UseCaseContext): Message;
}

/** The named guards. The router checks the one a use case names on every request, before `run`. */
export const guards: Record<GuardName, Guard> = {
  anyone: {
    allows: async () => true,
    refusal: () => ({ text: '', blocks: [] }),
  },
  coChairs: {
    allows: (uc) => uc.isCoChair(),
    refusal: (uc) => errorMessage(messages(uc.lang).coChairOnly),
  },
  /** The periodic update (`brief`, issue 23): the co-chairs' to prepare and publish; a member is told so. */
  coChairsBrief: {
    allows: (uc) => uc.isCoChair(),
    refusal: (uc) => errorMessage(messages(uc.lang).brief.coChairsOnly),
  },
};

/**
 * Whether the person may change the status of an occurrence of `activityId` (Mark done, Reopen, Update):
 * the co-chairs and the focal points of the activity's lead agencies. Not a named guard: who may depends on
 * the activity, so the use cases check it once they know it (docs/decisions/statuses.md).
 */
export async function mayChangeStatusOf(uc: UseCaseContext, planId: string, activityId: string): Promise<boolean> {
  return mayChangeStatus(uc.domain, planId, activityId, uc.userId, await uc.isCoChair());
}
