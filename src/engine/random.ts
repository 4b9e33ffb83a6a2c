// A small seeded random number generator. Workshops must be reproducible: the same seed and the
// same choices give the same run on every device, in the browser, the CLI and the session hub.

/** Turns a seed the user typed or a session code into a 32-bit generator state (FNV-1a). */
export function seedState(seed: number | string): number {
  if (typeof seed === 'number' && Number.isInteger(seed)) return seed >>> 0;
  // A number typed as text ("42" on a command line) is the same seed as the number.
  if (typeof seed === 'string' && /^\d{1,9}$/.test(seed)) return Number(seed) >>> 0;
  const text = String(seed);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** One draw: a number in [0, 1) and the generator state after it (a mulberry32-style mixer). */
export function draw(state: number): { value: number; state: number } {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  const value = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  return { value, state: next };
}

/**
 * The order a run shows a decision's options in: a permutation of `items` drawn from the run's
 * seed and the decision's id, so it differs between runs and decisions (the best option is not
 * always first) and is the same wherever the run is replayed.
 */
export function shuffled<T>(items: readonly T[], seed: number, key: string): T[] {
  let state = (seedState(key) ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0;
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const d = draw(state);
    state = d.state;
    const j = Math.floor(d.value * (i + 1));
    const kept = out[i]!;
    out[i] = out[j]!;
    out[j] = kept;
  }
  return out;
}
