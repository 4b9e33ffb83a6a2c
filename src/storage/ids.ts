// Ids made on the device: profiles and results must not collide when backups from several
// devices are merged. `crypto.randomUUID` exists only in secure contexts, and a workshop served
// from a facilitator's laptop over plain http on the LAN is not one; `getRandomValues` always is.

export function newId(): string {
  const c = globalThis.crypto;
  if ('randomUUID' in c && typeof c.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40; // version 4
  b[8] = (b[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
