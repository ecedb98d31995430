import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { bankSchema } from './lib/bank-schema';
import { PRACTICE_GROUP_IDS, PLAYBOOK_KINDS, ROLE_IDS } from './lib/playbook';

/** Who a page is for: one or more of the role paths. */
const roles = z.array(z.enum(ROLE_IDS)).min(1);

/**
 * The one thing to do after reading a page: a site path (checked at build time against the
 * pages that exist) and the words of the link.
 */
const nextStep = z.strictObject({
  /** Site path without the base, such as "/templates/call-guide/" or "/playbook/take-action/". */
  path: z.string().regex(/^\/[a-z0-9/-]*\/(#[a-z0-9-]+)?$/, 'a site path such as "/playbook/x/"'),
  /** The link text: what the reader will do there. */
  label: z.string().min(5).max(80),
});

/**
 * A playbook page: one Markdown file in content/playbook/. The file name (without .md) is the
 * page's slug and its URL under /playbook/.
 */
const playbook = defineCollection({
  loader: glob({ pattern: '*.md', base: './content/playbook' }),
  schema: z
    .strictObject({
      /** Page heading and the first part of the browser title. */
      title: z.string().min(3).max(70),
      /** Meta and Open Graph description: one or two sentences, 70 to 160 characters. */
      description: z.string().min(70).max(160),
      /** One line shown on the playbook index and the home page. */
      summary: z.string().min(20).max(160),
      /** "step" (the five steps), "practice" (the ten practices) or "insight" (supporting pages). */
      kind: z.enum(PLAYBOOK_KINDS),
      /** Position within its kind, starting at 1; steps are read in this order. */
      order: z.number().int().min(1),
      /** Practices only: the group it is listed under on the playbook index. */
      group: z.enum(PRACTICE_GROUP_IDS).optional(),
      /** Slugs of related playbook pages (file names without .md); each must exist. */
      related: z
        .array(z.string().regex(/^[a-z0-9-]+$/))
        .min(1)
        .max(4),
      /** Roles that lead this work; the page is listed on their role paths. */
      roles,
      /** The next step after reading the page. */
      next: nextStep,
    })
    .refine((page) => (page.kind === 'practice') === (page.group !== undefined), {
      message: 'a practice needs a "group"; steps and insights must not have one',
      path: ['group'],
    }),
});

/**
 * A question bank for the Culture Navigator: one YAML file per released version in
 * content/navigator/. Old versions stay so that a result is always scored with its own bank.
 * The schema, with a comment on every field, is in src/lib/bank-schema.ts.
 */
const navigator = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/navigator' }),
  schema: bankSchema,
});

/**
 * A template people print and fill in: one Markdown file in content/templates/, published at
 * /templates/<file name>/. The body is the guidance; `fields` become labelled boxes to fill in.
 */
const templates = defineCollection({
  loader: glob({ pattern: '*.md', base: './content/templates' }),
  schema: z.strictObject({
    title: z.string().min(3).max(70),
    description: z.string().min(70).max(160),
    /** One line shown on the templates index. */
    summary: z.string().min(20).max(160),
    /** Position on the templates index. */
    order: z.number().int().min(1),
    /** Roles that use it. */
    roles,
    /** Heading above the boxes to fill in. */
    fieldsTitle: z.string().min(3).max(60).default('Your notes'),
    /** Boxes to fill in, on screen or on paper: a label, an optional hint, and its height. */
    fields: z
      .array(
        z.strictObject({
          label: z.string().min(2).max(60),
          hint: z.string().min(3).max(140).optional(),
          /** Lines of writing space: 1 is a single-line box. */
          lines: z.number().int().min(1).max(12).default(1),
        }),
      )
      .max(16)
      .default([]),
  }),
});

/**
 * The roadmap and the role paths: Markdown files in content/guides/. "roadmap.md" is published
 * at /playbook/roadmap/; a file with a `role` at /playbook/roles/<role>/.
 */
const guides = defineCollection({
  loader: glob({ pattern: '*.md', base: './content/guides' }),
  schema: z.strictObject({
    title: z.string().min(3).max(70),
    description: z.string().min(70).max(160),
    summary: z.string().min(20).max(160),
    /** The role this path is for; absent on the roadmap. */
    role: z.enum(ROLE_IDS).optional(),
    /** The next step after reading it. */
    next: nextStep,
  }),
});

/**
 * The glossary: one YAML list in content/glossary.yaml, published at /glossary/ with an anchor
 * per term. The first use of a term on any Markdown page links to its definition.
 */
const glossary = defineCollection({
  loader: file('./content/glossary.yaml'),
  schema: z.strictObject({
    /** Anchor on /glossary/ ("net-promoter-score"); stable, since other sites may link to it. */
    id: z.string().regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and hyphens'),
    /** The term as shown. */
    term: z.string().min(2).max(60),
    /** Phrases that count as a use of the term in page text, matched whole, ignoring case. */
    match: z.array(z.string().min(2)).min(1),
    /** The definition, in plain sentences. */
    definition: z.string().min(40).max(900),
    /** Site path of the page that explains the idea at length (optional). */
    more: z
      .string()
      .regex(/^\/[a-z0-9/-]*\/$/)
      .optional(),
  }),
});

export const collections = { playbook, navigator, templates, guides, glossary };
