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
};
