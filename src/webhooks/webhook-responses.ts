/** A refusal whose body names the reason and the usual mistake (Twilio's debugger shows it), never a secret. */
export function refusal(status: 400 | 403 | 405 | 413 | 500, reason: string, message: string): Response {
  const headers: Record<string, string> = status === 405 ? { allow: 'POST' } : {};
  return Response.json({ error: { reason, message } }, { status, headers });
}
