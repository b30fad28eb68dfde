import { ApiError } from './api';
import { translateBidMessage } from './bid-labels';

/**
 * The same error with the bid service's known messages in the user's language. A CONFLICT
 * here is a rule of the workflow (an active bid exists, the deadline passed), not the
 * registration "already taken" that errors.CONFLICT describes.
 */
export function translateBidError(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const general = translateBidMessage(error.message);
  const fields = error.body.fields?.map((f) => ({ ...f, message: translateBidMessage(f.message) ?? f.message }));
  const code = error.code === 'CONFLICT' ? 'CONFLICT_WORKFLOW' : error.code;
  return new ApiError({ ...error.body, code, message: general ?? error.message, ...(fields ? { fields } : {}) });
}

/** For API modules: rethrow a failed call's error translated (status and paths unchanged). */
export function translated<T>(call: Promise<T>): Promise<T> {
  return call.catch((error: unknown) => {
    throw translateBidError(error);
  });
}
