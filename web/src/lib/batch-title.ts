const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * 1–99 in Chinese numerals as batch titles write them: 一, 十, 十二, 二十, 九十九. Batches are
 * numbered 1–99 by the contract (batchCreateBody); anything else is written in digits.
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return digits[ones] ?? '';
  const tensPart = tens === 1 ? '十' : `${digits[tens]}十`;
  return ones === 0 ? tensPart : `${tensPart}${digits[ones]}`;
}

/** "2026年第一批": how a batch is titled in Chinese (the zh-CN `batch.title` message with a numeral). */
export function batchTitleZh(year: number, number: number): string {
  return `${year}年第${chineseNumeral(number)}批`;
}
