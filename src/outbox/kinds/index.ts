import type { OutboxKind } from '../kind.js';
import { briefDraft } from './brief-draft.js';
import { briefPublish } from './brief-publish.js';
import { digest } from './digest.js';
import { followup } from './followup.js';
import { planChange } from './plan-change.js';
import { reminder } from './reminder.js';
import { report } from './report.js';

/** Every kind of message the bot posts on its own. A new kind: its file in this folder and one line here. */
export const outboxKinds: readonly OutboxKind[] = [reminder, followup, digest, report, planChange, briefDraft, briefPublish];
