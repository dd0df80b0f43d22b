import { createHmac } from 'node:crypto';

/**
 * The instance's `ins_…` id in webhook payloads: stable for an instance key (every node of an instance says the
 * same), and revealing nothing of the key.
 */
export function instanceIdOf(instanceKey: Buffer): string {
  return `ins_${createHmac('sha256', instanceKey).update('roster webhook instance id').digest('base64url').replace(/[-_]/g, '').slice(0, 27)}`;
}
