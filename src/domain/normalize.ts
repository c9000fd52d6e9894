/**
 * Folds text for matching: lower case, accents removed, anything but letters and digits turned into single
 * spaces. `Próximo` → `proximo`, `UN-Habitat` → `un habitat`.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** True when `phrase` occurs in `text` as whole words (both folded first): `mpi` is not in `ompi`. */
export function containsWords(text: string, phrase: string): boolean {
  const t = ` ${fold(text)} `;
  const p = fold(phrase);
  return p !== '' && t.includes(` ${p} `);
}
