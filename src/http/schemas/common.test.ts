import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { compileBodyValidator } from '../validation.js';
import { IdParams, Nullable } from './common.js';

describe('wire schema building blocks', () => {
  it('Nullable keeps the keywords and lists null as a type, so type errors name the first type', () => {
    const schema = Nullable(Type.String({ maxLength: 5 }));
    expect(JSON.parse(JSON.stringify(schema))).toEqual({ type: ['string', 'null'], maxLength: 5 });
    const validate = compileBodyValidator(Type.Object({ name: schema }));
    expect(validate({ name: null })).toBe(true);
    expect(validate({ name: 5 })).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ keyword: 'type', params: { type: ['string', 'null'] } });
  });

  it('IdParams names each path parameter as a string', () => {
    expect(JSON.parse(JSON.stringify(IdParams('user_id', 'id')))).toMatchObject({
      type: 'object',
      required: ['user_id', 'id'],
      properties: { user_id: { type: 'string' }, id: { type: 'string' } },
    });
  });
});
