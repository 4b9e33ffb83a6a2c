// Small drawing helpers over the canvas 2D API. All art is drawn in code, into canvases that
// become Phaser textures: crisp, antialiased and our own.

export type Ctx = CanvasRenderingContext2D;

/** A closed polygon from a flat list of x, y pairs. */
export function poly(ctx: Ctx, points: readonly number[], fill?: string, stroke?: string, width = 1): void {
  ctx.beginPath();
  ctx.moveTo(points[0]!, points[1]!);
  for (let i = 2; i < points.length; i += 2) ctx.lineTo(points[i]!, points[i + 1]!);
  ctx.closePath();
  paint(ctx, fill, stroke, width);
}

export function rect(ctx: Ctx, x: number, y: number, w: number, h: number, fill: string): void {
  ctx.fillStyle = fill;
  ctx.fillRect(x, y, w, h);
}

export function roundRect(
  ctx: Ctx,
  x: number,
  y: number,
  w: number,
  h: number,
  r: number | number[],
  fill?: string,
  stroke?: string,
  width = 1,
): void {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
  paint(ctx, fill, stroke, width);
}

export function circle(ctx: Ctx, x: number, y: number, r: number, fill?: string, stroke?: string, width = 1): void {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  paint(ctx, fill, stroke, width);
}

export function ellipse(
  ctx: Ctx,
  x: number,
  y: number,
  rx: number,
  ry: number,
  fill?: string,
  stroke?: string,
  width = 1,
): void {
  ctx.beginPath();
  ctx.ellipse(x, y, rx, ry, 0, 0, Math.PI * 2);
  paint(ctx, fill, stroke, width);
}

/** An open polyline, stroked with round joins. */
export function line(ctx: Ctx, points: readonly number[], stroke: string, width: number): void {
  ctx.beginPath();
  ctx.moveTo(points[0]!, points[1]!);
  for (let i = 2; i < points.length; i += 2) ctx.lineTo(points[i]!, points[i + 1]!);
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.strokeStyle = stroke;
  ctx.lineWidth = width;
  ctx.stroke();
}

/** A smooth curve through points (Catmull-Rom as quadratic midpoints), stroked. */
export function curve(ctx: Ctx, points: readonly number[], stroke: string, width: number): void {
  smoothPath(ctx, points);
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.strokeStyle = stroke;
  ctx.lineWidth = width;
  ctx.stroke();
}

export function smoothPath(ctx: Ctx, points: readonly number[], closed = false): void {
  const n = points.length / 2;
  ctx.beginPath();
  if (closed) {
    const mx = (points[(n - 1) * 2]! + points[0]!) / 2;
    const my = (points[(n - 1) * 2 + 1]! + points[1]!) / 2;
    ctx.moveTo(mx, my);
    for (let i = 0; i < n; i++) {
      const x = points[i * 2]!;
      const y = points[i * 2 + 1]!;
      const nx = points[((i + 1) % n) * 2]!;
      const ny = points[((i + 1) % n) * 2 + 1]!;
      ctx.quadraticCurveTo(x, y, (x + nx) / 2, (y + ny) / 2);
    }
    ctx.closePath();
    return;
  }
  ctx.moveTo(points[0]!, points[1]!);
  for (let i = 1; i < n - 1; i++) {
    const x = points[i * 2]!;
    const y = points[i * 2 + 1]!;
    const nx = points[(i + 1) * 2]!;
    const ny = points[(i + 1) * 2 + 1]!;
    ctx.quadraticCurveTo(x, y, i === n - 2 ? nx : (x + nx) / 2, i === n - 2 ? ny : (y + ny) / 2);
  }
  if (n === 2) ctx.lineTo(points[2]!, points[3]!);
}

/** A closed smooth blob through points, filled. */
export function blob(ctx: Ctx, points: readonly number[], fill: string, stroke?: string, width = 1): void {
  smoothPath(ctx, points, true);
  paint(ctx, fill, stroke, width);
}

function paint(ctx: Ctx, fill: string | undefined, stroke: string | undefined, width: number): void {
  if (fill) {
    ctx.fillStyle = fill;
    ctx.fill();
  }
  if (stroke) {
    ctx.strokeStyle = stroke;
    ctx.lineWidth = width;
    ctx.lineJoin = 'round';
    ctx.stroke();
  }
}

/** Runs `draw` with the context translated (and optionally scaled), then restores it. */
export function at(ctx: Ctx, x: number, y: number, draw: () => void, scale = 1): void {
  ctx.save();
  ctx.translate(x, y);
  if (scale !== 1) ctx.scale(scale, scale);
  draw();
  ctx.restore();
}

/** A deterministic random number generator (mulberry32), so the city looks the same each visit. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
