/**
 * Loads part of an island when it is first needed and hands over the module, or 'failed' when
 * it cannot load (the island then says so). Plain import() rather than {#await}, which would add
 * Svelte's await block to the runtime every island loads at start.
 */
export function loadLater<T>(
  importer: () => Promise<T>,
  done: (module: T | 'failed') => void,
): void {
  importer().then(done, () => {
    done('failed');
  });
}
