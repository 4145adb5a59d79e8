/**
 * CSV for people who open it in a spreadsheet: semicolons and a byte-order mark (Swedish
 * Excel), and every cell that a spreadsheet would read as a formula (= + - @, tab, CR)
 * prefixed with an apostrophe, so a municipality's free text can never run as a formula.
 */
export function neutraliseCell(value: string | number | null | undefined): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export function safeCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  const field = (v: string | number | null | undefined) => {
    const s = neutraliseCell(v);
    return /[";\r\n,]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(field).join(';')).join('\r\n')}\r\n`;
}

/** Numbers in exports: as they are (a suppressed figure is the text the coordinator sees). */
export function numberCell(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}
