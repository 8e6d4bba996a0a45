// A write that met a unique key someone else wrote first (Prisma's P2002): on both databases the sign
// that another request or instance got there first, which callers treat as "already done".
import { Prisma } from '../generated/prisma/client.js';

export const isUniqueClash = (e: unknown): boolean =>
  e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002';
