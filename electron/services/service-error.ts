// Services fail with a code the caller can act on, the place (a file, a URL) and a plain message.
// The IPC and HTTP layers turn it into a value on the wire ({ ok: false, error }).
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    readonly place: string,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export interface WireError {
  code: string;
  place: string;
  message: string;
}

export function toWireError(error: unknown): WireError {
  if (error instanceof ServiceError) {
    return { code: error.code, place: error.place, message: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', place: '', message };
}
