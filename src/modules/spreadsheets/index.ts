export { type ExportOptions, runExportCommand, runImportCommand } from './cli.js';
export { type ComplaintExport, type ExportInput, prepareComplaintExport } from './export-complaints.js';
export {
  countDataRows,
  type ImportReport,
  importComplaints,
  type RowError,
  type RowResult,
} from './import-complaints.js';
export { importErrorsCsv, importReportXlsx } from './import-report.js';
export { complaintTemplate } from './template.js';
