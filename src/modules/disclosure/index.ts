export { prepareDisclosure, setPublished } from './commands.js';
export { DISCLOSURE_STREAM } from './rules.js';
