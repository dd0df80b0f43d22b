/** Errors of webhook endpoints and their deliveries (Roster's extension of the Backend API). */
import { catalogError as make, param } from './catalog.js';

export const webhookErrors = {
  webhookEndpointNotFound: (id: string) => make('resourceNotFound', `No webhook endpoint was found with id ${id}`, {}, 'Webhook endpoint not found'),
  webhookDeliveryNotFound: (id: string) => make('resourceNotFound', `No webhook delivery was found with id ${id}`, {}, 'Webhook delivery not found'),
  webhookUrlInvalid: () => make('paramFormatInvalid', 'url must be an absolute http(s) URL without credentials.', param('url')),
  webhookEventTypeInvalid: (type: string) =>
    make('paramValueInvalid', `${type} is not a webhook event type. See Clerk's webhook reference for the list.`, param('events'), 'is invalid'),
  webhookReplayRangeInvalid: () =>
    make('paramValueInvalid', 'Give either delivery_id, or since (and optionally until, after since) in Unix milliseconds.', param('since'), 'is invalid'),
};
