import { Readable } from 'node:stream';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../../server/modules/attachments/routes';
import { displayFileName, sanitizeFileName, sniffAttachmentType } from '../../server/modules/attachments/service';

/** A real zip (deflated entries, central directory), enough for Office and for file-type. */
function zip(entries: [name: string, text: string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text);
    const packed = deflateRawSync(data);
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    locals.push(local, fileName, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes = (part: string, type: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="${part}" ContentType="${type}"/></Types>`;
const ooxml = (part: string, type: string, contentTypesLast = false) => {
  const entries: [string, string][] = [
    ['[Content_Types].xml', contentTypes(part, type)],
    ['_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'],
    [part.slice(1), '<?xml version="1.0"?><root/>'],
  ];
  return zip(contentTypesLast ? [...entries.slice(1), entries[0]!] : entries);
};

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const webp = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');
const jpeg = Buffer.from('ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b0c1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffd9', 'hex');
/** A compound file binary header, the container of .doc/.xls/.ppt (and of .msi). */
const cfb = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from('This program cannot be run in DOS mode.'), Buffer.alloc(100)]);

const wordMain = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const sniff = (b: Buffer) => sniffAttachmentType(Readable.from([b], { objectMode: false }));

describe('sniffAttachmentType', () => {
  it.each([
    ['a PDF', pdf, 'application/pdf'],
    ['a PNG', png, 'image/png'],
    ['a JPEG', jpeg, 'image/jpeg'],
    ['a WebP', webp, 'image/webp'],
    ['a DOCX', ooxml('/word/document.xml', wordMain), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['a DOCX whose [Content_Types].xml comes last', ooxml('/word/document.xml', wordMain, true), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['an XLSX', ooxml('/xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['a PPTX', ooxml('/ppt/presentation.xml', 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml'), 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    ['a legacy Office file (CFB)', cfb, 'application/x-cfb'],
  ])('accepts %s by its content', async (_what, bytes, mimeType) => {
    expect((await sniff(bytes)).mimeType).toBe(mimeType);
  });

  it.each([
    ['a Windows executable', exe, 'application/x-msdownload'],
    ['a plain zip', zip([['a.txt', 'hello']]), 'application/zip'],
    ['a macro-enabled Word file', ooxml('/word/document.xml', 'application/vnd.ms-word.document.macroEnabled.main+xml'), 'application/vnd.ms-word.document.macroenabled.12'],
  ])('refuses %s, saying what it is', async (_what, bytes, detected) => {
    expect(await sniff(bytes)).toEqual({ mimeType: null, detected });
  });

  it.each([
    ['HTML', Buffer.from('<!doctype html><script>alert(1)</script>')],
    ['SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['plain text that merely says %PDF later', Buffer.from('hello %PDF-1.4')],
    ['a truncated zip', ooxml('/word/document.xml', wordMain).subarray(0, 40)],
  ])('refuses %s as unrecognised', async (_what, bytes) => {
    expect((await sniff(bytes)).mimeType).toBeNull();
  });

  it('closes the stream it read', async () => {
    const stream = Readable.from([pdf], { objectMode: false });
    await sniffAttachmentType(stream);
    expect(stream.destroyed).toBe(true);
  });
});

describe('sanitizeFileName', () => {
  it('drops path parts from either kind of separator', () => {
    expect(sanitizeFileName('C:\\Users\\张三\\Desktop\\方案.pdf')).toBe('方案.pdf');
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
  });

  it('removes control and direction-override characters, and leading dots', () => {
    expect(sanitizeFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(sanitizeFileName('a\u0000b\r\nc.pdf')).toBe('abc.pdf');
    expect(sanitizeFileName('..hidden.pdf')).toBe('hidden.pdf');
    expect(sanitizeFileName('a"b<c>.pdf')).toBe('a_b_c_.pdf');
  });

  it('keeps at most 200 characters, the extension included, without splitting a character', () => {
    const long = sanitizeFileName(`${'储能'.repeat(150)}.pdf`);
    expect(Array.from(long)).toHaveLength(200);
    expect(long.endsWith('能.pdf') || long.endsWith('储.pdf')).toBe(true);
    expect(Array.from(sanitizeFileName('𠀀'.repeat(300)))).toHaveLength(200);
    expect(sanitizeFileName('𠀀'.repeat(300))).not.toMatch(/[\ud800-\udbff]$/);
  });
});

describe('displayFileName', () => {
  it('keeps a name whose extension fits the content, in any case', () => {
    expect(displayFileName('方案.PDF', 'application/pdf')).toBe('方案.PDF');
    expect(displayFileName('photo.jpeg', 'image/jpeg')).toBe('photo.jpeg');
  });

  it('adds the extension of the real type when the name says otherwise', () => {
    expect(displayFileName('photo.exe', 'image/png')).toBe('photo.exe.png');
    expect(displayFileName('', 'application/pdf')).toBe('attachment.pdf');
    expect(Array.from(displayFileName('长'.repeat(300), 'application/pdf'))).toHaveLength(200);
  });

  it('accepts a legacy Office container only when its name says which program opens it', () => {
    expect(displayFileName('预算.xls', 'application/x-cfb')).toBe('预算.xls');
    expect(() => displayFileName('setup.msi', 'application/x-cfb')).toThrow(expect.objectContaining({ statusCode: 415, fields: [expect.objectContaining({ path: 'file' })] }));
  });
});

describe('contentDisposition', () => {
  it('offers the exact UTF-8 name in RFC 5987 form with an ASCII fallback', () => {
    expect(contentDisposition('技术 方案(终).pdf')).toBe(`attachment; filename="__ __(_).pdf"; filename*=UTF-8''%E6%8A%80%E6%9C%AF%20%E6%96%B9%E6%A1%88%28%E7%BB%88%29.pdf`);
  });

  it('cannot be broken out of by quotes or backslashes in the name', () => {
    expect(contentDisposition('a"b\\c.pdf')).toBe(`attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`);
  });
});
