import { Select, type SelectProps } from 'antd';
import { useContext, useEffect, useRef, useState } from 'react';
import { PendingPicksContext } from './pending-picks';

/** How long a form's submit waits for a list that has not come (a failed lookup must not hold it). */
const MAX_WAIT_MS = 10_000;

interface SearchOption<V> {
  value: V;
  label: string;
  disabled?: boolean;
}

/** A titled group of options: a search that matches its label lists all of them. */
interface SearchGroup<V> {
  label: string;
  options: SearchOption<V>[];
}

type Item<V> = SearchOption<V> | SearchGroup<V>;
/** A list the server searches: what was typed goes to `onSearch`; `answers` is the text `options` answer, null while they load. */
interface Lookup {
  onSearch: (text: string) => void;
  answers: string | null;
}

type Props<V> = Omit<
  SelectProps<V, Item<V>>,
  'showSearch' | 'open' | 'optionFilterProp' | 'filterOption' | 'onSearch'
> & {
  options: Item<V>[];
  lookup?: Lookup;
};

/**
 * What the list shows first for a search: rc-select's own filter (labels holding the text, any case),
 * or, for a list the server searched, its first option.
 */
function firstMatch<V>(options: Item<V>[], search: string, searched: boolean): SearchOption<V> | undefined {
  const wanted = search.toUpperCase();
  const holds = (label: string) => searched || label.toUpperCase().includes(wanted);
  for (const o of options) {
    const found =
      'options' in o
        ? o.options.find((k) => !k.disabled && (holds(o.label) || holds(k.label)))
        : !o.disabled && holds(o.label) && o;
    if (found) return found;
  }
  return undefined;
}

/**
 * A select searched by its labels whose Enter (or Tab) takes the option the search shows first, however
 * fast the keys come. rc-select takes its active option, which it moves to the first match in an effect
 * rendered after the search: on a busy PC "1⏎" typed quickly found the old active option (or none) and
 * kept the old value. So Enter after typing is ours; after the arrows (rendered at once) or the mouse
 * over the list it is rc-select's. A list still `loading`, or one the server searches (`lookup`) that has
 * not answered the text yet, when Enter comes: the option is taken from the list when it has come, and
 * the form around it (`PendingPicksContext`) waits for it before it submits.
 */
export function SearchSelect<V extends string | number>({ lookup, ...props }: Props<V>) {
  const { options, onOpenChange, onInputKeyDown, onChange } = props;
  const [open, setOpen] = useState(false);
  const search = useRef('');
  /** Whether the arrows (or the mouse) have moved through the list since the last keystroke of the search. */
  const moved = useRef(false);
  /** The text of an Enter (or Tab) that came before the list it chooses from. */
  const awaited = useRef<string | null>(null);
  /** Ends the form's wait for the awaited pick. */
  const release = useRef<(() => void) | null>(null);
  const picks = useContext(PendingPicksContext);
  /** Note the text whose list is awaited (null: none), and hold the form's submit while one is. */
  const setAwaited = (text: string | null) => {
    awaited.current = text;
    if (text === null) return release.current?.();
    if (release.current || !picks) return;
    picks.track(
      new Promise<void>((resolve) => {
        const end = () => {
          clearTimeout(timer);
          release.current = null;
          resolve();
        };
        const timer = setTimeout(end, MAX_WAIT_MS);
        release.current = end;
      }),
    );
  };
  useEffect(() => () => release.current?.(), []);
  const toggle = (next: boolean) => {
    if (!next) search.current = '';
    setOpen(next);
    onOpenChange?.(next);
  };
  const pick = (text: string) => {
    const match = firstMatch(options, text, lookup !== undefined);
    if (match && match.value !== props.value) onChange?.(match.value, match);
  };
  /** Whether the options are those a search for `text` chooses from. */
  const ready = (text: string) => (lookup ? lookup.answers === text : !props.loading);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs as the list comes; ready and pick read this render's
  useEffect(() => {
    const text = awaited.current;
    if (text === null || !ready(text)) return;
    pick(text);
    setAwaited(null);
  }, [lookup?.answers, props.loading, options]);
  return (
    <Select<V, Item<V>>
      {...props}
      open={open}
      onOpenChange={toggle}
      popupRender={(list) => (
        // biome-ignore lint/a11y/noStaticElementInteractions: only notes that the pointer chose among the options
        <div onMouseMove={() => (moved.current = true)}>{list}</div>
      )}
      showSearch={{
        ...(lookup ? { filterOption: false } : { optionFilterProp: 'label' }),
        onSearch: (text) => {
          search.current = text;
          moved.current = false;
          // rc-select empties its input as the list closes: that neither cancels an awaited answer nor asks for another.
          if (!text && awaited.current !== null) return;
          setAwaited(null);
          lookup?.onSearch(text);
        },
      }}
      onInputKeyDown={(event) => {
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') moved.current = true;
        const picks = event.key === 'Enter' || event.key === 'Tab';
        if (picks && open && search.current && !moved.current) {
          // Before rc-select's own handler, which would take the stale active option.
          event.stopPropagation();
          if (event.key === 'Enter') event.preventDefault();
          if (ready(search.current)) pick(search.current);
          else setAwaited(search.current);
          toggle(false);
        }
        onInputKeyDown?.(event);
      }}
    />
  );
}
