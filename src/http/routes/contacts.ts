// POST /v1/email_addresses, GET/PATCH/DELETE /v1/email_addresses/{id}, PUT /v1/users/{user_id}/email_address
// POST /v1/phone_numbers, GET/PATCH/DELETE /v1/phone_numbers/{id}, PUT /v1/users/{user_id}/phone_number
// Email addresses and phone numbers as resources: same rules, one registration per type.
import type { FastifyInstance } from 'fastify';
import type { ContactType, ReplacementStatus } from '../../users/identification-service.js';
import type { Identification } from '../../users/user-record.js';
import type { RouteContext } from '../route-context.js';
import {
  createEmailAddressBody,
  createPhoneNumberBody,
  replaceEmailAddressBody,
  replacePhoneNumberBody,
  updateEmailAddressBody,
  updatePhoneNumberBody,
} from './users/schemas.js';
import { toDeletedJSON, toEmailAddressJSON, toPhoneNumberJSON } from './users/serialize.js';

const CONTACTS = {
  email_address: {
    collection: '/v1/email_addresses',
    param: 'email_address_id',
    replacePath: '/v1/users/:user_id/email_address',
    toJSON: toEmailAddressJSON,
    schemas: { create: createEmailAddressBody, update: updateEmailAddressBody, replace: replaceEmailAddressBody },
  },
  phone_number: {
    collection: '/v1/phone_numbers',
    param: 'phone_number_id',
    replacePath: '/v1/users/:user_id/phone_number',
    toJSON: toPhoneNumberJSON,
    schemas: { create: createPhoneNumberBody, update: updatePhoneNumberBody, replace: replacePhoneNumberBody },
  },
} satisfies Record<ContactType, { collection: string; param: string; replacePath: string; toJSON: (identification: Identification) => object; schemas: object }>;

type Body = Record<string, any>;

export function registerContactRoutes(app: FastifyInstance, ctx: RouteContext, type: ContactType): void {
  const contact = CONTACTS[type];
  const itemPath = `${contact.collection}/:${contact.param}`;
  const idOf = (params: Record<string, string>) => params[contact.param]!;

  app.post<{ Body: Body }>(contact.collection, { schema: { body: contact.schemas.create } }, async (request) => {
    const body = request.body;
    const row = await ctx.identifications.create(type, {
      userId: body.user_id,
      value: body[type],
      verified: body.verified,
      primary: body.primary,
      reservedForSecondFactor: body.reserved_for_second_factor,
    });
    return contact.toJSON(row);
  });

  app.get<{ Params: Record<string, string> }>(itemPath, async (request) =>
    contact.toJSON(await ctx.identifications.get(type, idOf(request.params))),
  );

  app.patch<{ Params: Record<string, string>; Body: Body }>(itemPath, { schema: { body: contact.schemas.update } }, async (request) => {
    const body = request.body;
    const row = await ctx.identifications.update(type, idOf(request.params), {
      verified: body.verified,
      primary: body.primary,
      reservedForSecondFactor: body.reserved_for_second_factor,
    });
    return contact.toJSON(row);
  });

  app.delete<{ Params: Record<string, string> }>(itemPath, async (request) => {
    const { id } = await ctx.identifications.delete(type, idOf(request.params));
    return toDeletedJSON(type, id);
  });

  app.put<{ Params: { user_id: string }; Body: Body }>(contact.replacePath, { schema: { body: contact.schemas.replace } }, async (request) => {
    const body = request.body;
    const status = (body.identification_status ?? 'verified') as ReplacementStatus;
    return contact.toJSON(await ctx.identifications.replaceForUser(type, request.params.user_id, body[type], status));
  });
}
