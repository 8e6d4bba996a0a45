// The dashboard's formats: what each is called, its file extension and content type, and whether it
// goes to a file. (The renderers are in dashboard-export.ts, so the chat need not load them.)
export const DASHBOARD_FORMATS = ['text', 'csv', 'json', 'html', 'xlsx', 'docx'] as const;
export type DashboardFormat = (typeof DASHBOARD_FORMATS)[number];

export interface FormatInfo {
  ext: string;
  contentType: string;
  /** Written to a file unless told otherwise: binary formats, and the page meant for a browser. */
  toFile: boolean;
  /** How a person would name it: "Word board paper". */
  name: string;
}

export const FORMAT_INFO: Record<DashboardFormat, FormatInfo> = {
  text: { ext: 'txt', contentType: 'text/plain; charset=utf-8', toFile: false, name: 'Text' },
  csv: { ext: 'csv', contentType: 'text/csv; charset=utf-8', toFile: false, name: 'CSV' },
  json: { ext: 'json', contentType: 'application/json; charset=utf-8', toFile: false, name: 'JSON' },
  html: {
    ext: 'html',
    contentType: 'text/html; charset=utf-8',
    toFile: true,
    name: 'Web page (prints on A4)',
  },
  xlsx: {
    ext: 'xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    toFile: true,
    name: 'Excel workbook',
  },
  docx: {
    ext: 'docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    toFile: true,
    name: 'Word board paper (exceptions first)',
  },
};

export function isDashboardFormat(s: string): s is DashboardFormat {
  return (DASHBOARD_FORMATS as readonly string[]).includes(s);
}

/** The format whose file extension this is ("txt" → text), or null. */
export function formatOfExtension(ext: string): DashboardFormat | null {
  return DASHBOARD_FORMATS.find((f) => FORMAT_INFO[f].ext === ext.toLowerCase()) ?? null;
}
