import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { bankSchema } from './lib/bank-schema';
import { PRACTICE_GROUP_IDS, PLAYBOOK_KINDS } from './lib/playbook';

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

export const collections = { playbook, navigator };
