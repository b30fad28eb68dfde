import { tick } from 'svelte';

/** After the errors render, put the cursor in the first field that has one. */
export async function focusFirstInvalid(form: HTMLFormElement | undefined) {
  await tick();
  const field = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (field) field.focus();
  else form?.querySelector<HTMLElement>('[data-testid="form-error"]')?.scrollIntoView({ block: 'nearest' });
}
