import type { z } from 'zod';
import { ApiError } from './api';
import { errorMessage, fieldMessage, issueMessage } from './errors';
import { t } from './i18n.svelte';

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

export interface GeneralError {
  message: string;
  reqId: string;
  /** Field errors whose field is not on this form, so they are not lost. */
  details: string[];
}

/**
 * The errors of one form: messages per field path (dot-joined, as the server sends them in
 * `fields[].path`) and a general banner for everything that has no field to sit next to.
 * It never touches the form's values, so nothing the user typed is lost on an error.
 */
export class FormErrors {
  general = $state<GeneralError | null>(null);
  fields = $state<Record<string, string>>({});

  readonly #paths: () => readonly string[];

  /** `paths` lists the fields the form currently shows (it may change, e.g. with the kind). */
  constructor(paths: () => readonly string[]) {
    this.#paths = paths;
  }

  /** The message for a field, or undefined. */
  at(path: string): string | undefined {
    return this.fields[path];
  }

  get hasAny(): boolean {
    return this.general !== null || Object.keys(this.fields).length > 0;
  }

  clear() {
    this.general = null;
    this.fields = {};
  }

  clearField(path: string) {
    if (path in this.fields) {
      const { [path]: _removed, ...rest } = this.fields;
      this.fields = rest;
    }
  }

  /**
   * Checks the form with the same shared schema the server uses, so both agree on what is
   * valid; returns the parsed body to send, or null after showing what is wrong.
   */
  validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | null {
    const result = schema.safeParse(value);
    this.clear();
    if (result.success) return result.data;
    const fields: Record<string, string> = {};
    const details: string[] = [];
    for (const issue of result.error.issues) {
      const path = this.#fieldFor(issue.path.map(String).join('.'));
      const message = issueMessage(issue, valueAt(value, issue.path));
      if (path) fields[path] ??= message;
      else details.push(message);
    }
    this.fields = fields;
    if (details.length) this.general = { message: t('errors.VALIDATION_FAILED'), reqId: '', details };
    return null;
  }

  /** Shows a failed API call: field errors next to their fields, the rest in the banner. */
  show(error: unknown, values: (path: string) => string = () => '') {
    const fields: Record<string, string> = {};
    const details: string[] = [];
    if (error instanceof ApiError) {
      for (const { path: raw, message } of error.fields) {
        const path = this.#fieldFor(raw);
        if (path) {
          // A conflict on a field means its value is already taken (e-mail, credit code).
          fields[path] ??= error.code === 'CONFLICT' ? t('validation.taken') : fieldMessage(message, values(path));
        } else {
          details.push(raw ? `${raw}: ${message}` : message);
        }
      }
    }
    this.fields = fields;
    const placedAll = Object.keys(fields).length > 0 && details.length === 0;
    this.general = placedAll
      ? null
      : {
          message: errorMessage(error),
          reqId: error instanceof ApiError ? error.body.reqId : '',
          details,
        };
    if (!(error instanceof ApiError)) console.error(error);
  }

  /** The shown field a server path belongs to: itself, or its parent for array items. */
  #fieldFor(path: string): string | undefined {
    return this.#paths().find((known) => path === known || path.startsWith(`${known}.`));
  }
}
