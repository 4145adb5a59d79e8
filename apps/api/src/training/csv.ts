/**
 * CSV as Swedish spreadsheets write it: semicolons (commas also read), double quotes around
 * fields that need them, an optional byte-order mark. Records keep the line number they start
 * on, so an import can say "rad 7" about the line a person sees in their editor.
 */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export function parseCsv(text: string): CsvRecord[] {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.slice(0, source.search(/\r?\n|$/));
  const delimiter = firstLine.includes(';') || !firstLine.includes(',') ? ';' : ',';
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0]!.trim() !== '') records.push({ line: startLine, cells: cells.map((c) => unneutralise(c.trim())) });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      startLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length) endRecord();
  return records;
}

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return before
 * one) gets a leading single quote, as OWASP advises against CSV injection: a member named
 * =HYPERLINK(...) is shown as text, never followed. parseCsv takes the quote off again, so an
 * exported file imports as it is.
 */
export function neutralise(value: string): string {
  // A leading quote is doubled too, so that unneutralise never takes off one that was data.
  return /^[=+\-@\t\r']/.test(value) ? `'${value}` : value;
}

/** Undoes neutralise: only a quote followed by a character neutralise guards against. */
export function unneutralise(value: string): string {
  return /^'[=+\-@\t\r']/.test(value) ? value.slice(1) : value;
}

/** Semicolon-separated with a byte-order mark, so Excel in Swedish opens it with å, ä, ö intact. */
export function toCsv(header: string[], rows: (string | null)[][]): string {
  const field = (v: string | null) => {
    const s = neutralise(v ?? '');
    return /[";\r\n,]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(field).join(';')).join('\r\n')}\r\n`;
}
