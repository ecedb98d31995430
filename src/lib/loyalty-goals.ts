/**
 * Goals for the loyalty calculator: how far a target is from today's figure and how many
 * respondents each survey wave needs to tell the two apart (80 % power, 5 % significance). Pure.
 */
import { Z_95, type Estimate } from './loyalty-score';

/** 80th percentile of the standard normal distribution: 80 % power. */
export const Z_POWER_80 = 0.841621;

/** What a goal means for the next survey. */
export interface GoalPlan {
  /** Target minus today, in points. */
  distance: number;
  /**
   * Respondents needed in each of two survey waves (today's kind of survey and the next) to
   * tell the target from today's figure with 80 % power at 5 % significance; null when the
   * target equals today's figure.
   */
  perWave: number | null;
}

/**
 * Per-respondent standard deviation of net scores at a target net score, assuming the share of
 * passives stays as it is where that is possible, or shrinks as little as the target needs.
 */
export function netScoreSdAt(target: number, passiveShare: number): number {
  const t = Math.min(1, Math.max(-1, target / 100));
  const nonPassive = Math.max(1 - passiveShare, Math.abs(t));
  return Math.sqrt(Math.max(0, nonPassive - t * t)) * 100;
}

/**
 * Distance to a target and the respondents each wave needs to tell it from today's figure:
 * n = (1.96 + 0.84)² × (s₀² + s₁²) / (target − today)², with s₀ the standard deviation of
 * individual scores today and s₁ the one expected at the target.
 * @param targetSd s₁; for a net score see {@link netScoreSdAt}, for the index use today's
 */
export function planGoal(today: Estimate, target: number, targetSd: number): GoalPlan {
  const distance = target - today.value;
  if (Math.abs(distance) < 1e-9) return { distance: 0, perWave: null };
  const spread = today.sd ** 2 + targetSd ** 2;
  const needed = ((Z_95 + Z_POWER_80) ** 2 * spread) / distance ** 2;
  return { distance, perWave: Math.max(2, Math.ceil(needed - 1e-9)) };
}
