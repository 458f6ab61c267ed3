import { z } from 'zod';

/**
 * Which workstation a job or media item came from. Captured by main from the operating system,
 * never accepted from the renderer (the previous system trusted a forgeable client IP).
 */
export const workstationSchema = z.object({
  hostName: z.string(),
  osUser: z.string(),
  /** primary non-internal IPv4 address, or null when the machine has none (offline) */
  ipv4: z.string().nullable(),
});

export type WorkstationIdentity = z.infer<typeof workstationSchema>;
