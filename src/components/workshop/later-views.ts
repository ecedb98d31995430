/**
 * Parts of the workshop page that its first screen does not need: the questionnaire a
 * participant answers and the team view shown at the end. The page starts loading them as it
 * mounts.
 */
export { default as ParticipantFlow } from './ParticipantFlow.svelte';
export { default as WorkshopTeam } from './WorkshopTeam.svelte';
