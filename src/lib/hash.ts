/** Content hashing shared by the site model (digests, the site fingerprint) and page cache keys. */
import { createHash } from 'node:crypto';

/** A short hex SHA-256 of a string. */
export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
