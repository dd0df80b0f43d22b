/** The text of a verification code message: short, code first (phones show it in the notification). */
export function verificationCodeSms(input: { appName: string; code: string; expiresInMinutes: number }): string {
  return `${input.code} is your ${input.appName} verification code. It expires in ${input.expiresInMinutes} minutes.`;
}
