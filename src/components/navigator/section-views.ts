/**
 * Parts of the questionnaire that the first screen's questions do not need: the section screen,
 * the notice shown when answers cannot be saved, and Start over with its dialog. The island
 * starts loading them as it mounts, alongside the question bank, so they are there by the time
 * the bank is (and long before anyone presses Next).
 */
export { default as DimensionScreen } from './DimensionScreen.svelte';
export { default as StorageNotice } from './StorageNotice.svelte';
export { default as StartOver } from './StartOver.svelte';
