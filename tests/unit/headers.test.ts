import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Finding 10: the site could be framed, and only scripts and styles were limited. A <meta>
// policy cannot set frame-ancestors, so the headers for hosts ship in public/_headers, and the
// README gives the same headers for nginx.
const headersFile = readFileSync('public/_headers', 'utf8');
const readme = readFileSync('README.md', 'utf8');

/** Header name → value, from the `_headers` rules for every path. */
function headers(): Map<string, string> {
  const lines = headersFile.split('\n').filter((line) => /^\s+\S/.test(line));
  return new Map(
    lines.map((line) => {
      const [name = '', ...value] = line.trim().split(':');
      return [name, value.join(':').trim()];
    }),
  );
}

describe('response headers for hosts', () => {
  it('forbid framing and set the hardening headers for every path', () => {
    expect(headersFile).toMatch(/^\/\*$/m);
    const found = headers();
    const csp = found
      .get('Content-Security-Policy')
      ?.split(';')
      .map((d) => d.trim());
    expect(csp).toEqual(
      expect.arrayContaining([
        "frame-ancestors 'none'",
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ]),
    );
    expect(found.get('X-Frame-Options')).toBe('DENY');
    expect(found.get('X-Content-Type-Options')).toBe('nosniff');
    expect(found.get('Referrer-Policy')).toBe('no-referrer');
    expect(found.get('Permissions-Policy')).toContain('camera=()');
  });

  it('are the same in the README nginx snippet', () => {
    for (const [name, value] of headers()) {
      expect(readme, name).toContain(`add_header ${name} "${value}" always;`);
    }
  });
});
