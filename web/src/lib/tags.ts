/**
 * Splits what a user typed into tags. People here separate lists with the ideographic
 * comma 、 as often as with , or ，; empty pieces and repeats are dropped.
 */
export function splitTags(text: string): string[] {
  const tags = text
    .split(/[,，、;；\n]+/)
    .map((tag) => tag.trim())
    .filter(Boolean);
  return [...new Set(tags)];
}
