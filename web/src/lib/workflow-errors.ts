import { ApiError } from './api';

/** Turns a service's English message into the user's language, or null when it is not known. */
export type MessageTranslator = (message: string) => string | null;

/**
 * The same error with a service's known messages translated (status and field paths
 * unchanged). A CONFLICT from a workflow service is a rule of the workflow (the deadline
 * passed, a decision stands), not the registration "already taken" that errors.CONFLICT describes.
 */
export function translateWorkflowError(error: unknown, translate: MessageTranslator): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields = error.body.fields?.map((f) => ({ ...f, message: translate(f.message) ?? f.message }));
  const code = error.code === 'CONFLICT' ? 'CONFLICT_WORKFLOW' : error.code;
  return new ApiError({ ...error.body, code, message: translate(error.message) ?? error.message, ...(fields ? { fields } : {}) });
}

/** For API modules: a wrapper that rethrows a failed call's error translated. */
export function translatedBy(translate: MessageTranslator) {
  return <T>(call: Promise<T>): Promise<T> =>
    call.catch((error: unknown) => {
      throw translateWorkflowError(error, translate);
    });
}
