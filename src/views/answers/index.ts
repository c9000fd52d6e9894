import type { Answer } from '../../domain/answers.js';
import { activity } from './activity.js';
import { agencies } from './agencies.js';
import { agency } from './agency.js';
import { choices } from './choices.js';
import { coverage } from './coverage.js';
import type { AnswerDrawing, AnswerDrawings } from './drawing.js';
import { due } from './due.js';
import { error } from './error.js';
import { help } from './help.js';
import { objective } from './objective.js';
import { objectives } from './objectives.js';
import { plans } from './plans.js';
import { principles } from './principles.js';
import { priorities } from './priorities.js';
import { priority } from './priority.js';
import { progress } from './progress.js';
import { search } from './search.js';
import { understood } from './understood.js';
import { upcoming } from './upcoming.js';

/**
 * Every answer kind's drawing, one module each: a kind of `Answer` missing here, or a drawing missing a
 * surface, fails the type-check.
 */
const drawings = {
  help,
  objective,
  objectives,
  activity,
  agency,
  agencies,
  priority,
  priorities,
  search,
  upcoming,
  plans,
  principles,
  progress,
  coverage,
  due,
  understood,
  choices,
  error,
} satisfies AnswerDrawings;

/** The drawing of `answer`'s kind. */
export function drawingOf<A extends Answer>(answer: A): AnswerDrawing<A> {
  // TypeScript cannot follow the kind from the answer to the table's entry: `satisfies` above checks the pairing.
  return drawings[answer.kind] as unknown as AnswerDrawing<A>;
}
