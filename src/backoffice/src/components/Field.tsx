import { useId, type ReactNode } from 'react'

interface FieldShellProps {
  label: string
  hint?: string | undefined
  error?: string | undefined
  children: (ids: { inputId: string; describedBy: string | undefined }) => ReactNode
}

/** A label, the control, and under it either the field's error or its hint. */
function FieldShell({ label, hint, error, children }: FieldShellProps) {
  const inputId = useId()
  const messageId = useId()
  const message = error ?? hint
  return (
    <div className="field">
      <label className="field-label" htmlFor={inputId}>
        {label}
      </label>
      {children({ inputId, describedBy: message ? messageId : undefined })}
      {message ? (
        <p id={messageId} className={error ? 'field-hint field-hint-error' : 'field-hint'}>
          {message}
        </p>
      ) : null}
    </div>
  )
}

interface TextFieldProps {
  /** The body field it edits: server issues name it in `issues[].path`. */
  name: string
  label: string
  value: string
  onChange: (value: string) => void
  error?: string | undefined
  hint?: string | undefined
  type?: 'text' | 'email' | 'password' | 'tel' | 'date'
  autoComplete?: string
  isRequired?: boolean
  isReadOnly?: boolean
  maxLength?: number
  dir?: 'ltr' | 'rtl' | 'auto'
}

export function TextField({
  name,
  label,
  value,
  onChange,
  error,
  hint,
  type = 'text',
  autoComplete,
  isRequired,
  isReadOnly,
  maxLength,
  dir,
}: TextFieldProps) {
  return (
    <FieldShell label={label} hint={hint} error={error}>
      {({ inputId, describedBy }) => (
        <input
          id={inputId}
          name={name}
          className="field-input"
          type={type}
          value={value}
          autoComplete={autoComplete}
          required={isRequired}
          readOnly={isReadOnly}
          maxLength={maxLength}
          dir={dir}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FieldShell>
  )
}

export interface Choice {
  value: string
  label: string
}

interface SelectFieldProps {
  name: string
  label: string
  value: string
  options: readonly Choice[]
  onChange: (value: string) => void
  error?: string | undefined
  hint?: string | undefined
}

export function SelectField({
  name,
  label,
  value,
  options,
  onChange,
  error,
  hint,
}: SelectFieldProps) {
  return (
    <FieldShell label={label} hint={hint} error={error}>
      {({ inputId, describedBy }) => (
        <select
          id={inputId}
          name={name}
          className="field-input"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  )
}

interface CheckboxGroupProps {
  name: string
  legend: string
  options: readonly Choice[]
  selected: readonly string[]
  onChange: (selected: string[]) => void
  error?: string | undefined
}

/** Several choices (a manager's stores): a fieldset of checkboxes, the error under the legend. */
export function CheckboxGroup({
  name,
  legend,
  options,
  selected,
  onChange,
  error,
}: CheckboxGroupProps) {
  const errorId = useId()
  return (
    <fieldset className="field bo-checkbox-group" aria-describedby={error ? errorId : undefined}>
      <legend className="field-label">{legend}</legend>
      {options.map((option, index) => (
        <label key={option.value} className="bo-checkbox">
          <input
            type="checkbox"
            name={index === 0 ? name : undefined}
            aria-invalid={index === 0 && error ? true : undefined}
            checked={selected.includes(option.value)}
            onChange={(event) =>
              onChange(
                event.target.checked
                  ? [...selected, option.value]
                  : selected.filter((value) => value !== option.value),
              )
            }
          />
          {option.label}
        </label>
      ))}
      {error ? (
        <p id={errorId} className="field-hint field-hint-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}
