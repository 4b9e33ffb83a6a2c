// Colour helpers for drawing in code: parse, mix, and the "tone" a drawing is painted in
// (a locked place is painted in faded greys). Pure functions on "#rrggbb" strings.

export type Tone = (hex: string) => string;

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex(r: number, g: number, b: number): string {
  const c = (v: number) =>
    Math.round(Math.min(255, Math.max(0, v)))
      .toString(16)
      .padStart(2, '0');
  return `#${c(r)}${c(g)}${c(b)}`;
}

/** Mixes two colours: t = 0 gives a, t = 1 gives b. */
export function mix(a: string, b: string, t: number): string {
  const [ar, ag, ab] = channels(a);
  const [br, bg, bb] = channels(b);
  return toHex(ar + (br - ar) * t, ag + (bg - ag) * t, ab + (bb - ab) * t);
}

export const lighten = (hex: string, t: number): string => mix(hex, '#ffffff', t);
export const darken = (hex: string, t: number): string => mix(hex, '#000000', t);

/** Moves a colour towards its own grey by `amount` (0–1). */
export function desaturate(hex: string, amount: number): string {
  const [r, g, b] = channels(hex);
  const grey = 0.3 * r + 0.59 * g + 0.11 * b;
  return toHex(r + (grey - r) * amount, g + (grey - g) * amount, b + (grey - b) * amount);
}

/** "#rrggbb" as the number Phaser wants for tints and fills. */
export const num = (hex: string): number => Number.parseInt(hex.slice(1), 16);

/** With an alpha, for canvas gradients and shadows. */
export function rgba(hex: string, alpha: number): string {
  const [r, g, b] = channels(hex);
  return `rgba(${r},${g},${b},${alpha})`;
}

export const NATURAL: Tone = (hex) => hex;
export const LOCKED: Tone = (hex) => lighten(desaturate(hex, 0.88), 0.18);
