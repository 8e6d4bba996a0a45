// Renders the dashboard in one of its formats. The workbook and Word libraries (exceljs, docx: about
// 20 MB resident) are loaded on the first download, not by every server at start-up.
import type { Dashboard } from './dashboard.js';
import type { DashboardFormat } from './dashboard-format-info.js';
import { dashboardCsv, dashboardText } from './dashboard-text.js';
import { dashboardHtml } from './dashboard-html.js';

export async function renderDashboard(d: Dashboard, format: DashboardFormat): Promise<string | Buffer> {
  switch (format) {
    case 'text':
      return dashboardText(d);
    case 'csv':
      return dashboardCsv(d);
    case 'json':
      return JSON.stringify(d, null, 2);
    case 'html':
      return dashboardHtml(d);
    case 'xlsx':
      return (await import('./dashboard-xlsx.js')).dashboardXlsx(d);
    case 'docx':
      return (await import('./dashboard-docx.js')).dashboardDocx(d);
    default: {
      const never: never = format;
      throw new Error(`unknown dashboard format ${String(never)}`);
    }
  }
}
