import type { Readable } from 'node:stream';
import type { FileStorage } from '../../infra/storage';
import { sanitizeFileName, sniffAttachmentType, unsupportedMediaType } from '../attachments/service';
import type { ImportFormat } from './parse';

const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const accepted = 'upload an Excel workbook (.xlsx) or a CSV file (.csv)';

async function head(content: Readable, bytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of content) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= bytes) break;
    }
  } finally {
    content.destroy();
  }
  return Buffer.concat(chunks).subarray(0, bytes);
}

/**
 * What a stored upload is, by its content: an .xlsx workbook (a zip with a spreadsheet's
 * content types), or text named .csv. Anything else (images, PDFs, legacy .xls, a .txt) is
 * refused with a 415 naming `file`. Returns the format and the display name, its extension
 * matching the format (so the job can tell the format from the name alone).
 */
export async function detectImportFormat(storage: FileStorage, key: string, rawName: string): Promise<{ format: ImportFormat; fileName: string }> {
  const { detected } = await sniffAttachmentType(await storage.get(key));
  const name = sanitizeFileName(rawName);
  const stem = name.replace(/\.[^.]*$/, '') || 'import';
  if (detected === xlsxMime) return { format: 'xlsx', fileName: `${stem}.xlsx` };
  if (detected === 'application/x-cfb') throw unsupportedMediaType('a legacy Excel .xls file is not accepted; save it in Excel as .xlsx or CSV');
  if (detected) throw unsupportedMediaType(`content of type ${detected} is not accepted; ${accepted}`);
  if (!/\.csv$/i.test(name)) throw unsupportedMediaType(accepted);
  // Text has no NUL bytes in UTF-8 or GB18030; a binary file that file-type does not know has.
  if ((await head(await storage.get(key), 64 * 1024)).includes(0)) throw unsupportedMediaType(`this .csv file is not text; ${accepted}`);
  return { format: 'csv', fileName: name };
}

export const formatOfFileName = (fileName: string): ImportFormat => (/\.xlsx$/i.test(fileName) ? 'xlsx' : 'csv');
