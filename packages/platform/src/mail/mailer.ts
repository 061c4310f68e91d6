/** One plain-text e-mail. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail (the password reset link). Only the SMTP adapter exists; without SMTP_URL there is no mailer. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
