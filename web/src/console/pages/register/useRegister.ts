import type { FormInstance, UploadFile } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { call } from '../../../api/call';
import { ApiError } from '../../../api/client';
import { showFieldErrors } from '../../../api/form-errors';
import { useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { type AutoFilled, type Parts, toBody, type Values } from './form-values';
import type { Outcome } from './ResultPanel';

export interface Problem {
  title: string;
  details: string[];
}

/**
 * Registering: the complaint, then its evidence files one by one. A refusal puts the API's messages
 * on their fields (and the rest in `problem`); Ctrl+Enter anywhere on the page submits.
 */
export function useRegister(
  form: FormInstance<Values>,
  input: { parts: Parts; files: UploadFile[]; auto(): AutoFilled; onRegistered(outcome: Outcome): void },
) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<Problem | null>(null);
  // Until the evidence is uploaded too.
  const [submitting, setSubmitting] = useState(false);
  const register = useApiMutation('POST', '/complaints', { invalidates: ['/complaints', '/dashboard'] });
  // A second Ctrl+Enter while the first is on its way must not register the complaint twice.
  const inFlight = useRef(false);

  const upload = async (number: string) => {
    let uploaded = 0;
    const uploadErrors: string[] = [];
    for (const f of input.files) {
      if (!f.originFileObj) continue;
      const data = new FormData();
      data.append('file', f.originFileObj, f.name);
      try {
        await call('POST', '/complaints/:number/evidence', { params: { number }, form: data });
        uploaded++;
      } catch (e) {
        const message = e instanceof Error ? e.message : '';
        uploadErrors.push(t('register.result.evidenceFailed', { name: f.name, message }));
      }
    }
    return { uploaded, uploadErrors };
  };

  const submit = async (values: Values) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setSubmitting(true);
    setProblem(null);
    try {
      const registered = await register.mutateAsync({ body: toBody(values, input.parts, input.auto()) });
      input.onRegistered({ registered, ...(await upload(registered.number)) });
    } catch (e) {
      const rest = showFieldErrors(form, e);
      if (!(e instanceof ApiError))
        return setProblem({ title: e instanceof Error ? e.message : String(e), details: [] });
      setProblem({ title: e.title, details: e.fields.length ? rest : [] });
      const first = form.getFieldsError().find((f) => f.errors.length);
      if (first) form.scrollToField(first.name, { focus: true });
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        form.submit();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [form]);

  return { submit, problem, submitting };
}
