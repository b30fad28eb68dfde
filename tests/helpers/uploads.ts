import { randomBytes } from 'node:crypto';

/** A minimal PDF (file-type recognises it), padded to any size. */
export const pdf = (padding = 0) =>
  Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n'), Buffer.alloc(padding, 0x20), Buffer.from('\n%%EOF\n')]);

/** A multipart/form-data body as a browser's FormData sends it (UTF-8 file names, raw bytes). */
export function multipart(parts: { name: string; fileName?: string; data: Buffer | string; contentType?: string }[]) {
  const boundary = `----jiebang${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.fileName === undefined ? '' : `; filename="${p.fileName}"`}`;
    const type = p.fileName === undefined ? '' : `Content-Type: ${p.contentType ?? 'application/octet-stream'}\r\n`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`), Buffer.from(p.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
