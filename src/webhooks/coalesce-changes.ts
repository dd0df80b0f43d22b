/** A change from the outbox, as the publisher reads it. */
export interface WebhookChange {
  id: number;
  type: string;
  subjectId: string;
  snapshot: Record<string, unknown> | null;
  /** The request that made the change, when one did. */
  httpRequest: { client_ip: string; user_agent: string } | null;
  createdAtMs: number;
}

/**
 * The changes of one batch that become events, in change order. Events are rendered from the subject's state when
 * published, so changes that would render the same JSON become one event:
 * - the same type for the same subject: the first one stands for all;
 * - `X.created` and `X.updated` of one subject: the creation (its JSON already shows the update);
 * - `X.deleted`: the other changes of that subject go (nothing is left to render them from).
 */
export function coalesceChanges(changes: readonly WebhookChange[]): WebhookChange[] {
  const key = (change: WebhookChange, type = change.type) => `${type}\u0000${change.subjectId}`;
  const present = new Set(changes.map((change) => key(change)));
  const seen = new Set<string>();
  const kept: WebhookChange[] = [];
  for (const change of changes) {
    const own = key(change);
    if (seen.has(own)) continue;
    seen.add(own);
    const [kind, action] = change.type.split('.');
    if (action !== 'deleted' && present.has(key(change, `${kind}.deleted`))) continue;
    if (action === 'updated' && present.has(key(change, `${kind}.created`))) continue;
    kept.push(change);
  }
  return kept;
}
