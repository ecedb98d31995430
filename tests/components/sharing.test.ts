// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ShareLink from '../../src/components/results/ShareLink.svelte';

const URL = 'https://example.org/result/#r1.AAAA';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('ShareLink', () => {
  it('shows the whole link in a read-only field and confirms a copy', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(ShareLink, { url: URL });
    const field = screen.getByRole('textbox', { name: 'Share link' });
    expect(field).toHaveValue(URL);
    expect(field).toHaveAttribute('readonly');
    await fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith(URL);
    await waitFor(() => {
      expect(screen.getByRole('status')).toHaveTextContent('Link copied.');
    });
  });

  it('selects the link and says how to copy it when the browser refuses', async () => {
    const writeText = vi.fn(() => Promise.reject(new Error('denied')));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(ShareLink, { url: URL });
    await fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    await waitFor(() => {
      expect(screen.getByRole('status')).toHaveTextContent('The link is selected');
    });
    const field = screen.getByRole<HTMLInputElement>('textbox', { name: 'Share link' });
    expect(field.selectionEnd! - field.selectionStart!).toBe(URL.length);
  });

  it('explains why there is no link, and offers no field or button', () => {
    render(ShareLink, { url: null, reason: 'A share link needs your role.' });
    expect(screen.getByText('A share link needs your role.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
