// A return's figures: one number per component, a numerator and denominator for ratio measures, or a
// position and the size of the comparison group for rank measures.
import { z } from 'zod';

export const RatioSchema = z.object({ numerator: z.number().min(0), denominator: z.number().positive() });
/** "Ranked 5th best out of 15": the group's size is kept with the position, since groups change. */
export const RankSchema = z.object({ position: z.number(), groupSize: z.number() });
export const FigureSchema = z.union([z.number(), RatioSchema, RankSchema]);
export const FiguresSchema = z.record(z.string(), FigureSchema);

export type Ratio = z.infer<typeof RatioSchema>;
export type Rank = z.infer<typeof RankSchema>;
export type Figure = z.infer<typeof FigureSchema>;
export type Figures = z.infer<typeof FiguresSchema>;

export const isRank = (f: Figure): f is Rank => typeof f === 'object' && 'position' in f;
export const isRatio = (f: Figure): f is Ratio => typeof f === 'object' && 'numerator' in f;

/** The single number a figure stands for (a ratio as a percentage when the unit is percent, a rank's position). */
export function figureValue(f: Figure, asPercent: boolean): number {
  if (typeof f === 'number') return f;
  if (isRank(f)) return f.position;
  const v = f.numerator / f.denominator;
  return asPercent ? v * 100 : v;
}
