import { type ComponentType, lazy } from 'react';

/**
 * A component that is not part of the first page: its chunk is fetched when first rendered, or
 * earlier by `prefetch` (call it when the pointer or focus reaches what opens it, so that the chunk
 * is usually here by the click).
 */
// biome-ignore lint/suspicious/noExplicitAny: React.lazy's own bound; props are checked where the component is used
export function onDemand<C extends ComponentType<any>>(load: () => Promise<{ default: C }>) {
  return {
    Component: lazy(load),
    // A failed early fetch is no error yet: rendering asks again.
    prefetch: () => void load().catch(() => undefined),
  };
}
