import { describe, expect, it } from 'vitest';
import { SITE, pageTitle, withBase } from '../../src/lib/site';

describe('withBase', () => {
  it.each([
    ['/', '/playbook/', '/playbook/'],
    ['/', 'playbook/', '/playbook/'],
    ['/ccn/', '/playbook/', '/ccn/playbook/'],
    ['/ccn', '/playbook/', '/ccn/playbook/'],
    ['/ccn/', '/', '/ccn/'],
    ['', '/privacy/', '/privacy/'],
  ])('joins base %j and path %j as %j', (base, path, expected) => {
    expect(withBase(base, path)).toBe(expected);
  });
});

describe('pageTitle', () => {
  it('puts the page before the site name', () => {
    expect(pageTitle('Take action')).toBe(`Take action · ${SITE.name}`);
  });

  it('uses the bare site name for the home page', () => {
    expect(pageTitle(undefined)).toBe(SITE.name);
    expect(pageTitle(SITE.name)).toBe(SITE.name);
  });
});
