import { describe, expect, it } from 'vitest';
import { findShortcodeProblems, renderClaims, type ShortcodeValues } from './shortcodes.js';

const values: ShortcodeValues = {
  user: {
    id: 'user_1',
    first_name: 'Ada',
    last_name: null,
    full_name: 'Ada',
    primary_email_address: 'ada@example.com',
    email_verified: true,
    created_at: 1_700_000_000,
    public_metadata: { plan: 'pro', seats: 3, nested: { deep: [1, 2] }, empty: '' },
    unsafe_metadata: {},
  },
  org: null,
  session: { actor: null },
};

describe('renderClaims', () => {
  it('gives a claim that is exactly one shortcode the value with its type', () => {
    expect(
      renderClaims(
        {
          id: '{{user.id}}',
          verified: '{{user.email_verified}}',
          created: '{{user.created_at}}',
          metadata: '{{user.public_metadata}}',
          seats: '{{user.public_metadata.seats}}',
          deep: '{{user.public_metadata.nested.deep}}',
        },
        values,
      ),
    ).toEqual({ id: 'user_1', verified: true, created: 1_700_000_000, metadata: values.user.public_metadata, seats: 3, deep: [1, 2] });
  });

  it('turns missing values into null: absent fields, absent paths, no organization', () => {
    expect(
      renderClaims({ last: '{{user.last_name}}', plan: '{{user.public_metadata.missing.path}}', org: '{{org.slug}}', act: '{{session.actor}}' }, values),
    ).toEqual({ last: null, plan: null, org: null, act: null });
  });

  it('interpolates mixed text: strings as they are, other values as JSON, missing values as the empty string', () => {
    expect(
      renderClaims({ name: '{{user.first_name}} {{user.last_name}}', info: 'seats={{user.public_metadata.seats}} ok={{user.email_verified}}', org: 'org:{{org.slug}}' }, values),
    ).toEqual({ name: 'Ada ', info: 'seats=3 ok=true', org: 'org:' });
  });

  it('renders nested objects and arrays, and keeps other JSON values', () => {
    expect(
      renderClaims({ hasura: { 'x-hasura-user-id': '{{user.id}}', roles: ['user', '{{user.public_metadata.plan}}'], n: 1, b: false, z: null } }, values),
    ).toEqual({ hasura: { 'x-hasura-user-id': 'user_1', roles: ['user', 'pro'], n: 1, b: false, z: null } });
  });

  it('takes the first present alternative of ||, with quoted text as a fallback', () => {
    expect(
      renderClaims({ a: '{{user.last_name || user.first_name}}', b: "{{org.slug || 'personal'}}", c: '{{user.public_metadata.empty || "none"}}' }, values),
    ).toEqual({ a: 'Ada', b: 'personal', c: 'none' });
  });

  it('never reads through prototypes', () => {
    expect(renderClaims({ a: '{{user.public_metadata.constructor}}', b: '{{user.public_metadata.__proto__}}' }, values)).toEqual({ a: null, b: null });
  });

  it('does not modify the template', () => {
    const claims = { a: ['{{user.id}}'] };
    renderClaims(claims, values);
    expect(claims).toEqual({ a: ['{{user.id}}'] });
  });
});

describe('findShortcodeProblems', () => {
  it('accepts every documented shortcode and metadata paths', () => {
    expect(
      findShortcodeProblems({
        a: '{{user.id}} {{user.full_name}} {{user.primary_email_address}} {{user.public_metadata.a.b}} {{user.unsafe_metadata.x}}',
        b: ['{{org.id}}', '{{org.role}}', '{{org.membership_permissions}}', '{{org.public_metadata.tier}}', '{{session.actor}}'],
      }),
    ).toEqual([]);
  });

  it('names unknown shortcodes and paths into fields that have none', () => {
    expect(findShortcodeProblems({ a: '{{user.emial}}' })).toEqual(['unknown shortcode {{user.emial}}']);
    expect(findShortcodeProblems({ a: { b: '{{user.id.x}}' } })).toEqual(['{{user.id}} has no fields']);
    expect(findShortcodeProblems({ a: '{{private_metadata}}' })).toEqual(['unknown shortcode {{private_metadata}}']);
    expect(findShortcodeProblems({ a: '{{user.private_metadata}}' })).toEqual(['unknown shortcode {{user.private_metadata}}']);
  });
});
