import { translateBidMessage } from './bid-labels';
import { translatedBy, translateWorkflowError } from './workflow-errors';

/** The same error with the bid service's known messages in the user's language. */
export const translateBidError = (error: unknown): unknown => translateWorkflowError(error, translateBidMessage);

/** For API modules: rethrow a failed call's error translated (status and paths unchanged). */
export const translated = translatedBy(translateBidMessage);
