/**
 * The views the finish leads to, in one chunk loaded when the respondent first asks for the
 * results: the results screen, or the list of sections that still need answers.
 */
export { default as MissingAnswers } from './MissingAnswers.svelte';
export { default as Results } from './Results.svelte';
