/**
 * What the questionnaire loads for an invitation, and only then: the view (banner, question,
 * sending the result back) and the action that opens an invitation from the address.
 */
export { default as Invited } from './Invited.svelte';
export { openInvitation } from '../../stores/invitation';
