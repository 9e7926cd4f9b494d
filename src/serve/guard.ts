// Who may call and from where: an optional bearer token (compared in constant time) and CORS only for
// origins the operator listed.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** A check of the Authorization header against the configured token; always true without one. */
export function tokenCheck(token: string | null): (req: IncomingMessage) => boolean {
  if (!token) return () => true;
  const want = digest(token);
  return (req) => {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    return m !== null && timingSafeEqual(digest(m[1]!), want);
  };
}

/** Adds CORS headers when the request's Origin is one the operator allowed ('*' allows any). */
export function applyCors(req: IncomingMessage, res: ServerResponse, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (!origin || allowed.length === 0) return false;
  if (!allowed.includes('*') && !allowed.includes(origin)) return false;
  res.setHeader('access-control-allow-origin', allowed.includes('*') ? '*' : origin);
  res.setHeader('vary', 'Origin');
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  res.setHeader('access-control-allow-headers', 'authorization, content-type');
  res.setHeader('access-control-max-age', '600');
  // Without this a page's script cannot read the gate's verdict or how long to wait after a 429/503.
  res.setHeader('access-control-expose-headers', 'Credlint-Gate, Retry-After');
  return true;
}
