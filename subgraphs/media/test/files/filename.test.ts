import { type DetectedType, sanitizeFilename } from '../../src/service/files';

const png: DetectedType = { mime: 'image/png', extension: 'png', type: 'IMAGE' };
const jpeg: DetectedType = { mime: 'image/jpeg', extension: 'jpg', type: 'IMAGE' };
const text: DetectedType = { mime: 'text/plain', extension: 'txt', type: 'TEXT' };

describe('sanitizeFilename', () => {
  it('keeps the base name only, after either slash', () => {
    expect(sanitizeFilename('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFilename('../../etc/passwd', text)).toBe('passwd.txt');
    expect(sanitizeFilename('C:\\Windows\\evil.png')).toBe('evil.png');
    expect(sanitizeFilename('C:\\Windows\\evil.png', png)).toBe('evil.png');
    expect(sanitizeFilename('dir/sub\\..\\name.pdf')).toBe('name.pdf');
  });

  it('drops leading dots', () => {
    expect(sanitizeFilename('.htaccess')).toBe('htaccess');
    expect(sanitizeFilename('..')).toBe('file');
    expect(sanitizeFilename('...hidden.png', png)).toBe('hidden.png');
  });

  it('removes control characters and bidi overrides, and collapses whitespace', () => {
    expect(sanitizeFilename('in\u0000voice\u0007\u001b.pdf')).toBe('invoice.pdf');
    // "harmless\u202Egnp.exe" displays as "harmlessexe.png".
    expect(sanitizeFilename('harmless\u202Egnp.exe')).toBe('harmlessgnp.exe');
    expect(sanitizeFilename('a\u200Bb\u2066c\uFEFF.txt')).toBe('abc.txt');
    expect(sanitizeFilename('  my \t\n holiday\u00A0\u3000photo  .jpg')).toBe('my holiday photo.jpg');
  });

  it('normalises to NFC and replaces the characters Windows or the header cannot take', () => {
    expect(sanitizeFilename('cafe\u0301.txt')).toBe('caf\u00e9.txt');
    expect(sanitizeFilename('a<b>c:d"e|f?g*.txt')).toBe('a_b_c_d_e_f_g_.txt');
    expect(sanitizeFilename('CON.txt')).toBe('_CON.txt');
    expect(sanitizeFilename('trailing dots... .pdf')).toBe('trailing dots.pdf');
  });

  it('cuts long names to 200 characters, keeping the extension', () => {
    const cut = sanitizeFilename(`${'a'.repeat(300)}.pdf`);
    expect(cut).toBe(`${'a'.repeat(196)}.pdf`);
    const emoji = sanitizeFilename(`${'😀'.repeat(300)}.png`, png);
    expect([...emoji]).toHaveLength(200);
    expect(emoji.endsWith('😀.png')).toBe(true);
    // Never splits a grapheme: a flag is two code points.
    const flags = sanitizeFilename(`a${'🇫🇷'.repeat(150)}.txt`);
    expect([...flags]).toHaveLength(1 + 97 * 2 + 4);
  });

  it('replaces an extension the detected type disagrees with', () => {
    expect(sanitizeFilename('photo.exe', png)).toBe('photo.png');
    expect(sanitizeFilename('photo', png)).toBe('photo.png');
    expect(sanitizeFilename('IMG_0001.JPEG', jpeg)).toBe('IMG_0001.JPEG');
    expect(sanitizeFilename('scan.jpeg.exe', jpeg)).toBe('scan.jpeg.jpg');
    expect(sanitizeFilename('notes.md', text)).toBe('notes.md');
    expect(sanitizeFilename('page.html', text)).toBe('page.txt');
    expect(sanitizeFilename('archive.tar.gz')).toBe('archive.tar.gz');
  });

  it('names an empty name file', () => {
    expect(sanitizeFilename('', png)).toBe('file.png');
    expect(sanitizeFilename('')).toBe('file');
    expect(sanitizeFilename(' \u202E ', text)).toBe('file.txt');
    expect(sanitizeFilename('.png', png)).toBe('png.png');
  });
});
