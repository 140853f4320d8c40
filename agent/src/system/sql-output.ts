/** A query's result as text cells; null for SQL NULL. */
export interface SqlTable {
  columns: string[];
  rows: Array<Array<string | null>>;
}

/** psql prints NULL as this (`-P null=…`), so an empty string and NULL stay apart. */
export const PSQL_NULL = '\\N';

/** Parses `psql --csv` (RFC 4180: quoted fields may hold commas, quotes doubled, newlines); the first record is the header. */
export function parsePsqlCsv(text: string): SqlTable {
  const records: Array<Array<{ text: string; quoted: boolean }>> = [];
  let record: Array<{ text: string; quoted: boolean }> = [];
  let field = '';
  let quoted = false;
  let inQuotes = false;
  const endField = (): void => {
    record.push({ text: field, quoted });
    field = '';
    quoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') inQuotes = false;
      else field += ch;
    } else if (ch === '"') {
      inQuotes = true;
      quoted = true;
    } else if (ch === ',') endField();
    else if (ch === '\n') {
      endField();
      records.push(record);
      record = [];
    } else if (ch !== '\r') field += ch;
  }
  if (field !== '' || record.length) {
    endField();
    records.push(record);
  }
  const [header = [], ...rows] = records;
  return { columns: header.map((f) => f.text), rows: rows.map((r) => r.map((f) => (!f.quoted && f.text === PSQL_NULL ? null : f.text))) };
}

const UNESCAPE: Record<string, string> = { n: '\n', t: '\t', '0': '\0', '\\': '\\' };

/** Parses `mysql --batch` output: tab-separated, header first, `\n` `\t` `\\` `\0` escaped, NULL written as NULL. */
export function parseMysqlBatch(text: string): SqlTable {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const cells = (line: string): Array<string | null> =>
    line.split('\t').map((c) => (c === 'NULL' ? null : c.replace(/\\([nt0\\])/g, (_, e: string) => UNESCAPE[e])));
  const [header, ...rows] = lines.map(cells);
  return { columns: (header ?? []).map((c) => c ?? 'NULL'), rows };
}
