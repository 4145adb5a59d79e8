import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url: 43 characters that fit in a URL path as they are. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this is stored: a database leak yields no working links. */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export function looksLikeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
