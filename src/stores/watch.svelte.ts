/**
 * A nanostores store as Svelte state, for components: `watch(store).value` follows the store.
 * Used instead of Svelte's `$store` syntax, whose runtime support would otherwise be part of
 * the runtime chunk that every island, the questionnaire's included, loads at start.
 */
import type { ReadableAtom } from 'nanostores';

/** Follows a store while the component that calls this is mounted. */
export function watch<T>(store: ReadableAtom<T>): { readonly value: T } {
  let value = $state.raw(store.get());
  $effect.pre(() =>
    store.subscribe((next) => {
      value = next;
    }),
  );
  return {
    get value() {
      return value;
    },
  };
}
