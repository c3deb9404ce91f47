export { runEvalCommand, runTrainCommand, type TrainCommandOptions } from './cli.js';
export { recordCorrection } from './corrections.js';
export {
  classificationEventData,
  classificationOf,
  classifyRegistration,
  type RegistrationClassification,
  storeClassification,
  toClassificationView,
} from './registration.js';
export { warmActiveModel } from './settings.js';
export { expressCorpus, STARTER_MODELS, starterModel } from './starter-models.js';
export { TRAIN_FROM_COMPLAINTS_JOB, trainFromComplaints, trainFromComplaintsJob } from './train.js';
