/** A DOM id for a field path such as `person.email` (dots are awkward in CSS selectors). */
export function fieldId(path: string): string {
  return `field-${path.replaceAll('.', '-')}`;
}
