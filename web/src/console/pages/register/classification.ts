import { useEffect, useState } from 'react';
import { type CallOutput, call, type EndpointAt } from '../../../api/call';
import { ApiError } from '../../../api/client';

/** The answer of POST /classification/suggest. */
export type Suggestion = CallOutput<EndpointAt<'POST', '/classification/suggest'>>;
export type CategoryGuess = Suggestion['alternatives'][number];
export type PathStep = CategoryGuess['path'][number];

/** Suggestions start once this much text is typed. */
export const MIN_TEXT = 4;
const DEBOUNCE_MS = 400;
const RETRIES = 2;
const RETRY_MS = 1500;

export type SuggestState =
  | { state: 'idle' }
  | { state: 'loading'; last: Suggestion | null }
  | { state: 'ready'; suggestion: Suggestion }
  | { state: 'failed' };

/** The API reads this much of a text for a suggestion (the beginning says what the complaint is about). */
const MAX_TITLE = 200;
const MAX_CONTENT = 20_000;

export const suggest = (title: string, content: string) =>
  call('POST', '/classification/suggest', {
    body: { title: title.slice(0, MAX_TITLE), content: content.slice(0, MAX_CONTENT) },
  });

/** Suggestions for the text as typed: debounced, and an answer for older text is dropped. */
export function useSuggestion(title: string | undefined, content: string | undefined): SuggestState {
  const [state, setState] = useState<SuggestState>({ state: 'idle' });
  const t = title?.trim() ?? '';
  const c = content?.trim() ?? '';
  useEffect(() => {
    if ((t + c).length < MIN_TEXT) {
      setState({ state: 'idle' });
      return;
    }
    let stale = false;
    let timer: ReturnType<typeof setTimeout>;
    setState((s) => ({ state: 'loading', last: s.state === 'ready' ? s.suggestion : null }));
    // A busy or restarting server is asked again before the card says the suggestion failed.
    const ask = (triesLeft: number) =>
      suggest(t, c).then(
        (suggestion) => !stale && setState({ state: 'ready', suggestion }),
        (e: unknown) => {
          if (stale) return;
          const passing = !(e instanceof ApiError) || e.status >= 500;
          if (passing && triesLeft > 0) timer = setTimeout(() => ask(triesLeft - 1), RETRY_MS);
          else setState({ state: 'failed' });
        },
      );
    timer = setTimeout(() => ask(RETRIES), DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [t, c]);
  return state;
}

/** Confident enough to be filled in without asking (a rule's settings count as certain). */
export const confident = (s: Suggestion, confidence: number | undefined) =>
  confidence !== undefined && confidence >= s.autoApplyAt;

export const percent = (confidence: number) => `${Math.round(confidence * 100)}%`;

export const pathLabel = (path: PathStep[], en: boolean) =>
  path.map((p) => (en ? p.nameEn : p.nameZh)).join(' / ');
