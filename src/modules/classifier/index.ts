export { runEvalCommand, runTrainCommand, type TrainCommandOptions } from './cli.js';
export { recordCorrection } from './corrections.js';
export { expressCorpus, expressModel } from './express-model.js';
export {
  classificationEventData,
  classifyRegistration,
  findClassification,
  type RegistrationClassification,
  storeClassification,
} from './registration.js';
export { TRAIN_FROM_COMPLAINTS_JOB, trainFromComplaints, trainFromComplaintsJob } from './train.js';
