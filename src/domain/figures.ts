// A return's figures: one number per component, or a numerator and denominator for ratio measures.
import { z } from 'zod';

export const RatioSchema = z.object({ numerator: z.number().min(0), denominator: z.number().positive() });
export const FigureSchema = z.union([z.number(), RatioSchema]);
export const FiguresSchema = z.record(z.string(), FigureSchema);

export type Ratio = z.infer<typeof RatioSchema>;
export type Figure = z.infer<typeof FigureSchema>;
export type Figures = z.infer<typeof FiguresSchema>;

/** The single number a figure stands for (a ratio as a percentage when the unit is percent). */
export function figureValue(f: Figure, asPercent: boolean): number {
  if (typeof f === 'number') return f;
  const v = f.numerator / f.denominator;
  return asPercent ? v * 100 : v;
}
