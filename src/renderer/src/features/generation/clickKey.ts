/**
 * A fresh idempotency key per click: main turns a repeated request with the same key (a
 * double-click, a retried request) into the same jobs instead of paying twice.
 */
export function newClickKey(): string {
  return crypto.randomUUID().replace(/-/g, '');
}
