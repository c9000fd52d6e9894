import type { Answer } from '../domain/answers.js';
import type { AgencyDirectory } from '../domain/types.js';
import { answerTranslationNote } from './answers/parts.js';
import { shownAnswer } from './answers/drawing.js';
import { drawingOf } from './answers/index.js';

/** The lines an answer kind draws for the terminal (src/views/answers/), an answer it wraps drawn the same way. */
function textLines(answer: Answer, dir: AgencyDirectory): string[] {
  return drawingOf(answer).text(answer, dir, (inner) => textLines(inner, dir));
}

/** Renders an answer as plain text for the terminal (`npm run ask`), with the translation note under it. Pure. */
export function renderText(answer: Answer, dir: AgencyDirectory): string {
  const out = textLines(answer, dir);
  const note = answerTranslationNote(shownAnswer(answer));
  if (note) out.push('', `(${note})`);
  return out.join('\n');
}
