import { describe, expect, it } from 'vitest';
import {
  ABOUT_YOU,
  RESULTS,
  firstSection,
  fragmentFor,
  nextStep,
  positionOf,
  previousScreen,
  progressText,
  resultsScreen,
  screenFor,
  shownScreens,
} from '../../src/lib/navigator-path';
import { testBank, testBankV2 } from '../fixtures/test-bank';

const bank = testBank();

describe('addresses of screens', () => {
  it('names every screen and reads every name back', () => {
    expect(resultsScreen(bank)).toBe(5);
    const names = [0, 1, 2, 3, 4, 5].map((screen) => fragmentFor(bank, screen));
    expect(names).toEqual([ABOUT_YOU, 'lead', 'listen', 'train', 'cheer', RESULTS]);
    for (const [screen, name] of names.entries()) {
      expect(screenFor(bank, name)).toBe(screen);
      expect(screenFor(bank, `#${name}`)).toBe(screen);
    }
  });

  it('treats out-of-range screens as the ends, and unknown names as no screen', () => {
    expect(fragmentFor(bank, -2)).toBe(ABOUT_YOU);
    expect(fragmentFor(bank, 9)).toBe(RESULTS);
    expect(screenFor(bank, '')).toBeNull();
    expect(screenFor(bank, '#r1.AAAA')).toBeNull();
    expect(screenFor(bank, '#Lead')).toBeNull();
  });
});

describe('the sections a role is shown', () => {
  it('shows every section with a statement the role can judge', () => {
    const v2 = testBankV2();
    expect(shownScreens(v2, 'frontline')).toEqual([1, 2, 3, 4]);
    for (const statement of v2.dimensions[1]?.statements ?? []) statement.judges = ['executive'];
    expect(shownScreens(v2, 'frontline')).toEqual([1, 3, 4]);
    expect(shownScreens(v2, 'executive')).toEqual([1, 2, 3, 4]);
    // Before a role is chosen, nothing is hidden.
    expect(shownScreens(v2, null)).toEqual([1, 2, 3, 4]);
  });
});

describe('Next and Back', () => {
  const shown = [1, 2, 3, 4];

  it('follows bank order and finishes after the last section', () => {
    expect(firstSection(shown, new Set())).toBe(1);
    expect(nextStep(shown, new Set([1]), 1)).toBe(2);
    expect(nextStep(shown, new Set([1, 2, 3]), 3)).toBe(4);
    expect(nextStep(shown, new Set([1, 2, 3, 4]), 4)).toBe('finish');
  });

  it('goes on in order after going back a section, while sections remain unseen', () => {
    expect(nextStep(shown, new Set([1, 2, 3]), 2)).toBe(3);
    expect(nextStep(shown, new Set([1, 2, 3]), 1)).toBe(2);
  });

  it('wraps round to the unseen sections after a link into the middle', () => {
    expect(nextStep(shown, new Set([3]), 3)).toBe(4);
    expect(nextStep(shown, new Set([3, 4]), 4)).toBe(1);
    expect(nextStep(shown, new Set([1, 3, 4]), 1)).toBe(2);
    expect(nextStep(shown, new Set([1, 2, 3, 4]), 2)).toBe('finish');
  });

  it('offers the finish from any section once every section has been seen', () => {
    expect(nextStep(shown, new Set(shown), 2)).toBe('finish');
    // After "About you", a finished run starts again from the first section.
    expect(firstSection(shown, new Set(shown))).toBe(1);
    expect(firstSection(shown, new Set([1, 2]))).toBe(3);
    expect(firstSection([], new Set())).toBe(0);
  });

  it('never leads to a section the role is not shown', () => {
    expect(nextStep([1, 3, 4], new Set([1]), 1)).toBe(3);
    expect(nextStep([1, 3, 4], new Set([1, 3, 4]), 4)).toBe('finish');
  });

  it('goes back through the shown sections to "About you"', () => {
    expect(previousScreen([1, 3, 4], 4)).toBe(3);
    expect(previousScreen([1, 3, 4], 3)).toBe(1);
    expect(previousScreen([1, 3, 4], 1)).toBe(0);
    expect(previousScreen([1, 3, 4], 5)).toBe(4);
  });

  it('numbers a screen among the shown sections', () => {
    expect(positionOf([1, 3, 4], 3)).toBe(2);
    expect(positionOf([1, 3, 4], 0)).toBe(0);
  });
});

describe('progressText', () => {
  const shown = [1, 2, 4];
  it('places "About you" before the first section', () => {
    expect(progressText(shown, 0, 3, false, null)).toBe('About you, before section 1 of 3');
  });
  it('counts sections among those shown and says how many are not seen yet', () => {
    expect(progressText(shown, 4, 1, true, null)).toBe('Section 3 of 3, 1 not seen yet');
    expect(progressText(shown, 2, 0, true, null)).toBe('Section 2 of 3');
  });
  it('on the results, says how many sections could be scored', () => {
    expect(progressText(shown, 5, 0, false, { scored: 3, shown: 3 })).toBe(
      'Results: all 3 sections scored',
    );
    expect(progressText(shown, 5, 0, false, { scored: 2, shown: 3 })).toBe(
      'Results: 2 of 3 sections scored',
    );
    expect(progressText(shown, 5, 0, false, null)).toBe('');
  });
});
