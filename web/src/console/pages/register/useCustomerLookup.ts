import type { FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import { call } from '../../../api/call';
import type { Lookup } from './CustomerPanel';
import { text } from './form-values';
import { isWholePhone } from './vocab';

/**
 * Look the caller up as soon as the number is whole; an empty name field takes the profile's name, an
 * untouched language the one of their latest complaint.
 */
export function useCustomerLookup(phone: string | undefined, form: FormInstance): Lookup {
  const [lookup, setLookup] = useState<Lookup>({ state: 'idle' });
  useEffect(() => {
    if (!isWholePhone(phone)) {
      setLookup({ state: 'idle' });
      return;
    }
    let stale = false;
    setLookup({ state: 'searching' });
    // A debounced lookup as the number is typed: call(), not a cached query per keystroke.
    const timer = setTimeout(async () => {
      try {
        const found = await call('GET', '/customers', { query: { q: phone.trim(), limit: 1 } });
        if (stale) return;
        const first = found.items[0];
        if (!first) return setLookup({ state: 'new' });
        const customer = await call('GET', '/customers/:id', { params: { id: first.id }, query: {} });
        if (stale) return;
        setLookup({ state: 'found', customer });
        if (!text(form.getFieldValue(['complainant', 'name'])))
          form.setFieldValue(['complainant', 'name'], customer.name);
        // Written to in the language of their latest complaint, unless the agent chose one already.
        const latest = customer.complaints.items[0];
        if (latest && !form.isFieldTouched(['complainant', 'locale']))
          form.setFieldValue(['complainant', 'locale'], latest.locale);
      } catch (e) {
        if (!stale) setLookup({ state: 'failed', message: e instanceof Error ? e.message : String(e) });
      }
    }, 250);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [phone, form]);
  return lookup;
}
