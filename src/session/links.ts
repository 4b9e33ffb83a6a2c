// The workshop's link (the QR code's address), without the protocol's schemas: the home screen
// checks it before the session code has loaded.

/** The query parameter of a join link: `/?join=ABCD-EFGH`. */
export const JOIN_QUERY = 'join';

/** Whether the page was opened from a join link. */
export function hasJoinLink(search: string): boolean {
  return new URLSearchParams(search).has(JOIN_QUERY);
}
