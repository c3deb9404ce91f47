export { type ArchiveFile, listArchives, pruneArchives } from './archives.js';
export { runBackupCommand, runRestoreCommand } from './cli.js';
export { ARCHIVE_NAME, archiveName, type BackupOptions, createBackup } from './create-backup.js';
export { type Manifest, parseManifest } from './manifest.js';
export {
  KeyMismatchError,
  type RestoreOptions,
  type RestoreSummary,
  restoreBackup,
} from './restore-backup.js';
export {
  BACKUP_CREATE_JOB,
  BACKUP_SCHEDULE_EVERY_MS,
  BACKUP_SCHEDULE_JOB,
  backupScheduleJob,
  createBackupJob,
} from './scheduled-backup.js';
export { type BackupSettings, readBackupSettings } from './settings.js';
