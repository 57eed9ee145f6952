// Messenger mapping: engine actions to Send API bodies, webhooks to engine events, the profile.
export * from './payload';
export * from './send';
export * from './handover';
export * from './profile';
export * from './envelope';
export {
  webhookToEvents,
  readAttachment,
  mapLink,
  type IncomingEvent,
  type IgnoredEvent,
  type WebhookResult,
  type WebhookOptions,
} from './webhook';
