export { runBackupCommand, runRestoreCommand } from './cli.js';
export { ARCHIVE_NAME, archiveName, type BackupOptions, createBackup } from './create-backup.js';
export { keyFingerprint, type Manifest, parseManifest } from './manifest.js';
export {
  KeyMismatchError,
  type RestoreOptions,
  type RestoreSummary,
  restoreBackup,
} from './restore-backup.js';
