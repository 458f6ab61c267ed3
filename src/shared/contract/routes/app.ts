import { z } from 'zod';
import { defineRoute } from '../route';
import { workstationSchema } from '../../domain/workstation';

export const appStatus = defineRoute({
  name: 'app.status',
  access: 'public',
  input: z.object({}).strict().optional(),
  output: z.object({
    /** true while no account exists: the renderer shows the first-admin setup screen */
    firstRun: z.boolean(),
    version: z.string(),
    workstation: workstationSchema,
    apiKeySet: z.boolean(),
    /** whether this transport is bound to a live session; the renderer uses it on (re)load */
    signedIn: z.boolean(),
  }),
});
