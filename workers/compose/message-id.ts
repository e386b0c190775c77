import { createHash } from 'node:crypto';

/** Textbook's own namespace for name-based UUIDs (RFC 9562 §5.5), fixed forever. */
const NAMESPACE = Buffer.from('6f1c1a52b0e94c7e9d7e3b4a2c8f1d05', 'hex');

/**
 * The message row's id, derived from what the message is about ("reminder/<appointment>/<offset>/
 * <start>"). Composing the same message again, after a crash or a duplicate job, yields the same
 * id, so the row and its send job exist once.
 */
export function messageIdFor(key: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(key, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8] & 0x3f) | 0x80; // RFC variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
