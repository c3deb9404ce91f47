import { createContext, useState } from 'react';

/**
 * The picks a form's selects still wait for (an Enter typed before the list it chooses from came): the
 * form's submit waits for them, so a person who types a name, presses Enter and at once submits sends the
 * person they named, not an empty field.
 */
export class PendingPicks {
  private readonly waits = new Set<Promise<void>>();

  /** Note a pick on its way; it is waited for until it settles. */
  track(wait: Promise<void>): void {
    this.waits.add(wait);
    void wait.finally(() => this.waits.delete(wait));
  }

  /** Whether a pick is on its way. */
  get busy(): boolean {
    return this.waits.size > 0;
  }

  /** Resolves once no pick is on its way (those noted meanwhile included). */
  async settled(): Promise<void> {
    while (this.waits.size) await Promise.allSettled([...this.waits]);
  }
}

/** The pending picks of the form around a select; none outside a form that waits for them. */
export const PendingPicksContext = createContext<PendingPicks | null>(null);

/** A form's own pending picks, the same on every render. */
export const usePendingPicks = (): PendingPicks => useState(() => new PendingPicks())[0];
