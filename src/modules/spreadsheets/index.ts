export { type CellValue, cellText } from './cells.js';
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
export { detectFormat, readSheet } from './read-sheet.js';
export { complaintTemplate } from './template.js';
export { receiveUpload } from './upload.js';
export {
  CHANNEL_LABELS,
  GRADE_LABELS,
  type Labels,
  LIABLE_PARTY_LABELS,
  PRIORITY_LABELS,
  VALIDITY_LABELS,
} from './vocabulary.js';
export { streamSheet } from './xlsx-stream.js';
