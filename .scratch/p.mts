import PDFDocument from 'pdfkit';
import { createWriteStream, readFileSync } from 'node:fs';
const mk = (file: string) => new Promise<void>((res) => {
  const doc = new PDFDocument({ size: 'A5', margin: 50, font: 'fonts/LinLibertine_R.otf', info: { Title: 'T & <x>', Author: 'A', CreationDate: new Date(0), ModDate: new Date(0) }, lang: 'en-GB', autoFirstPage: true });
  const s = createWriteStream(file); doc.pipe(s);
  doc.registerFont('R', 'fonts/LinLibertine_R.otf');
  doc.font('R').fontSize(11);
  console.log('w', doc.widthOfString('office'), doc.widthOfString('offi'), doc.widthOfString(' '));
  doc.text('The office of the first fine flag. Conditions contin\u00ad', 72, 72, { lineBreak: false });
  doc.text('uing on the next line.', 72, 90, { lineBreak: false });
  doc.text('frag-', 72, 108, { lineBreak: false });
  doc.end(); s.on('finish', () => res());
});
await mk('.scratch/a.pdf'); await mk('.scratch/b.pdf');
console.log(Buffer.compare(readFileSync('.scratch/a.pdf'), readFileSync('.scratch/b.pdf')));
