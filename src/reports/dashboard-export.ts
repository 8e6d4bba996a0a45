// Renders the dashboard in one of its formats.
import type { Dashboard } from './dashboard.js';
import type { DashboardFormat } from './dashboard-formats.js';
import { dashboardDocx } from './dashboard-docx.js';
import { dashboardCsv, dashboardText } from './dashboard-format.js';
import { dashboardHtml } from './dashboard-html.js';
import { dashboardXlsx } from './dashboard-xlsx.js';

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
      return dashboardXlsx(d);
    case 'docx':
      return dashboardDocx(d);
    default: {
      const never: never = format;
      throw new Error(`unknown dashboard format ${String(never)}`);
    }
  }
}
