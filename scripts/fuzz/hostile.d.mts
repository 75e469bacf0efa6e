/** Types for the part of scripts/fuzz/hostile.mjs that tests use. */

/** A PDF from object bodies (object i+1 is bodies[i]) with a correct xref table, unless `xref` says how to break it. */
export function handmadePdf(
  bodies: (string | Buffer)[],
  options?: { trailer?: string; xref?: 'ok' | 'garbage' | 'none' | 'wrong-start' | 'negative-start'; binary?: Buffer[] }
): Buffer
