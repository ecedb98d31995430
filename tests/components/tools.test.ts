// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Library = typeof import('@testing-library/svelte');
let library: Library;
// Bound to the module instance of each test, so every test starts with fresh stores.
let fireEvent: Library['fireEvent'];
let screen: Library['screen'];
let within: Library['within'];

const titles = {
  'take-action': 'Take action',
  'connect-feedback-to-action': 'Connect feedback to action',
  'listen-for-strengths-and-weaknesses': 'Identify strengths and weaknesses by listening',
  'why-feedback-is-ignored': 'Why organisations ignore feedback',
  'focus-on-the-positives': 'Focus on the positives',
};

beforeEach(async () => {
  localStorage.clear();
  // Fresh stores for each test: the stores, Svelte and the testing library are loaded again
  // together, so the components and the runtime that mounts them are the same instance.
  vi.resetModules();
  library = await import('@testing-library/svelte');
  ({ fireEvent, screen, within } = library);
});

afterEach(() => {
  library.cleanup();
  vi.restoreAllMocks();
});

async function renderWows() {
  const { default: WowsTool } = await import('../../src/components/tools/wows/WowsTool.svelte');
  return library.render(WowsTool, { titles });
}

async function renderPlan() {
  const { default: ListeningTool } =
    await import('../../src/components/tools/listening/ListeningTool.svelte');
  return library.render(ListeningTool, { titles });
}

describe('wows and woes worksheet', () => {
  it('ranks a pain point once we and a competitor are rated, with the matching action', async () => {
    await renderWows();
    const behind = await screen.findByRole('region', { name: 'Where we fall behind' });
    expect(within(behind).getByText(/Nothing yet/)).toBeInTheDocument();
    await fireEvent.input(screen.getByLabelText('Pain point', { exact: true }), {
      target: { value: 'Refunds take weeks' },
    });
    await fireEvent.change(screen.getByLabelText('How much it matters'), {
      target: { value: '5' },
    });
    await fireEvent.change(screen.getByLabelText('Us'), { target: { value: 'woe' } });
    await fireEvent.change(screen.getByLabelText('Competitor A'), { target: { value: 'neutral' } });
    const item = within(behind).getByRole('listitem');
    expect(item).toHaveTextContent(
      /Refunds take weeks.*matters a great deal; we are a woe, Competitor A does better/,
    );
    expect(within(item).getByRole('link', { name: 'Take action' })).toHaveAttribute(
      'href',
      '/playbook/take-action/',
    );
    expect(JSON.parse(localStorage.getItem('ccn:tools:wows-and-woes') ?? '{}')).toMatchObject({
      sheets: [{ segments: [{ pains: [{ text: 'Refunds take weeks', us: 'woe' }] }] }],
    });
  });

  it('adds and removes segments, pain points and competitors, moving focus to the new field', async () => {
    await renderWows();
    await fireEvent.click(await screen.findByRole('button', { name: 'Add a segment' }));
    await vi.waitFor(() => {
      expect(
        screen.getByLabelText('Segment name', { selector: '#segment-s-2-name' }),
      ).toHaveFocus();
    });
    expect(screen.getAllByRole('heading', { name: /^Segment:/ })).toHaveLength(2);
    await fireEvent.click(screen.getByRole('button', { name: 'Add a competitor' }));
    await vi.waitFor(() => {
      expect(screen.getByDisplayValue('Competitor B')).toHaveFocus();
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Remove the segment Segment 2' }));
    expect(screen.getAllByRole('heading', { name: /^Segment:/ })).toHaveLength(1);
    await fireEvent.click(screen.getByRole('button', { name: 'Remove Pain point 1' }));
    expect(screen.getByText('No pain points yet.')).toBeInTheDocument();
  });

  it('warns when the saved worksheets are damaged, and starts afresh on request', async () => {
    localStorage.setItem('ccn:tools:wows-and-woes', '{"active": 4}');
    await renderWows();
    expect(await screen.findByRole('alert')).toHaveTextContent(/could not be read/);
    const discard = await screen.findByRole('button', {
      name: 'Discard the damaged copy and save again',
    });
    await fireEvent.click(discard);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('listening plan', () => {
  it('starts from the suggestions and updates the gaps as owners are filled in', async () => {
    await renderPlan();
    const gaps = await screen.findByRole('region', { name: 'Gaps in the plan' });
    expect(gaps).toHaveTextContent('10 points have no owner');
    const lost = screen.getByRole('group', { name: 'Lost deals' });
    await fireEvent.input(within(lost).getByLabelText('Owner'), { target: { value: 'Sales' } });
    expect(gaps).toHaveTextContent('9 points have no owner');
    await fireEvent.change(within(lost).getByLabelText('An individual problem gets a response'), {
      target: { value: 'none' },
    });
    expect(
      within(gaps).getByRole('link', { name: 'Why organisations ignore feedback' }),
    ).toBeVisible();
  });

  it('adds a point under a voice and focuses it; removing the last shows the gap', async () => {
    await renderPlan();
    await screen.findByRole('region', { name: 'Gaps in the plan' });
    await fireEvent.click(screen.getByRole('button', { name: /Add a point \(employees/ }));
    expect(screen.getByRole('group', { name: 'New listening point' })).toBeInTheDocument();
    const employees = screen.getByRole('region', { name: /Employees who serve customers \(3\)/ });
    for (const button of within(employees).getAllByRole('button', { name: /^Remove/ })) {
      await fireEvent.click(button);
    }
    expect(within(employees).getByText('No listening points here yet.')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Gaps in the plan' })).toHaveTextContent(
      'No one listens to employees',
    );
  });

  it('says when nothing can be saved', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    await renderPlan();
    expect(await screen.findByRole('alert')).toHaveTextContent(/Nothing is being saved/);
    vi.restoreAllMocks();
  });
});
