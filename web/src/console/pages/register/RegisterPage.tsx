import { useState } from 'react';
import { RegisterForm } from './RegisterForm';
import { type Outcome, ResultPanel } from './ResultPanel';

/** 投诉登记: the keyboard-first intake form, then the result of the registration. */
export default function RegisterPage() {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // A new key mounts a fresh form: "register another" keeps nothing of the previous customer.
  const [formKey, setFormKey] = useState(0);
  if (outcome)
    return (
      <ResultPanel
        outcome={outcome}
        onAnother={() => {
          setOutcome(null);
          setFormKey((k) => k + 1);
        }}
      />
    );
  return <RegisterForm key={formKey} onRegistered={setOutcome} />;
}
