import PDFDocument from 'pdfkit';
import { writeFileSync } from 'node:fs';
const doc = new PDFDocument({ size: 'A5', margin: 0, font: 'fonts/LinLibertine_R.otf' });
const chunks: Buffer[] = []; doc.on('data', (c) => chunks.push(c));
doc.fontSize(10);
const t = 'alpha beta gamma delta';
const w0 = doc.widthOfString(t);
for (const ws of [0, 2, -0.5]) {
  doc.text(t, 50, 100 + ws * 30, { lineBreak: false, baseline: 'alphabetic', wordSpacing: ws } as any);
  console.log('ws', ws, 'measured natural', w0.toFixed(2), 'expected', (w0 + 3 * ws).toFixed(2), 'doc.x after', (doc.x - 50).toFixed(2));
}
doc.end(); doc.on('end', () => writeFileSync('.scratch/ws.pdf', Buffer.concat(chunks)));
