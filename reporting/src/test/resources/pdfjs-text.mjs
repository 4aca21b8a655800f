// Extracts a PDF's text the way the browsers' viewer (pdf.js) does: getTextContent of every page.
// Usage: node pdfjs-text.mjs NODE_MODULES_DIR FILE.pdf
import { createRequire } from 'module';
import fs from 'fs';
import path from 'path';
const require = createRequire(path.join(process.argv[2], 'x.js'));
const { getDocument } = await import(require.resolve('pdfjs-dist/legacy/build/pdf.mjs'));
const data = new Uint8Array(fs.readFileSync(process.argv[3]));
const doc = await getDocument({ data, verbosity: 0 }).promise;
const pages = [];
for (let i = 1; i <= doc.numPages; i++) {
  const content = await (await doc.getPage(i)).getTextContent();
  pages.push(content.items.map(item => item.str + (item.hasEOL ? '\n' : '')).join(''));
}
process.stdout.write(pages.join('\f'));
