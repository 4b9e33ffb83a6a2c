// Walking along a polyline: where something is after travelling a share t (0–1) of it.

export interface Point {
  x: number;
  y: number;
}

export function polylineLength(points: readonly number[]): number {
  let len = 0;
  for (let i = 0; i + 3 < points.length; i += 2)
    len += Math.hypot(points[i + 2]! - points[i]!, points[i + 3]! - points[i + 1]!);
  return len;
}

/** The point a share t of the way along the polyline, and the direction it is heading (radians). */
export function pointAlong(points: readonly number[], t: number): Point & { angle: number } {
  const total = polylineLength(points);
  let left = Math.max(0, Math.min(1, t)) * total;
  for (let i = 0; i + 3 < points.length; i += 2) {
    const [ax, ay, bx, by] = [points[i]!, points[i + 1]!, points[i + 2]!, points[i + 3]!];
    const seg = Math.hypot(bx - ax, by - ay);
    if (left <= seg || i + 4 >= points.length - 1) {
      const k = seg === 0 ? 0 : Math.min(1, left / seg);
      return { x: ax + (bx - ax) * k, y: ay + (by - ay) * k, angle: Math.atan2(by - ay, bx - ax) };
    }
    left -= seg;
  }
  return { x: points[0]!, y: points[1]!, angle: 0 };
}
