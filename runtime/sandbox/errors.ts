// Graph API error answers as the real API gives them (docs/messenger.md §2.8): the body shape, the
// codes and subcodes, and the presets tests inject.
import { randomBytes } from 'node:crypto';

export interface SandboxError {
  status: number;
  code: number;
  subcode?: number;
  type: string;
  message: string;
  transient?: boolean;
}

export function errorBody(e: SandboxError): { error: Record<string, unknown> } {
  return {
    error: {
      message: e.message,
      type: e.type,
      code: e.code,
      ...(e.subcode !== undefined ? { error_subcode: e.subcode } : {}),
      ...(e.transient !== undefined ? { is_transient: e.transient } : {}),
      fbtrace_id: randomBytes(8).toString('base64url'),
    },
  };
}

export const badParam = (message: string, subcode?: number): SandboxError => ({
  status: 400,
  code: 100,
  type: 'OAuthException',
  message: `(#100) ${message}`,
  ...(subcode !== undefined ? { subcode } : {}),
});

/** A second private reply to one comment (Meta answers 10900 "Activity already replied to"). */
export const ALREADY_REPLIED: SandboxError = {
  status: 400,
  code: 10900,
  type: 'OAuthException',
  message: '(#10900) Activity already replied to',
};

/** A private reply more than 7 days after the comment. */
export const REPLY_TOO_LATE: SandboxError = {
  status: 400,
  code: 10900,
  type: 'OAuthException',
  message: '(#10900) A private reply must be sent within 7 days of the comment',
};

/** Failures a test can inject into the next Send API calls. */
export const FAILURES = {
  'rate-limit': {
    status: 400,
    code: 613,
    subcode: 2534040,
    type: 'OAuthException',
    message: '(#613) Calls to this api have exceeded the rate limit.',
  },
  transient: {
    status: 500,
    code: 2,
    type: 'OAuthException',
    message: 'An unexpected error has occurred. Please retry your request later.',
    transient: true,
  },
  blocked: {
    status: 400,
    code: 551,
    subcode: 1545041,
    type: 'OAuthException',
    message: "(#551) This person isn't available right now.",
  },
  'outside-window': {
    status: 400,
    code: 10,
    subcode: 2018278,
    type: 'OAuthException',
    message: '(#10) This message is sent outside of allowed window.',
  },
  'bad-token': {
    status: 400,
    code: 190,
    type: 'OAuthException',
    message: 'Invalid OAuth access token - Cannot parse access token',
  },
} as const satisfies Record<string, SandboxError>;
export type FailureName = keyof typeof FAILURES;

export const THREAD_OWNED: SandboxError = {
  status: 400,
  code: 2018300,
  type: 'OAuthException',
  message: '(#2018300) Another app is controlling this thread.',
};

export const NO_USER: SandboxError = badParam('No matching user found', 2018001);

export const PROFILE_RATE_LIMIT: SandboxError = {
  status: 400,
  code: 613,
  type: 'OAuthException',
  message: '(#613) Calls to this api have exceeded the rate limit.',
};

/** Graph's answer for a node it cannot read: an unknown PSID on the User Profile API. */
export const unsupportedGet = (id: string): SandboxError => ({
  status: 400,
  code: 100,
  subcode: 33,
  type: 'GraphMethodException',
  message: `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
});

/** Failures a test can inject into the next User Profile API calls (docs/messenger.md §7). */
export const PROFILE_FAILURES = {
  'profile-no-permission': {
    status: 400,
    code: 100,
    subcode: 2018247,
    type: 'OAuthException',
    message: '(#100) Insufficient permission to access user profile.',
  },
  'profile-unavailable': {
    status: 400,
    code: 100,
    subcode: 2018218,
    type: 'OAuthException',
    message: '(#100) No profile available for this user.',
  },
} as const satisfies Record<string, SandboxError>;
export type ProfileFailureName = keyof typeof PROFILE_FAILURES;
