import { tick } from 'svelte';
import { closeWorkshop } from '../../stores/workshop';

/**
 * Closes the open workshop and moves focus to the list of workshops, since the button pressed
 * is no longer on the page.
 */
export async function showAllWorkshops(): Promise<void> {
  closeWorkshop();
  await tick();
  document.getElementById('saved-title')?.focus();
}
