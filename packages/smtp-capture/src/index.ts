export { startMailCapture } from './capture';
export type { MailCapture, MailCaptureOptions } from './capture';
export type { CapturedMail } from './mail';
export { defaultMailDirectory } from './mail-directory';
export { readMailDirectory, type MailIndexEntry } from './mail-directory';
