export { runEvalCommand, runTrainCommand, type TrainCommandOptions } from './cli.js';
export { expressModel } from './express-model.js';
export { TRAIN_FROM_COMPLAINTS_JOB, trainFromComplaints, trainFromComplaintsJob } from './train.js';
