import { describe, expect, it } from 'vitest';
import { coalesceChanges, type WebhookChange } from './coalesce-changes.js';

let next = 1;
const change = (type: string, subjectId: string): WebhookChange => ({ id: next++, type, subjectId, snapshot: null, httpRequest: null, createdAtMs: 0 });
const kinds = (changes: WebhookChange[]) => changes.map((item) => `${item.type} ${item.subjectId}`);

describe('coalesceChanges', () => {
  it('keeps one event per type and subject, the first', () => {
    const changes = [change('user.updated', 'a'), change('user.updated', 'b'), change('user.updated', 'a')];
    expect(coalesceChanges(changes)).toEqual([changes[0], changes[1]]);
  });

  it('lets a creation stand for the updates of the same subject', () => {
    expect(kinds(coalesceChanges([change('user.created', 'a'), change('user.updated', 'a'), change('user.updated', 'b')]))).toEqual(['user.created a', 'user.updated b']);
  });

  it('lets a deletion stand for everything else of its subject', () => {
    const changes = [change('user.created', 'a'), change('user.updated', 'a'), change('session.created', 's'), change('user.deleted', 'a')];
    expect(kinds(coalesceChanges(changes))).toEqual(['session.created s', 'user.deleted a']);
  });

  it('keeps different events of one subject apart (a session created, then ended)', () => {
    expect(kinds(coalesceChanges([change('session.created', 's'), change('session.ended', 's')]))).toEqual(['session.created s', 'session.ended s']);
  });
});
