import { Select, type SelectProps } from 'antd';
import { useRef, useState } from 'react';

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
type Props<V> = Omit<SelectProps<V, Item<V>>, 'showSearch' | 'open' | 'optionFilterProp'> & {
  options: Item<V>[];
};

/** What the list shows first for a search: rc-select's own filter (labels holding the text, any case). */
function firstMatch<V>(options: Item<V>[], search: string): SearchOption<V> | undefined {
  const wanted = search.toUpperCase();
  const holds = (label: string) => label.toUpperCase().includes(wanted);
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
 * over the list it is rc-select's.
 */
export function SearchSelect<V extends string | number>(props: Props<V>) {
  const { options, onOpenChange, onInputKeyDown, onChange } = props;
  const [open, setOpen] = useState(false);
  const search = useRef('');
  /** Whether the arrows (or the mouse) have moved through the list since the last keystroke of the search. */
  const moved = useRef(false);
  const toggle = (next: boolean) => {
    if (!next) search.current = '';
    setOpen(next);
    onOpenChange?.(next);
  };
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
        optionFilterProp: 'label',
        onSearch: (text) => {
          search.current = text;
          moved.current = false;
        },
      }}
      onInputKeyDown={(event) => {
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') moved.current = true;
        const picks = event.key === 'Enter' || event.key === 'Tab';
        if (picks && open && search.current && !moved.current) {
          // Before rc-select's own handler, which would take the stale active option.
          event.stopPropagation();
          if (event.key === 'Enter') event.preventDefault();
          const match = firstMatch(options, search.current);
          if (match && match.value !== props.value) onChange?.(match.value, match);
          toggle(false);
        }
        onInputKeyDown?.(event);
      }}
    />
  );
}
