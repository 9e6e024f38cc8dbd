import type { FieldErrors } from './productForm'

/** Ties a field to its message: red outline and the message read out with the field. */
export function errorProps(errors: FieldErrors, path: string, baseId: string) {
  const message = errors[path]
  return {
    'aria-invalid': message !== undefined,
    'aria-describedby': message === undefined ? undefined : messageId(baseId, path),
  }
}

function messageId(baseId: string, path: string): string {
  return `${baseId}-${path.replaceAll('.', '-')}`
}

export function FieldMessage({
  errors,
  path,
  baseId,
}: {
  errors: FieldErrors
  path: string
  baseId: string
}) {
  const message = errors[path]
  if (message === undefined) return null
  return (
    <p id={messageId(baseId, path)} className="field-hint field-hint-error catalog-field-error">
      {message}
    </p>
  )
}
