import { describe, expect, it } from 'vitest';
import {
  findLinkProblems,
  findUnlinked,
  markdownLinks,
  resolveLink,
} from '../../src/lib/content-links';

const site = {
  routes: new Set(['/playbook/train/', '/templates/call-guide/', '/glossary/', '/navigator/']),
  anchors: new Map([['/glossary/', new Set(['top-box'])]]),
};

describe('markdownLinks', () => {
  it('lists every link target in order, ignoring plain brackets', () => {
    expect(markdownLinks('See [a](../a/) and [b](https://x.org/) [not a link] (nor this)')).toEqual(
      ['../a/', 'https://x.org/'],
    );
  });
});

describe('resolveLink', () => {
  it('resolves relative links as a browser would, keeping the fragment', () => {
    expect(resolveLink('/playbook/train/', '../../glossary/#top-box')).toEqual({
      href: '../../glossary/#top-box',
      path: '/glossary/',
      hash: 'top-box',
    });
    expect(resolveLink('/playbook/roles/manager/', '../../take-action/')?.path).toBe(
      '/playbook/take-action/',
    );
  });

  it('leaves links to other sites alone', () => {
    expect(resolveLink('/playbook/train/', 'https://example.org/')).toBeUndefined();
    expect(resolveLink('/playbook/train/', 'mailto:someone@example.org')).toBeUndefined();
    expect(resolveLink('/playbook/train/', '//example.org/x')).toBeUndefined();
  });
});

describe('findLinkProblems', () => {
  const doc = (body: string) => ({ file: 'content/playbook/x.md', path: '/playbook/x/', body });

  it('accepts links to pages and anchors that exist', () => {
    expect(
      findLinkProblems(
        [
          doc(
            '[t](../train/) [g](../../glossary/#top-box) [n](../../navigator/#x) [e](https://e.org)',
          ),
        ],
        site,
      ),
    ).toEqual([]);
  });

  it('names the file and the link that reaches no page', () => {
    expect(findLinkProblems([doc('[gone](../gone/)')], site)).toEqual([
      'content/playbook/x.md: link "../gone/" reaches /playbook/gone/, which is not a page',
    ]);
  });

  it('reports a glossary anchor that does not exist', () => {
    expect(findLinkProblems([doc('[t](../../glossary/#nps)')], site)).toEqual([
      'content/playbook/x.md: link "../../glossary/#nps" names #nps, which /glossary/ lacks',
    ]);
  });

  it('refuses site-absolute links, which break under a sub-path', () => {
    expect(findLinkProblems([doc('[t](/playbook/train/)')], site)).toEqual([
      'content/playbook/x.md: link "/playbook/train/" starts with "/"; write it relative ("../")',
    ]);
  });
});

describe('findUnlinked', () => {
  const required = [
    { file: 'content/templates/call-guide.md', path: '/templates/call-guide/' },
    { file: 'content/templates/other.md', path: '/templates/other/' },
  ];

  it('names every required page that no other page links to', () => {
    const docs = [
      { file: 'a.md', path: '/playbook/a/', body: '[call](../../templates/call-guide/)' },
      // A page linking to itself does not count.
      { file: 'content/templates/other.md', path: '/templates/other/', body: '[me](../other/)' },
    ];
    expect(findUnlinked(docs, required)).toEqual([
      'content/templates/other.md: no page links to /templates/other/; link it where it is needed',
    ]);
  });
});
