import { execFile } from 'node:child_process';

// Run by a plain Node child: pdf.js (under pdf-parse) loads its worker with a dynamic
// import, which Jest's module sandbox refuses.
const EXTRACT = `
const { PDFParse } = require(${JSON.stringify(require.resolve('pdf-parse'))});
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  try {
    process.stdout.write((await parser.getText()).text);
  } finally {
    await parser.destroy();
  }
});
`;

/**
 * The text of a PDF as a reader's copy-paste would give it (pdf.js, through pdf-parse), with
 * runs of white space as one space; each page ends with `-- N of M --`. Rejects bytes that are
 * not a PDF.
 */
export function pdfText(pdf: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-e', EXTRACT],
      { maxBuffer: 16 * 1024 * 1024, timeout: 30_000 },
      (error, stdout) => (error ? reject(error) : resolve(stdout.replace(/\s+/g, ' '))),
    );
    child.stdin!.end(pdf);
  });
}
