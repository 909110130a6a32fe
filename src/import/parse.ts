/** One record of an import file, with the line it starts on (1-based) for messages. */
export interface ImportRecord {
  line: number;
  /** Field → value; null for an empty CSV cell or a JSON null. */
  values: Record<string, unknown> | null;
  /** Why the line could not be read at all (bad JSON, a CSV row of the wrong width). */
  error?: string;
}

/**
 * NDJSON: one JSON object per line; blank lines are skipped. A line that is
 * not a JSON object becomes a failed record instead of stopping the import.
 */
export function parseNdjson(text: string): ImportRecord[] {
  const records: ImportRecord[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() === "") return;
    const line = index + 1;
    try {
      const value: unknown = JSON.parse(raw);
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        records.push({ line, values: null, error: "not a JSON object" });
      } else {
        records.push({ line, values: value as Record<string, unknown> });
      }
    } catch (error) {
      records.push({ line, values: null, error: `invalid JSON: ${(error as Error).message}` });
    }
  });
  return records;
}

/**
 * CSV (RFC 4180): a header row of column names, then one record per row.
 * Quoted fields may hold commas, doubled quotes and line breaks; an empty
 * unquoted cell is null, an empty quoted cell ("") the empty string.
 */
export function parseCsv(text: string): ImportRecord[] {
  const rows: Array<{ line: number; cells: Array<string | null> }> = [];
  let cells: Array<string | null> = [];
  let cell = "";
  let quoted = false;
  let wasQuoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endCell = () => {
    cells.push(cell === "" && !wasQuoted ? null : cell);
    cell = "";
    wasQuoted = false;
  };
  const endRow = () => {
    endCell();
    if (!(cells.length === 1 && cells[0] === null)) rows.push({ line: rowLine, cells });
    cells = [];
  };
  if (text.charCodeAt(0) === 0xfeff) i = 1; // byte order mark
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === "\n") line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === "") {
      quoted = true;
      wasQuoted = true;
    } else if (ch === ",") {
      endCell();
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      cell += ch;
    }
  }
  if (cell !== "" || wasQuoted || cells.length > 0) endRow();

  const [header, ...body] = rows;
  if (!header) return [];
  const names = header.cells.map((name) => (name ?? "").trim());
  return body.map(({ line: at, cells: values }) => {
    if (values.length !== names.length) {
      return { line: at, values: null, error: `expected ${names.length} fields like the header, found ${values.length}` };
    }
    return { line: at, values: Object.fromEntries(names.map((name, k) => [name, values[k]])) };
  });
}
