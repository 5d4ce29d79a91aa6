/**
 * Errors the server produces itself use the API's one documented error body, so the
 * dashboard reads ours and the upstream's the same way.
 */

const REASONS = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
} as const;

export type ForwarderErrorStatus = keyof typeof REASONS;

export function apiErrorResponse(
  status: ForwarderErrorStatus,
  message: string,
  path: string,
  headers: Record<string, string> = {},
): Response {
  const body = {
    error: REASONS[status],
    message,
    path,
    status,
    timestamp: new Date().toISOString(),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  });
}
