/**
 * The listening plan (/tools/listening-plan/): where an organisation listens to prospects,
 * customers and employees, how, when, who owns each point, how fast an individual problem gets
 * an answer and where the combined results go; and the gaps in it. Pure: schema, the suggested
 * starting set, the gap finder.
 */
import * as v from 'valibot';

/** The three voices of the relationship. */
export const VOICES = ['prospect', 'customer', 'employee'] as const;
/** Whose voice a listening point hears. */
export type Voice = (typeof VOICES)[number];
/** Headings of the voices. */
export const VOICE_LABELS: Record<Voice, string> = {
  prospect: 'Before they are customers',
  customer: 'While they are customers',
  employee: 'Employees who serve customers',
};

/** Ways of listening. */
export const METHODS = ['survey', 'interview', 'focus-group', 'review', 'other'] as const;
/** How a point listens. */
export type Method = (typeof METHODS)[number];
/** Labels of the methods. */
export const METHOD_LABELS: Record<Method, string> = {
  survey: 'Survey',
  interview: 'Interview',
  'focus-group': 'Focus group',
  review: 'Review (of records, calls or reviews)',
  other: 'Other',
};

/** How fast one person's problem raised at a point gets a response. */
export const RESPONSE_TIMES = ['day', 'two-days', 'week', 'longer', 'none'] as const;
/** A response time. */
export type ResponseTime = (typeof RESPONSE_TIMES)[number];
/** Labels of the response times. */
export const RESPONSE_LABELS: Record<ResponseTime, string> = {
  day: 'Within a working day',
  'two-days': 'Within two working days',
  week: 'Within a week',
  longer: 'Longer than a week',
  none: 'Nobody gets back to them',
};

/** Most points in a plan. */
export const MAX_POINTS = 60;
/** Longest text field. */
export const MAX_TEXT = 200;

const text = v.pipe(v.string(), v.maxLength(MAX_TEXT));

const pointSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/)),
  voice: v.picklist(VOICES),
  /** The moment listened at, such as "Lost deals" or "Renewals". */
  moment: text,
  method: v.picklist(METHODS),
  timing: text,
  owner: text,
  response: v.picklist(RESPONSE_TIMES),
  /** Where the combined results go, such as "Monthly leadership review". */
  destination: text,
});

/** Schema of a listening plan, for storage and imported files. */
export const planSchema = v.object({
  name: text,
  points: v.pipe(v.array(pointSchema), v.maxLength(MAX_POINTS)),
});

/** One listening point. */
export type ListeningPoint = v.InferOutput<typeof pointSchema>;
/** A listening plan. */
export type ListeningPlan = v.InferOutput<typeof planSchema>;

/** Validates a stored plan; null when it is not valid. */
export function parsePlan(raw: unknown): ListeningPlan | null {
  const result = v.safeParse(planSchema, raw);
  return result.success ? result.output : null;
}

type Suggestion = Omit<ListeningPoint, 'id' | 'owner' | 'destination'>;

/** The suggested starting set: the moments across the relationship most worth hearing. */
export const SUGGESTED_POINTS: readonly Suggestion[] = [
  {
    voice: 'prospect',
    moment: 'Lost deals',
    method: 'interview',
    timing: 'Within two weeks of the decision',
    response: 'week',
  },
  {
    voice: 'prospect',
    moment: 'Won deals',
    method: 'survey',
    timing: 'When the contract is signed',
    response: 'week',
  },
  {
    voice: 'prospect',
    moment: 'Trials that did not convert',
    method: 'survey',
    timing: 'When the trial ends',
    response: 'week',
  },
  {
    voice: 'customer',
    moment: 'Onboarding',
    method: 'survey',
    timing: '30 days after the start',
    response: 'two-days',
  },
  {
    voice: 'customer',
    moment: 'After key transactions',
    method: 'survey',
    timing: 'Right after each one',
    response: 'two-days',
  },
  {
    voice: 'customer',
    moment: 'Support cases',
    method: 'survey',
    timing: 'When a case is closed',
    response: 'day',
  },
  {
    voice: 'customer',
    moment: 'Renewals',
    method: 'interview',
    timing: 'Three months before renewal',
    response: 'week',
  },
  {
    voice: 'customer',
    moment: 'Cancellations and unsubscribes',
    method: 'survey',
    timing: 'When they leave',
    response: 'two-days',
  },
  {
    voice: 'employee',
    moment: 'What gets in the way of serving customers',
    method: 'survey',
    timing: 'Every quarter',
    response: 'week',
  },
  {
    voice: 'employee',
    moment: 'Front-line round table',
    method: 'focus-group',
    timing: 'Twice a year',
    response: 'week',
  },
];

/** A plan made of the suggested points, with no owners or destinations yet. */
export function suggestedPlan(): ListeningPlan {
  return {
    name: 'Our listening plan',
    points: SUGGESTED_POINTS.map((point, index) => ({
      ...point,
      id: `l-${index + 1}`,
      owner: '',
      destination: '',
    })),
  };
}

/** The kinds of gap a plan can have. */
export type GapKind = 'voice' | 'owner' | 'loop' | 'aggregate';

/** A gap in the plan, what it means, and the playbook page that helps close it. */
export interface Gap {
  kind: GapKind;
  text: string;
  playbook: string;
  /** The points concerned (none for a voice not heard at all). */
  points: ListeningPoint[];
}

const named = (point: ListeningPoint): string => point.moment.trim() || 'An unnamed point';

/**
 * The gaps in a plan, in this order: each voice not heard at all; points with no owner;
 * points where no one gets back to a prospect or customer who raised a problem; points whose
 * results go nowhere (or, when none of them go anywhere, that nothing is aggregated).
 */
export function findGaps(plan: ListeningPlan): Gap[] {
  const gaps: Gap[] = [];
  for (const voice of VOICES) {
    if (!plan.points.some((point) => point.voice === voice)) {
      gaps.push({
        kind: 'voice',
        text: `No one listens ${
          voice === 'prospect'
            ? 'to prospects: you learn nothing from the deals you lose or the trials that go nowhere'
            : voice === 'customer'
              ? 'to customers while they are customers'
              : 'to employees about what gets in the way of serving customers'
        }.`,
        playbook: 'listen-for-strengths-and-weaknesses',
        points: [],
      });
    }
  }
  const unowned = plan.points.filter((point) => point.owner.trim() === '');
  if (unowned.length > 0) {
    gaps.push({
      kind: 'owner',
      text: `${unowned.length === 1 ? '1 point has' : `${unowned.length} points have`} no owner, so no one is answerable for acting on what is heard: ${unowned.map(named).join(', ')}.`,
      playbook: 'connect-feedback-to-action',
      points: unowned,
    });
  }
  const noLoop = plan.points.filter(
    (point) => point.voice !== 'employee' && point.response === 'none',
  );
  if (noLoop.length > 0) {
    gaps.push({
      kind: 'loop',
      text: `${noLoop.length === 1 ? '1 point never gets' : `${noLoop.length} points never get`} back to the person who raised a problem, which loses the chance to put it right or at least to apologise: ${noLoop.map(named).join(', ')}.`,
      playbook: 'why-feedback-is-ignored',
      points: noLoop,
    });
  }
  const nowhere = plan.points.filter((point) => point.destination.trim() === '');
  if (plan.points.length > 0 && nowhere.length === plan.points.length) {
    gaps.push({
      kind: 'aggregate',
      text: 'Nothing is aggregated: no point says where its combined results go, so patterns stay invisible and results never reach the people who could act.',
      playbook: 'connect-feedback-to-action',
      points: nowhere,
    });
  } else if (nowhere.length > 0) {
    gaps.push({
      kind: 'aggregate',
      text: `The combined results of ${nowhere.length === 1 ? '1 point go' : `${nowhere.length} points go`} nowhere: ${nowhere.map(named).join(', ')}.`,
      playbook: 'connect-feedback-to-action',
      points: nowhere,
    });
  }
  return gaps;
}
