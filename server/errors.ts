import type { ErrorCode, FieldError } from '../shared/contracts/errors';

/** The one error vocabulary. Services throw these; server/plugins/error-handler.ts maps them. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
  }
}

export class ValidationError extends AppError {
  constructor(fields: FieldError[]) {
    super(400, 'VALIDATION_FAILED', fields.map((f) => `${f.path}: ${f.message}`).join('; '), fields);
  }
  static field(path: string, message: string) {
    return new ValidationError([{ path, message }]);
  }
}

export class Unauthenticated extends AppError {
  constructor(message = 'log in first') {
    super(401, 'UNAUTHENTICATED', message);
  }
}

export class Forbidden extends AppError {
  constructor(message = 'not allowed') {
    super(403, 'FORBIDDEN', message);
  }
}

export class NotFound extends AppError {
  constructor(what: string) {
    super(404, 'NOT_FOUND', `${what} not found`);
  }
}

export class Conflict extends AppError {
  constructor(message: string, fields?: FieldError[]) {
    super(409, 'CONFLICT', message, fields);
  }
}

export class InvalidTransition extends AppError {
  constructor(lifecycle: string, from: string, event: string) {
    super(409, 'INVALID_TRANSITION', `${lifecycle}: cannot ${event} from ${from}`);
  }
}
