import { simpleAction } from './ActionForm';
import { ReasonField, TargetField } from './fields';

const MergeFields = () => (
  <>
    <TargetField name="into" />
    <ReasonField />
  </>
);

/** 合并: merge into another complaint; this one stops (a risky action: confirmed first). */
export const MergeAction = simpleAction('merge', '/complaints/:number/merge', MergeFields, { danger: true });
