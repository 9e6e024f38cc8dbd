import pino, { type Logger } from 'pino'

/**
 * Field names that may carry a credential anywhere in a log record. The register never logs its
 * tokens on purpose; this is the net under that rule (test/security/secretsNotLogged.test.ts
 * checks the rule itself over a full enroll and sync).
 */
export const redactedPaths = [
  'accessToken',
  'refreshToken',
  'enrollmentCode',
  'authorization',
  'token',
  '*.accessToken',
  '*.refreshToken',
  '*.enrollmentCode',
  '*.authorization',
  '*.token',
  'headers.authorization',
  '*.headers.authorization',
]

/** JSON lines in the platform's log folder; synchronous writes so a crash loses nothing. */
export function openMainLog(
  file: string,
  level = process.env.AURAFLOW_LOG_LEVEL ?? 'info',
): Logger {
  return pino(
    { level, base: { pid: process.pid }, redact: { paths: redactedPaths, censor: '[redacted]' } },
    pino.destination({ dest: file, mkdir: true, sync: true }),
  )
}
