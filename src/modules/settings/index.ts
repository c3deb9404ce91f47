export { readSetting, writeSetting } from './settings.js';
