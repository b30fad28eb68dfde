import { z } from 'zod';
import { email, password } from './auth';

/** Ask for a reset link. The answer is the same whether or not the address has an account. */
export const passwordResetRequestBody = z.object({ email });
export type PasswordResetRequestBody = z.infer<typeof passwordResetRequestBody>;

/** Set a new password with the token from the link (it arrives in the link's #fragment, never in a URL the server sees). */
export const passwordResetBody = z.object({ token: z.string().min(20).max(200), password });
export type PasswordResetBody = z.infer<typeof passwordResetBody>;
