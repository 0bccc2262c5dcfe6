import nodemailer from 'nodemailer';
import type { MailCapture } from '../src';

/** A real SMTP client for the capture: one connection per mail, as `createTransport(SMTP_URL)` does. */
export function clientOf(capture: MailCapture) {
  return nodemailer.createTransport(capture.url);
}

/** A plain mail to `to`, with one link in its text. */
export function simpleMail(
  to: string,
  subject: string,
  link = `https://lattice.test/${encodeURIComponent(subject)}`,
) {
  return { from: 'no-reply@lattice.test', to, subject, text: `Hello, follow ${link}` };
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, but the promise resolved');
}
