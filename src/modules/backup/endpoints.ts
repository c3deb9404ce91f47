import { endpoint, problems } from '../../server/endpoint.js';
import { BackupListSchema, BackupSettingsSchema } from './settings-schemas.js';

const tags = ['settings'];

/** 数据备份: the daily backup's schedule, and the archives it made (admin). */
export const backupEndpoints = {
  getBackupSettings: endpoint('GET', '/settings/backup', {
    operationId: 'getBackupSettings',
    access: ['admin'],
    tags,
    summary: '数据备份 the daily backup: on or off, time of day, directory, archives kept (admin)',
    response: { 200: BackupSettingsSchema, ...problems(401, 403) },
  }),
  saveBackupSettings: endpoint('PUT', '/settings/backup', {
    operationId: 'saveBackupSettings',
    access: ['admin'],
    tags,
    summary: '数据备份 change the daily backup (admin)',
    body: BackupSettingsSchema,
    response: { 200: BackupSettingsSchema, ...problems(400, 401, 403) },
  }),
  listBackups: endpoint('GET', '/backups', {
    operationId: 'listBackups',
    access: ['admin'],
    tags,
    summary: '备份文件 the archives in the backup directory, newest first (admin)',
    response: { 200: BackupListSchema, ...problems(401, 403) },
  }),
};
